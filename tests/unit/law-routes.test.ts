import { describe, expect, it } from "vitest";
import { computeClock, type ClockEvent, type Law } from "@/lib/deadlines";
import { whatToDo } from "@/lib/alerts/kinds";
import { isUnderTheAct } from "@/lib/bodies/foi-status";
import { draftLetters, letterFactsFromRequest, type LetterRequest } from "@/lib/letters/draft-letters";
import { refusalGround } from "@/lib/letters/exemptions";
import { chasedAfter } from "@/lib/requests/chased";
import { eventLabel } from "@/lib/requests/labels";
import { nextStep } from "@/lib/requests/next-step";
import { statusLabel } from "@/lib/requests/status";
import { possibleNextEvents, replayTimeline, type TimelineEntry } from "@/lib/requests/timeline";
import { calendarFor } from "./deadlines/calendars";

// Golden cases for who hears a complaint under each law, when each route opens, and what the
// letters ask for. Dates come from the real clock with GOV.UK bank holidays. The NHS England
// request: sent Mon 2 Aug 2021, due Tue 31 Aug 2021 under FOIA (30 Aug a bank holiday in
// England); due Mon 30 Aug under FOISA (2 Aug a Scottish bank holiday, 30 Aug not).

type Event = ClockEvent & { exemptions?: string[]; note?: string; result?: string };
const sent: Event = { kind: "sent", at: "2021-08-02" };

function clockFor(events: Event[], today: string, law: Law = "foia") {
  return computeClock(events, { law, calendar: calendarFor(law) }, today);
}

function request(events: Event[], today: string, law: Law = "foia", body: LetterRequest["body"] = { name: "Solent NHS Trust" }): LetterRequest {
  return {
    title: "Band 7 Lived Experience posts",
    authorityRef: null,
    law,
    externalUrl: null,
    sentAt: new Date(`${events[0].at as string}T09:00:00Z`),
    body,
    workspace: { name: "LXP Revolution" },
    events: events.map((e) => ({ kind: e.kind, occurredAt: new Date(`${e.at as string}T12:00:00Z`), exemptions: e.exemptions ?? [], result: e.result ?? null, note: e.note ?? null })),
    clock: clockFor(events, today, law),
    today,
  };
}

const letters = (events: Event[], today: string, law: Law = "foia", body?: LetterRequest["body"]) => draftLetters(letterFactsFromRequest(request(events, today, law, body)));

