import { describe, expect, expectTypeOf, it } from "vitest";
import { computeClock, type ClockEvent, type Law } from "@/lib/deadlines";
import { citeExemption } from "@/lib/letters/exemptions";
import {
  draftLetters,
  letterFactsFromRequest,
  NAME_PLACEHOLDER,
  type LetterKind,
  type LetterRequest,
} from "@/lib/letters/draft-letters";
import type { getRequest } from "@/lib/requests/get-request";
import { calendarFor } from "./deadlines/calendars";

// The facts come from the real clock (GOV.UK bank holidays), not hand-written dates. The
// NHS England request: sent Mon 2 Aug 2021, due Tue 31 Aug 2021 (30 Aug was a bank holiday
// in England and Wales); on Mon 6 Sep it is 4 working days overdue (1, 2, 3, 6 Sep).

type TimelineEvent = ClockEvent & { exemptions?: string[] };

interface RequestOptions {
  law?: Law;
  ref?: string | null;
  title?: string;
  url?: string | null;
  workspaceName?: string;
}

function requestFor(events: TimelineEvent[], today: string, options: RequestOptions = {}): LetterRequest {
  const law = options.law ?? "foia";
  return {
    title: options.title ?? "Band 7 KUF Lived Experience posts",
    authorityRef: options.ref === undefined ? "FOI-2108-1525161" : options.ref,
    law,
    externalUrl: options.url === undefined ? null : options.url,
    sentAt: new Date(`${events[0].at as string}T09:00:00Z`),
    body: { name: "NHS England" },
    ...(options.workspaceName === undefined ? {} : { workspace: { name: options.workspaceName } }),
    events: events.map((e) => ({ kind: e.kind, occurredAt: new Date(`${e.at as string}T09:00:00Z`), exemptions: e.exemptions ?? [], result: (e as { result?: string }).result ?? null })),
    clock: computeClock(events, { law, calendar: calendarFor(law) }, today),
    today,
  };
}

function lettersFor(events: TimelineEvent[], today: string, options: RequestOptions = {}) {
  return draftLetters(letterFactsFromRequest(requestFor(events, today, { workspaceName: "LXP Revolution", ...options })));
}

const sent: TimelineEvent = { kind: "sent", at: "2021-08-02" };

interface Case {
  name: string;
  law?: Law;
  events: TimelineEvent[];
  today: string;
  ref?: string | null;
  kinds: LetterKind[];
  /** Text every letter must contain. */
  contains?: Partial<Record<LetterKind, string[]>>;
  /** Text no letter may contain. */
  absent?: string[];
  reasons?: Partial<Record<LetterKind, string>>;
}

