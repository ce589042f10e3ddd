import { describe, expect, it } from "vitest";
import { addCalendarMonths, computeClock, type ClockEvent, type Law } from "@/lib/deadlines";
import { calendarFor } from "./calendars";

// Hand counts against data/uk-bank-holidays.json; the request is sent Mon 2 Aug 2021, due Tue 31 Aug
// (the seed's NHS England request). No bank holiday from September to mid-November in either calendar.
const clockOf = (events: ClockEvent[], law: Law = "foia") =>
  computeClock([{ kind: "sent", at: "2021-08-02" }, ...events], { law, calendar: calendarFor(law) });
const deadlines = (events: ClockEvent[], law: Law = "foia") => clockOf(events, law).ownDeadlines.map((d) => [d.kind, d.due]);

describe("the campaign's own deadlines", () => {
  it("s45 Code para 5.3: ask for a review within 40 working days of the response (2 Sep -> 28 Oct)", () => {
    // Sep 3 (1), 6-10 (6), 13-17 (11), 20-24 (16), 27-Oct 1 (21), Oct 4-8 (26), 11-15 (31), 18-22 (36), 25-28 (40).
    expect(deadlines([{ kind: "response_refused", at: "2021-09-02" }])).toEqual([["ask_review", "2021-10-28"]]);
  });

  it("EIR reg 11(2): with no response, 40 working days from the due date (31 Aug -> 26 Oct)", () => {
    // Sep 1-3 (3), 6-10 (8), 13-17 (13), 20-24 (18), 27-Oct 1 (23), Oct 4-8 (28), 11-15 (33), 18-22 (38), 25, 26 (40).
    const clock = clockOf([], "eir");
    expect(clock.ownDeadlines).toEqual([{ kind: "ask_review", due: "2021-10-26", source: "EIR reg 11(2)", statutory: true, whose: "campaign" }]);
  });

  it("ICO 'FOI and EIR complaints' (six weeks; FOIA s50(2)(b)): review answered Fri 1 Oct -> complain by Fri 12 Nov, practice not statute", () => {
    const clock = clockOf([
      { kind: "response_refused", at: "2021-08-20" },
      { kind: "internal_review_requested", at: "2021-09-10" },
      { kind: "internal_review_answered", at: "2021-10-01" },
    ]);
    expect(clock.ownDeadlines).toMatchObject([{ kind: "complain_ico", due: "2021-11-12", statutory: false }]);
  });

  it("FOISA s47(4)(a): apply to the Scottish Information Commissioner within six months of the review's answer (1 Oct -> 1 Apr)", () => {
    const events: ClockEvent[] = [
      { kind: "response_refused", at: "2021-08-20" },
      { kind: "internal_review_requested", at: "2021-09-01" },
      { kind: "internal_review_answered", at: "2021-10-01" },
    ];
    expect(deadlines(events, "foisa")).toEqual([["apply_commissioner", "2022-04-01"]]);
  });

  it("FOISA s47(4)(b), s21(1): no review answer, six months from the review's due date (20 wd after 1 Sep = 29 Sep -> 29 Mar)", () => {
    const events: ClockEvent[] = [{ kind: "response_refused", at: "2021-08-20" }, { kind: "internal_review_requested", at: "2021-09-01" }];
    expect(deadlines(events, "foisa")).toEqual([["apply_commissioner", "2022-03-29"]]);
  });

  it("FOIA s57, GRC Rules r22(1)(b): appeal a decision notice within 28 days (1 Mar -> 29 Mar); FOIA s50(4), s54: the body's steps by 12 Apr", () => {
    const clock = clockOf([
      { kind: "response_refused", at: "2021-08-20" },
      { kind: "internal_review_requested", at: "2021-09-01" },
      { kind: "internal_review_answered", at: "2021-09-20" },
      { kind: "ico_complaint", at: "2021-10-01" },
      { kind: "ico_decision", at: "2022-03-01", newDueDate: "2022-04-12" },
    ]);
    expect(clock.ownDeadlines).toMatchObject([
      { kind: "appeal_tribunal", due: "2022-03-29", whose: "campaign" },
      { kind: "decision_compliance", due: "2022-04-12", whose: "body" },
    ]);
  });

  it("FOISA s56: a Scottish decision goes to the Court of Session within 42 days (1 Mar -> 12 Apr)", () => {
    const events: ClockEvent[] = [{ kind: "response_refused", at: "2021-08-20" }, { kind: "ico_complaint", at: "2021-10-01" }, { kind: "ico_decision", at: "2022-03-01" }];
    expect(deadlines(events, "foisa")).toEqual([["appeal_court_of_session", "2022-04-12"]]);
  });

  it("FOIA s9(2): a fees notice of Mon 9 Aug lapses unpaid after three months beginning that day (last day Mon 8 Nov)", () => {
    expect(deadlines([{ kind: "fees_notice", at: "2021-08-09" }])).toEqual([["fee_lapses", "2021-11-08"]]);
  });

  it("months end on the month's last day when it has no such day", () => {
    expect(addCalendarMonths("2021-08-31", 6)).toBe("2022-02-28");
    expect(addCalendarMonths("2023-08-31", 6)).toBe("2024-02-29");
    expect(addCalendarMonths("2021-11-30", 3)).toBe("2022-02-28");
  });

  it("FOIA: no response, no review limit (the Code's 40 working days run from a response)", () => {
    expect(deadlines([])).toEqual([]);
  });

  it("a withdrawn request has no deadlines", () => {
    expect(deadlines([{ kind: "withdrawn", at: "2021-08-10" }])).toEqual([]);
  });
});