describe("the regulator follows the law of the request (FOISA s47(1): the Scottish Information Commissioner)", () => {
  it("FOISA s47(1): status and event labels name the Scottish Information Commissioner, FOIA and EIR the ICO", () => {
    expect(statusLabel("ico_complaint", "foisa")).toBe("Application to the Scottish Information Commissioner");
    expect(statusLabel("ico_complaint", "foia")).toBe("Complaint to the ICO");
    expect(statusLabel("ico_complaint", "eir")).toBe("Complaint to the ICO");
    expect(eventLabel("ico_complaint", "foisa")).toMatch(/Scottish Information Commissioner/);
    expect(eventLabel("ico_decision", "foisa")).not.toMatch(/ICO/);
    expect(eventLabel("internal_review_requested", "foisa")).toMatch(/section 20/);
    expect(eventLabel("ico_complaint", "foia")).toMatch(/ICO/);
  });

  it.each(["overdue", "very_overdue", "review_overdue", "review_very_overdue"] as const)(
    "FOISA s47(1), s20(1): the %s alert's next step never names the ICO",
    (kind) => {
      expect(whatToDo(kind, "foisa")).not.toMatch(/ICO/);
      expect(whatToDo(kind, "foisa")).toMatch(/Scottish Information Commissioner|review/);
    },
  );

  it("s45 Code Part 5, EIR reg 11(4), FOISA s21(1): the review-overdue alert follows each law's limit", () => {
    expect(whatToDo("review_overdue", "foia")).toMatch(/20 working days.*up to 40.*exceptional/);
    expect(whatToDo("review_overdue", "foia")).not.toMatch(/complain to the ICO now|you can complain/);
    expect(whatToDo("review_overdue", "eir")).toMatch(/40 working days regulation 11\(4\).*complain to the ICO/);
    expect(whatToDo("review_overdue", "foisa")).toMatch(/20 working days section 21\(1\).*Scottish Information Commissioner/);
  });

  it("FOISA s20(1), s47(1): a late Scottish request's next step is a review, not the Commissioner", () => {
    // Due Mon 30 Aug (FOISA); on Mon 6 Sep it is 5 working days overdue.
    const step = nextStep("awaiting_response", clockFor([sent], "2021-09-06", "foisa"));
    expect(step).toMatch(/require a review \(section 20\(1\)\)/);
    expect(step).not.toMatch(/ICO/);
  });

  it("FOISA s21(1), s47(1): a review past 20 working days can go to the Scottish Information Commissioner", () => {
    const clock = clockFor([sent, { kind: "response_refused", at: "2021-08-20" }, { kind: "internal_review_requested", at: "2021-08-23" }], "2021-09-24", "foisa");
    expect(nextStep("internal_review", clock)).toMatch(/apply to the Scottish Information Commissioner now \(section 47\(1\)\)/);
  });

  it("EIR reg 11(4): waiting for a reconsideration cites 40 working days by statute", () => {
    const clock = clockFor([sent, { kind: "response_refused", at: "2021-08-20" }, { kind: "internal_review_requested", at: "2021-08-23" }], "2021-09-24", "eir");
    expect(nextStep("internal_review", clock)).toMatch(/Regulation 11\(4\).*40 working days/);
  });

  it("FOISA s47(1): the timeline refuses an application to the Commissioner before a review, FOIA allows a complaint", () => {
    const at = (d: number) => `2021-08-${String(d).padStart(2, "0")}T12:00:00.000Z`;
    const e = (kind: TimelineEntry["kind"], d: number): TimelineEntry => ({ kind, at: at(d) });
    const refusedThenRegulator = [e("sent", 2), e("response_refused", 10), e("ico_complaint", 12)];
    const scot = replayTimeline(refusedThenRegulator, { law: "foisa" });
    expect(scot.ok).toBe(false);
    if (!scot.ok) expect(scot.reason).toMatch(/section 47\(1\)/);
    expect(replayTimeline([e("sent", 2), e("response_refused", 10), e("internal_review_requested", 11), e("internal_review_answered", 20), e("ico_complaint", 21)].map((x, i) => (i === 3 ? { ...x, result: "refused" } : x)), { law: "foisa" })).toEqual({ ok: true, status: "ico_complaint" });
    expect(replayTimeline(refusedThenRegulator, { law: "foia" })).toEqual({ ok: true, status: "ico_complaint" });
    expect(possibleNextEvents("refused", { law: "foisa" })).not.toContain("ico_complaint");
  });
});