const cases: Case[] = [
  {
    name: "4 working days overdue: a chaser only",
    events: [sent],
    today: "2021-09-06",
    kinds: ["chaser"],
    contains: {
      chaser: [
        "Band 7 KUF Lived Experience posts",
        "Monday 2 August 2021",
        "Tuesday 31 August 2021",
        "4 working days",
        "your reference FOI-2108-1525161",
        "Section 10(1) of the Freedom of Information Act 2000",
        "Information Commissioner's Office (ICO)",
        "LXP Revolution",
      ],
    },
    reasons: { chaser: "Offered because the response is 4 working days overdue." },
  },
  {
    name: "due today: nothing to chase yet",
    events: [sent],
    today: "2021-08-31",
    kinds: [],
  },
  {
    name: "overdue on the Saturday after a Friday due date, before a working day has passed",
    // Sent Thu 5 Aug 2021: Aug 6 (1), 9-13 (6), 16-20 (11), 23-27 (16), 30 a bank holiday, 31 (17), Sep 1-3 (20).
    events: [{ kind: "sent", at: "2021-08-05" }],
    today: "2021-09-04",
    kinds: ["chaser"],
    contains: { chaser: ["Friday 3 September 2021", "It is now overdue."] },
    reasons: { chaser: "Offered because the response is overdue." },
  },
  {
    name: "very overdue: a long-delay review first, then a chaser",
    events: [sent],
    today: "2021-10-06",
    kinds: ["internal_review", "chaser"],
    contains: { internal_review: ["Tuesday 31 August 2021", "failure to respond", "section 45", "20 working days"] },
  },
  {
    name: "refused under s40 and s43: an internal review naming both sections",
    events: [sent, { kind: "response_refused", at: "2021-08-20", exemptions: ["s40", "s43"] }],
    today: "2021-09-06",
    kinds: ["internal_review"],
    contains: {
      internal_review: [
        "section 40 (personal information)",
        "section 43 (commercial interests)",
        "Friday 20 August 2021",
        "Monday 2 August 2021",
        "your reference FOI-2108-1525161",
        "[Add your reasons here",
      ],
    },
    reasons: { internal_review: "Offered because NHS England refused the request on Friday 20 August 2021." },
  },
  {
    name: "partly answered: an internal review",
    events: [sent, { kind: "response_partial", at: "2021-08-25", exemptions: ["section 40(2)"] }],
    today: "2021-09-06",
    kinds: ["internal_review"],
    contains: { internal_review: ["answered only part of the request", "section 40(2) (personal information)", "Wednesday 25 August 2021"] },
  },
  {
    name: "answered in full, no review: no letters",
    events: [sent, { kind: "response_successful", at: "2021-08-20" }],
    today: "2021-09-06",
    kinds: [],
  },
  {
    name: "answered late, in full: no letters",
    events: [sent, { kind: "response_successful", at: "2021-09-20" }],
    today: "2021-10-06",
    kinds: [],
  },
  {
    name: "waiting for a clarification: the clock is paused, no letters",
    events: [sent, { kind: "clarification_requested", at: "2021-08-05" }],
    today: "2021-10-06",
    kinds: [],
  },
  {
    name: "withdrawn: no letters",
    events: [sent, { kind: "withdrawn", at: "2021-08-05" }],
    today: "2021-10-06",
    kinds: [],
  },
  {
    // s45 Code of Practice Part 5: 20 working days, up to 40 in exceptional cases; the ICO takes a
    // complaint about a review with no outcome after 40 (ico.org.uk FOI and EIR complaints).
    name: "FOIA review 3 working days past the Code's 20 (s45 Code Part 5): no complaint yet, the 40 may apply",
    // Review requested Mon 23 Aug 2021: Aug 24-27 (4), 31 (5), Sep 1-3 (8) ... Sep 20 (19), 21 (20): due Tue 21 Sep.
    events: [
      sent,
      { kind: "response_refused", at: "2021-08-20", exemptions: ["s40"] },
      { kind: "internal_review_requested", at: "2021-08-23" },
    ],
    today: "2021-09-24",
    kinds: [],
  },
  {
    name: "FOIA review past 40 working days (s45 Code Part 5, ICO complaints guidance): a complaint to the ICO naming the request's and the review's dates",
    // 40th working day after Mon 23 Aug 2021: Sep 21 (20), Sep 22-30 (27), Oct 1 (28), Oct 4-8 (33),
    // Oct 11-15 (38), 18 (39), 19 (40). On Wed 20 Oct it is 21 working days past the 21 Sep due date.
    events: [
      sent,
      { kind: "response_refused", at: "2021-08-20", exemptions: ["s40"] },
      { kind: "internal_review_requested", at: "2021-08-23" },
    ],
    today: "2021-10-20",
    kinds: ["ico_complaint"],
    contains: {
      ico_complaint: [
        "section 50 of the Freedom of Information Act 2000",
        "Monday 2 August 2021",
        "Tuesday 31 August 2021",
        "Friday 20 August 2021",
        "Monday 23 August 2021",
        "Tuesday 21 September 2021",
        "21 working days overdue",
        "Tuesday 19 October 2021",
        "NHS England's reference FOI-2108-1525161",
        "I attach:",
        "- my request for an internal review of Monday 23 August 2021",
      ],
    },
    reasons: { ico_complaint: "Offered because the internal review is 21 working days overdue, beyond the 40 working days the Code of Practice allows in exceptional cases." },
  },
  {
    name: "review requested, not yet due: nothing",
    events: [sent, { kind: "response_refused", at: "2021-08-20" }, { kind: "internal_review_requested", at: "2021-08-23" }],
    today: "2021-09-10",
    kinds: [],
  },
  {
    name: "review answered: a complaint, for if the review did not satisfy",
    events: [
      sent,
      { kind: "response_refused", at: "2021-08-20" },
      { kind: "internal_review_requested", at: "2021-08-23" },
      { kind: "internal_review_answered", at: "2021-09-15", exemptions: ["s43"] },
    ],
    today: "2021-09-24",
    kinds: ["ico_complaint"],
    contains: { ico_complaint: ["Wednesday 15 September 2021", "section 43", "[Add your reasons here"] },
    reasons: {
      ico_complaint: "Offered if you are not satisfied with the internal review NHS England sent on Wednesday 15 September 2021.",
    },
  },
  {
    name: "review released everything: nothing to complain about",
    events: [
      sent,
      { kind: "response_refused", at: "2021-08-20" },
      { kind: "internal_review_requested", at: "2021-08-23" },
      { kind: "internal_review_answered", at: "2021-09-15", result: "successful" } as TimelineEvent,
    ],
    today: "2021-09-24",
    kinds: [],
  },
  {
    name: "complaint already made: nothing more",
    events: [
      sent,
      { kind: "response_refused", at: "2021-08-20" },
      { kind: "internal_review_requested", at: "2021-08-23" },
      { kind: "ico_complaint", at: "2021-09-23" },
    ],
    today: "2021-09-24",
    kinds: [],
  },
  {
    name: "FOISA overdue: a chaser, then a requirement for review; the Scottish Information Commissioner, never the ICO",
    law: "foisa",
    // FOISA counts Scottish bank holidays only: 2 Aug is one, 30 Aug is not. Day 0 Mon 2 Aug,
    // Aug 3-27 (19), 30 (20): due Mon 30 Aug; on Mon 6 Sep, 5 working days overdue.
    events: [sent],
    today: "2021-09-06",
    kinds: ["chaser", "internal_review"],
    contains: {
      chaser: ["Monday 30 August 2021", "5 working days", "Scottish Information Commissioner", "section 20"],
      internal_review: ["section 20(1) of the Freedom of Information (Scotland) Act 2002", "Section 21(1) of the Act", "Scottish Information Commissioner"],
    },
    absent: ["ICO", "Information Commissioner's Office", "Freedom of Information Act 2000"],
  },
  {
    name: "FOISA review overdue: an application to the Scottish Information Commissioner",
    law: "foisa",
    events: [sent, { kind: "response_refused", at: "2021-08-20", exemptions: ["s38"] }, { kind: "internal_review_requested", at: "2021-08-23" }],
    today: "2021-10-06",
    kinds: ["ico_complaint"],
    contains: {
      ico_complaint: [
        "Dear Scottish Information Commissioner",
        "section 47(1) of the Freedom of Information (Scotland) Act 2002",
        "section 38 (personal information)",
        "Monday 23 August 2021",
      ],
    },
    absent: ["ICO", "Information Commissioner's Office", "Freedom of Information Act 2000"],
  },
  {
    name: "EIR refused: a regulation 11 review naming the exceptions",
    law: "eir",
    events: [sent, { kind: "response_refused", at: "2021-08-20", exemptions: ["reg 12(5)(e)", "13"] }],
    today: "2021-09-06",
    kinds: ["internal_review"],
    contains: {
      internal_review: ["regulation 11 of the Environmental Information Regulations 2004", "regulation 12(5)(e)", "regulation 13 (personal data)", "40 working days"],
    },
  },
  {
    name: "no reference: none is invented",
    events: [sent],
    today: "2021-09-06",
    ref: null,
    kinds: ["chaser"],
    absent: ["reference", "FOI-2108"],
  },
];