describe("ICO complaint gating (ICO FOI and EIR complaints guidance; s45 Code Part 5)", () => {
  // FOIA, due Tue 31 Aug 2021. Chased Tue 7 Sep (5 working days late: Sep 1, 2, 3, 6, 7).
  const chased: Event = { kind: "note", at: "2021-09-07", note: "Chaser sent by email to foi@example.nhs.uk." };

  it("ICO complaints guidance: no complaint about a request never answered until it was chased", () => {
    expect(letters([sent], "2021-09-06").map((l) => l.kind)).toEqual(["chaser"]);
    expect(nextStep("awaiting_response", clockFor([sent], "2021-09-06"))).toMatch(/send a chaser/);
  });

  it("ICO complaints guidance: once chased, a complaint about the failure to respond is offered first, saying why", () => {
    const drafted = letters([sent, chased], "2021-09-10");
    expect(drafted.map((l) => l.kind)).toEqual(["ico_complaint", "chaser"]);
    const complaint = drafted[0];
    expect(complaint.reason).toMatch(/chased it on Tuesday 7 September 2021: the ICO takes complaints about requests never answered once the body was chased/);
    expect(complaint.text).toMatch(/has not responded to my request/);
    expect(complaint.text).toMatch(/- my chaser of Tuesday 7 September 2021/);
    expect(complaint.text).toMatch(/section 50 of the Freedom of Information Act 2000/);
  });

  it("ICO complaints guidance: a note starting “Chased” counts; a chaser before the due date does not", () => {
    const events = [{ kind: "note", occurredAt: new Date("2021-08-20T12:00:00Z"), note: "Chased by phone" }, { kind: "note", occurredAt: new Date("2021-09-03T12:00:00Z"), note: "chased by post" }];
    expect(chasedAfter(events, "2021-08-31", "2021-09-10")).toBe("2021-09-03");
    expect(chasedAfter(events.slice(0, 1), "2021-08-31", "2021-09-10")).toBeNull();
    expect(chasedAfter([{ kind: "note", occurredAt: new Date("2021-09-03T12:00:00Z"), note: "Spoke to them" }], "2021-08-31", "2021-09-10")).toBeNull();
  });

  it("FOISA s47(1): chasing does not open the Commissioner's door; a review comes first", () => {
    const drafted = letters([sent, chased], "2021-09-10", "foisa");
    expect(drafted.map((l) => l.kind)).not.toContain("ico_complaint");
    expect(drafted.map((l) => l.kind)).toContain("internal_review");
  });

  it("s45 Code Part 5: at 20 working days a FOIA review is chased, not complained about; at 40 the ICO takes it", () => {
    const events: Event[] = [sent, { kind: "response_refused", at: "2021-08-20" }, { kind: "internal_review_requested", at: "2021-08-23" }];
    // Review due Tue 21 Sep (20th working day), 40th working day Tue 19 Oct (hand count in letters.test.ts).
    const at24Sep = nextStep("internal_review", clockFor(events, "2021-09-24"));
    expect(at24Sep).toMatch(/20 working days.*up to 40 only in exceptional cases.*Tuesday 19 October 2021/);
    expect(at24Sep).not.toMatch(/complain to the ICO now/);
    expect(nextStep("internal_review", clockFor(events, "2021-10-20"))).toMatch(/more than 40 working days: you can complain to the ICO now/);
  });

  it("EIR reg 11(4): the reconsideration may go to the ICO only after its 40 statutory working days", () => {
    const events: Event[] = [sent, { kind: "response_refused", at: "2021-08-20" }, { kind: "internal_review_requested", at: "2021-08-23" }];
    expect(letters(events, "2021-09-24", "eir").map((l) => l.kind)).toEqual([]);
    expect(letters(events, "2021-10-20", "eir").map((l) => l.kind)).toEqual(["ico_complaint"]);
  });
});