describe("draftLetters (facts from the real clock)", () => {
  it.each(cases)("$name", (c) => {
    const letters = lettersFor(c.events, c.today, { law: c.law, ref: c.ref });
    expect(letters.map((l) => l.kind)).toEqual(c.kinds);
    for (const letter of letters) {
      for (const text of c.contains?.[letter.kind] ?? []) expect(letter.text).toContain(text);
      for (const text of c.absent ?? []) {
        expect(letter.text).not.toContain(text);
        expect(letter.title).not.toContain(text);
        expect(letter.reason).not.toContain(text);
      }
      const reason = c.reasons?.[letter.kind];
      if (reason) expect(letter.reason).toBe(reason);
      expect(letter.text.trimEnd().endsWith("LXP Revolution")).toBe(true);
      expect(letter.filename).toMatch(new RegExp(`^[a-z-]+-nhs-england-${c.today}\\.txt$`));
      expect(letter.reason).toMatch(/^Offered [^\n]+\.$/);
    }
  });
});

describe("draftLetters details", () => {
  it("names files by kind, body and today's date", () => {
    const [review, chaser] = lettersFor([sent], "2021-10-06");
    expect(review.filename).toBe("internal-review-nhs-england-2021-10-06.txt");
    expect(chaser.filename).toBe("chaser-nhs-england-2021-10-06.txt");
    const facts = letterFactsFromRequest(requestFor([sent], "2021-09-06", { law: "foisa" }));
    const sic = draftLetters({
      ...facts,
      bodyName: "Café & Co — NHS Lothian",
      review: { requested: "2021-08-23", due: "2021-09-20", veryOverdue: "2021-10-18", answered: null },
      reviewStateKind: "overdue",
      reviewWorkingDaysOverdue: 2,
    })[0];
    expect(sic.filename).toBe("sic-application-cafe-and-co-nhs-lothian-2021-09-06.txt");
  });

  it("keeps HTML-ish characters in the title as plain text", () => {
    const title = `Posts <b>funded</b> & "planned" <script>alert(1)</script>`;
    const [chaser] = lettersFor([sent], "2021-09-06", { title });
    expect(chaser.text).toContain(`"${title}"`);
    expect(chaser.text).not.toContain("&amp;");
    expect(chaser.text).not.toContain("&lt;");
  });

  it("links the request online when there is a URL", () => {
    const url = "https://www.whatdotheyknow.com/request/band_7_kuf_lived_experience_post";
    const [chaser] = lettersFor([sent], "2021-09-06", { url });
    expect(chaser.text).toContain(url);
    const [without] = lettersFor([sent], "2021-09-06");
    expect(without.text).not.toContain("online at");
  });

  it("signs with a placeholder when the campaign's name is not known", () => {
    const facts = letterFactsFromRequest(requestFor([sent], "2021-09-06"));
    expect(facts.requesterName).toBe(NAME_PLACEHOLDER);
    expect(letterFactsFromRequest(requestFor([sent], "2021-09-06"), { requesterName: "Jo Bloggs" }).requesterName).toBe("Jo Bloggs");
  });

  it("ignores events after today, as the clock does", () => {
    const events: TimelineEvent[] = [sent, { kind: "response_refused", at: "2021-09-20", exemptions: ["s40"] }];
    const facts = letterFactsFromRequest(requestFor(events, "2021-09-06"));
    expect(facts.exemptions).toEqual([]);
    expect(facts.stateKind).toBe("overdue");
    expect(facts.workingDaysOverdue).toBe(4);
  });

  it("builds its facts from what getRequest returns", () => {
    expectTypeOf<Awaited<ReturnType<typeof getRequest>>>().toExtend<LetterRequest>();
  });
});

describe("citeExemption", () => {
  it.each([
    ["s40", "foia", "section 40 (personal information)"],
    ["S.43(2)", "foia", "section 43(2) (commercial interests)"],
    ["section 12", "foia", "section 12 (cost of compliance)"],
    ["40", "foia", "section 40 (personal information)"],
    ["s99", "foia", "section 99"],
    ["s38(1)(b)", "foisa", "section 38(1)(b) (personal information)"],
    ["s33", "foisa", "section 33 (commercial interests and the economy)"],
    ["reg 12(4)(b)", "eir", "regulation 12(4)(b) (manifestly unreasonable request)"],
    ["12(5)(e)", "eir", "regulation 12(5)(e) (confidentiality of commercial or industrial information)"],
    ["Regulation 13(1)", "eir", "regulation 13(1) (personal data)"],
    ["vexatious", "foia", "vexatious"],
  ] as const)("%s under %s -> %s", (raw, law, expected) => {
    expect(citeExemption(raw, law)).toBe(expected);
  });
});