describe("review letters for each kind of answer", () => {
  it("ICO guidance on information held (balance of probabilities): a not-held review asks what was searched, where, with what terms", () => {
    const drafted = letters([sent, { kind: "response_not_held", at: "2021-08-20" }], "2021-09-06");
    expect(drafted.map((l) => l.kind)).toEqual(["internal_review"]);
    const text = drafted[0].text;
    expect(drafted[0].title).toMatch(/information not held/);
    expect(text).toMatch(/balance of probabilities/);
    expect(text).toMatch(/what searches you made, and of which records/);
    expect(text).toMatch(/what search terms you used/);
    expect(text).toMatch(/retention policy/);
  });

  it("FOIA s17: an answer with parts missing and no exemption given gets an incomplete-answer review", () => {
    const drafted = letters([sent, { kind: "response_partial", at: "2021-08-25" }], "2021-09-06");
    expect(drafted[0].title).toMatch(/incomplete answer/);
    expect(drafted[0].text).toMatch(/does not cover all of it/);
    expect(drafted[0].text).toMatch(/section 17 of the Act/);
    expect(drafted[0].text).toMatch(/search terms/);
  });

  it("Fees Regulations 2004 reg 3 and 4, s16 and Code Part 6: a cost refusal asks for the estimate broken down and help to narrow, not exemption wording", () => {
    const drafted = letters([sent, { kind: "response_refused", at: "2021-08-20", exemptions: ["s12"] }], "2021-09-06");
    const text = drafted[0].text;
    expect(drafted[0].title).toMatch(/refused on cost/);
    expect(text).toMatch(/estimate broken down/);
    expect(text).toMatch(/regulation 4\(3\)/);
    expect(text).toMatch(/£25 an hour/);
    expect(text).toMatch(/£450/);
    expect(text).toMatch(/Section 16 of the Act/);
    expect(text).toMatch(/Part 6 of the Code of Practice/);
    expect(text).not.toMatch(/I do not think this exemption applies/);
  });

  it("FOISA s12, Fees for Required Disclosure (Scotland) Regulations 2004 regs 3 and 5, s15: the Scottish cost limit and duty", () => {
    const text = letters([sent, { kind: "response_refused", at: "2021-08-20", exemptions: ["section 12(1)"] }], "2021-09-06", "foisa")[0].text;
    expect(text).toMatch(/£600/);
    expect(text).toMatch(/£15 an hour/);
    expect(text).toMatch(/Section 15 of the Act/);
    expect(text).not.toMatch(/£25|ICO/);
  });

  it("FOIA s14(1) and s16: a vexatious refusal asks why, and what would be answered", () => {
    const drafted = letters([sent, { kind: "response_refused", at: "2021-08-20", exemptions: ["s14(1)"] }], "2021-09-06");
    expect(drafted[0].title).toMatch(/refused as vexatious/);
    expect(drafted[0].text).toMatch(/why you consider this request itself vexatious/);
    expect(drafted[0].text).toMatch(/Section 16 of the Act/);
  });

  it("FOIA s12, s14 are grounds, not exemptions; EIR reg 12(4)(b) keeps the exception wording", () => {
    expect(refusalGround(["s40", "section 12"], "foia")).toBe("cost");
    expect(refusalGround(["14"], "foisa")).toBe("vexatious");
    expect(refusalGround(["s43"], "foia")).toBeNull();
    expect(refusalGround(["reg 12(4)(b)"], "eir")).toBeNull();
  });

  it("s45 Code para 5.3: the next step after a cost refusal asks for the estimate within 40 working days", () => {
    const clock = clockFor([sent, { kind: "response_refused", at: "2021-08-20" }], "2021-09-06");
    expect(nextStep("refused", clock, { refusalGround: "cost" })).toMatch(/cost estimate broken down.*section 16/);
    expect(nextStep("refused", clock)).toMatch(/within 40 working days of the response \(Code of Practice para 5\.3\)/);
  });
});

describe("bodies outside the Act (FOIA s3(1), s3(2)(b))", () => {
  const cic = { name: "Livewell Southwest CIC", foiStatus: "outside_the_act" as const };

  it("FOIA s3(1): a body outside the Act is not under it; unknown means a public authority", () => {
    expect(isUnderTheAct(cic)).toBe(false);
    expect(isUnderTheAct({ foiStatus: "public_authority" })).toBe(true);
    expect(isUnderTheAct({})).toBe(true);
  });

  it("FOIA s3(2)(b): a late answer gets a voluntary chaser naming the commissioner route, never a review or an ICO complaint", () => {
    const drafted = letters([sent], "2021-10-06", "foia", cic);
    expect(drafted.map((l) => l.kind)).toEqual(["chaser"]);
    expect(drafted[0].text).toMatch(/not a public authority under the Freedom of Information Act 2000/);
    expect(drafted[0].text).toMatch(/section 3\(2\)\(b\)/);
    expect(drafted[0].text).not.toMatch(/ICO|Section 10\(1\)/);
    expect(letters([sent, { kind: "response_refused", at: "2021-08-20" }], "2021-09-06", "foia", cic)).toEqual([]);
  });

  it("FOIA s3(2)(b): the next step for a body outside the Act says there is no statutory deadline", () => {
    const clock = clockFor([sent], "2021-09-06");
    const step = nextStep("awaiting_response", clock, { underTheAct: false });
    expect(step).toMatch(/no statutory deadline/);
    expect(step).toMatch(/section 3\(2\)\(b\)/);
    expect(step).not.toMatch(/ICO/);
  });
});
