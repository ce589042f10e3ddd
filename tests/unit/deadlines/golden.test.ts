import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  buildCalendar,
  computeClock,
  describeClock,
  formatUkDate,
  isWorkingDay,
  receiptDate,
  workingDaysBetween,
  type Clock,
  type ClockEvent,
  type Convention,
  type Law,
} from "@/lib/deadlines";
import { calendarFor, loadGovUkData } from "./calendars";

// Every count below is by hand against data/uk-bank-holidays.json (GOV.UK) unless a
// source is named. "wd" = working day; "h" = not a working day for that law.

interface GoldenCase {
  name: string;
  law?: Law;
  convention?: Convention;
  events: ClockEvent[];
  today?: string;
  expected: Partial<Omit<Clock, "state" | "reviewState" | "review" | "extension">> & {
    state?: Clock["state"];
    reviewState?: Clock["reviewState"];
    review?: Partial<NonNullable<Clock["review"]>>;
    extension?: Partial<NonNullable<Clock["extension"]>>;
  };
}

const sent = (at: string): ClockEvent => ({ kind: "sent", at });

const cases: GoldenCase[] = [
  {
    // Seed: NHS England FOI-2108-1525161, "request dated 02 August 2021" (shared/seeds).
    // 2 Aug 2021 was Scotland's summer bank holiday, 30 Aug England's: Aug 3-6 (4), 9-13 (9),
    // 16-20 (14), 23-27 (19), 30 h, 31 (20). Day 40: Sep 1-3 (23), 6-24 (38), 27, 28 (40).
    name: "seed: NHS England, received Mon 2 Aug 2021, calendar convention",
    events: [sent("2021-08-02")],
    expected: {
      received: "2021-08-02",
      dateOfReceipt: "2021-08-02",
      dateOfReceiptIfNextWorkingDay: "2021-08-03",
      due: "2021-08-31",
      dueIfNextWorkingDay: "2021-09-01",
      veryOverdue: "2021-09-28",
      projected: false,
    },
  },
  {
    // Day 0 = Tue 3 Aug: Aug 4-6 (3), 9-27 (18), 31 (19), Sep 1 (20). Day 40: Sep 29.
    name: "seed, next-working-day convention: day 0 moves off Scotland's holiday",
    convention: "next-working-day",
    events: [sent("2021-08-02")],
    expected: { received: "2021-08-03", due: "2021-09-01", dueIfCalendar: "2021-08-31", veryOverdue: "2021-09-29" },
  },
  {
    // FOISA s73: Scottish holidays only, so 30 Aug counts: Aug 3-27 (19), 30 (20).
    name: "seed under FOISA: England's 30 August is a working day in Scotland",
    law: "foisa",
    events: [sent("2021-08-02")],
    expected: { due: "2021-08-30", dueIfNextWorkingDay: "2021-08-31", veryOverdue: "2021-09-27" },
  },
  {
    // EIR reg 5(2) + reg 2(1) (working day as FOIA s10(6)): same as FOIA.
    name: "seed under EIR: same UK-wide working days as FOIA",
    law: "eir",
    events: [sent("2021-08-02")],
    expected: { due: "2021-08-31", veryOverdue: "2021-09-28" },
  },
  {
    // No holidays: Jun 10-11 (2), 14-18 (7), 21-25 (12), 28-Jul 2 (17), 5-7 (20): 28 days later.
    name: "weekday, no holidays: Wed 9 Jun 2021 -> Wed 7 Jul 2021",
    events: [sent("2021-06-09")],
    expected: { due: "2021-07-07", dueIfNextWorkingDay: "2021-07-07" },
  },
  {
    // Calendar: day 0 Sat 12 Jun; Jun 14-Jul 9 (20). Next working day: day 0 Mon 14 Jun;
    // Jun 15-Jul 9 (19), Mon 12 Jul h (Northern Ireland, Battle of the Boyne), Tue 13 (20).
    name: "Saturday receipt: the conventions differ, and 12 July (NI) stops the clock",
    events: [sent("2021-06-12")],
    expected: { dateOfReceiptIfNextWorkingDay: "2021-06-14", due: "2021-07-09", dueIfNextWorkingDay: "2021-07-13" },
  },
  {
    // Same dates in Scotland: 12 July is a working day, so Jun 15-Jul 9 (19), Jul 12 (20).
    name: "FOISA, Saturday receipt, next-working-day: 12 July is a working day in Scotland",
    law: "foisa",
    convention: "next-working-day",
    events: [sent("2021-06-12")],
    expected: { received: "2021-06-14", due: "2021-07-12", dueIfCalendar: "2021-07-09" },
  },
  {
    // St Patrick's Day Thu 17 Mar 2022 (NI): Feb 18 (1), 21-Mar 16 (19), 17 h, 18 (20).
    name: "St Patrick's Day 2022 (NI) moves a FOIA deadline",
    events: [sent("2022-02-17")],
    expected: { due: "2022-03-18" },
  },
  {
    name: "St Patrick's Day 2022 does not move a FOISA deadline",
    law: "foisa",
    events: [sent("2022-02-17")],
    expected: { due: "2022-03-17" },
  },
  {
    // Christmas 2021 fell on a weekend: 27 and 28 Dec substitutes, 3 Jan (New Year) and
    // Tue 4 Jan 2022 (Scotland's 2 January substitute). Dec 16-17 (2), 20-24 (7), 29-31 (10),
    // Jan 5-7 (13), 10-14 (18), 17, 18 (20). England-only data would give 17 Jan.
    name: "Christmas 2021 and Scotland's 2 January substitute (Tue 4 Jan 2022)",
    events: [sent("2021-12-15")],
    expected: { due: "2022-01-18" },
  },
  {
    // 2 Jan 2023 (Mon) New Year substitute everywhere; Tue 3 Jan Scotland's 2 January.
    // Dec 16 (1), 19-23 (6), 26 h, 27 h, 28-30 (9), Jan 2 h, 3 h, 4-6 (12), 9-13 (17), 16-18 (20).
    name: "Christmas 2022 and New Year 2023 (Scotland's 3 January)",
    events: [sent("2022-12-15")],
    expected: { due: "2023-01-18" },
  },
  {
    // 25, 26 Dec 2023 and 1, 2 Jan 2024 (Scotland). Dec 4-22 (15), 27-29 (18), Jan 3, 4 (20).
    name: "Christmas 2023 and New Year 2024, FOISA",
    law: "foisa",
    events: [sent("2023-12-01")],
    expected: { due: "2024-01-04" },
  },
  {
    // St Andrew's Day Sat 30 Nov 2024 -> Scottish substitute Mon 2 Dec.
    // Nov 5-29 (19), Dec 2 h, Dec 3 (20).
    name: "St Andrew's Day 2024 substitute (Mon 2 Dec) stops the UK-wide clock",
    events: [sent("2024-11-04")],
    expected: { due: "2024-12-03" },
  },
  {
    // St Andrew's Day Wed 30 Nov 2022: Nov 4 (1), 7-25 (16), 28, 29 (18), 30 h, Dec 1, 2 (20).
    name: "St Andrew's Day 2022 on a Wednesday",
    events: [sent("2022-11-03")],
    expected: { due: "2022-12-02" },
  },
  {
    // Day 0 Mon 1 Dec 2025 is Scotland's St Andrew's substitute. Calendar: Dec 2-24 (17),
    // 25 h, 26 h, 29-31 (20). Next working day: day 0 Dec 2; Dec 3-31 (19), Jan 1 h,
    // Fri 2 Jan 2026 h (Scotland), Mon 5 Jan (20).
    name: "receipt on St Andrew's substitute 2025, both conventions across New Year",
    events: [sent("2025-12-01")],
    expected: { dateOfReceiptIfNextWorkingDay: "2025-12-02", due: "2025-12-31", dueIfNextWorkingDay: "2026-01-05" },
  },
  {
    // St Patrick's Day Sun 17 Mar 2024 -> NI substitute Mon 18 Mar; Good Friday 29 Mar,
    // Easter Monday 1 Apr. Mar 1 (1), 4-15 (11), 18 h, 19-28 (19), 29 h, Apr 1 h, Apr 2 (20).
    name: "leap day receipt 29 Feb 2024 through St Patrick's substitute and Easter",
    events: [sent("2024-02-29")],
    expected: { due: "2024-04-02" },
  },
  {
    // Same in Scotland: 18 Mar counts, Good Friday does not matter: Mar 1-28 (20).
    name: "leap day receipt 29 Feb 2024, FOISA",
    law: "foisa",
    events: [sent("2024-02-29")],
    expected: { due: "2024-03-28" },
  },
  {
    // Leap year: Feb 12-16 (5), 19-23 (10), 26-29 (14), Mar 1 (15), 4-8 (20): 28 days.
    name: "leap year February 2024",
    events: [sent("2024-02-09")],
    expected: { due: "2024-03-08" },
  },
  {
    // 8 May 2020 (VE Day, Friday) replaced Mon 4 May. Apr 20-May 1 (10), 4-7 (14), 8 h, 11-15 (19), 18 (20).
    name: "one-off: 8 May 2020 (and 4 May 2020 was a working day)",
    events: [sent("2020-04-17")],
    expected: { due: "2020-05-18" },
  },
  {
    // Spring bank holiday moved to Thu 2 Jun 2022, Jubilee Fri 3 Jun; Mon 30 May was a working day.
    // May 17-20 (4), 23-27 (9), 30, 31, Jun 1 (12), 2 h, 3 h, 6-10 (17), 13-15 (20).
    name: "one-off: 2 and 3 June 2022",
    events: [sent("2022-05-16")],
    expected: { due: "2022-06-15" },
  },
  {
    // State funeral Mon 19 Sep 2022. Sep 6-16 (9), 19 h, 20-23 (13), 26-30 (18), Oct 3, 4 (20).
    name: "one-off: 19 September 2022",
    events: [sent("2022-09-05")],
    expected: { due: "2022-10-04" },
  },
  {
    // Coronation Mon 8 May 2023, after early May Mon 1 May. Apr 25-28 (4), 2-5 (8), 9-12 (12),
    // 15-19 (17), 22-24 (20).
    name: "one-off: 8 May 2023, FOISA too",
    law: "foisa",
    events: [sent("2023-04-24")],
    expected: { due: "2023-05-24" },
  },
  {
    // 23:30 UTC on 31 Mar 2021 is 00:30 BST on 1 Apr. Good Friday 2 Apr, Easter Monday 5 Apr,
    // early May 3 May: Apr 6-9 (4), 12-30 (19), May 3 h, May 4 (20). (31 Mar would give 30 Apr.)
    name: "BST: an email at 23:30 UTC on 31 March is received on 1 April",
    events: [sent("2021-03-31T23:30:00Z")],
    expected: { dateOfReceipt: "2021-04-01", due: "2021-05-04" },
  },
  {
    // BST ended 01:00 UTC 31 Oct 2021, so 23:30 UTC that day is 23:30 GMT on Sun 31 Oct.
    // Calendar convention: Nov 1-26 (20). (Mon 1 Nov would give 29 Nov.)
    name: "GMT again: 23:30 UTC on 31 Oct 2021 is still 31 October",
    events: [sent("2021-10-31T23:30:00Z")],
    expected: { dateOfReceipt: "2021-10-31", due: "2021-11-26", dueIfNextWorkingDay: "2021-11-29" },
  },
  {
    // Restart from the clarification's receipt (s1(3)): day 0 Mon 21 Jun; Jun 22-Jul 9 (14),
    // 12 h (NI), 13-16 (18), 19, 20 (20). Nothing carries over from 9 June.
    name: "clarification restarts the clock from its date of receipt",
    events: [sent("2021-06-09"), { kind: "clarification_requested", at: "2021-06-15" }, { kind: "clarification_sent", at: "2021-06-21T09:12:00+01:00" }],
    expected: { received: "2021-06-21", restartedBy: "clarification", due: "2021-07-20" },
  },
  {
    name: "waiting for clarification: paused, no due date",
    events: [sent("2021-06-09"), { kind: "clarification_requested", at: "2021-06-15" }],
    today: "2021-07-08",
    expected: { due: null, waitingFor: "clarification", state: { kind: "paused", waitingFor: "clarification" } },
  },
  {
    // s10(2): working days 14-18 Jun (5) disregarded; 7 Jul + 5 wd: Jul 8, 9, 12 h (NI), 13-15.
    // Events given out of order on purpose.
    name: "fees notice to payment disregarded (unsorted events)",
    events: [{ kind: "fee_paid", at: "2021-06-18T16:00:00Z" }, { kind: "fees_notice", at: "2021-06-14" }, sent("2021-06-09")],
    expected: { due: "2021-07-15", pausedWorkingDays: 5, pauses: [{ reason: "fee", from: "2021-06-14", to: "2021-06-18" }] },
  },
  {
    name: "fee not yet paid: paused on the requester",
    events: [sent("2021-06-09"), { kind: "fees_notice", at: "2021-06-14" }],
    today: "2021-06-30",
    expected: { state: { kind: "paused", waitingFor: "fee" } },
  },
  {
    // s10(3): notice by day 20 (7 Jul); default target day 40: Jul 8, 9 (22), 12 h, 13-16 (26),
    // 19-30 (36), Aug 2 h (Scotland), 3-6 (40).
    name: "public interest extension without a date, naming s43(2): day 20 + 20 working days (FOIA s10(3))",
    events: [sent("2021-06-09"), { kind: "extension", at: "2021-07-01", exemptions: ["s43(2)"] }],
    today: "2021-07-08",
    expected: {
      due: "2021-07-07",
      extendedDue: "2021-08-06",
      extension: { kind: "public_interest", noticeLate: false, bodyDate: null, defaultDue: "2021-08-06", exemption: "s43(2)", valid: true },
      // Jul 9 (1), 12 h, 13-16 (5), 19-30 (15), Aug 2 h, 3-6 (19).
      state: { kind: "not_due", workingDaysLeft: 19 },
    },
  },
  {
    // The body's own date wins; answered Thu 22 Jul = 1 wd after 21 Jul.
    name: "public interest extension to the body's date, answered a day late",
    events: [sent("2021-06-09"), { kind: "extension", at: "2021-07-07", newDueDate: "2021-07-21", exemptions: ["s36"] }, { kind: "response_refused", at: "2021-07-22" }],
    expected: { extendedDue: "2021-07-21", answeredOn: "2021-07-22", state: { kind: "answered", onTime: false, answeredLateBy: 1, timeliness: "late" } },
  },
  {
    name: "EIR reg 7(1): extension to 40 working days",
    law: "eir",
    events: [sent("2021-06-09"), { kind: "extension", at: "2021-06-30" }],
    expected: { due: "2021-07-07", extendedDue: "2021-08-06", extension: { kind: "eir_complex" } },
  },
  {
    // A re-sent request restarts: day 0 Mon 14 Jun; Jun 15-Jul 9 (19), 12 h (NI), 13 (20).
    name: "re-sent request restarts from the re-send",
    events: [sent("2021-06-09"), { kind: "resent", at: "2021-06-14" }],
    expected: { sentOn: "2021-06-09", received: "2021-06-14", restartedBy: "resent", due: "2021-07-13" },
  },
  {
    name: "state on the due date: due today",
    events: [sent("2021-08-02")],
    today: "2021-08-31",
    expected: { state: { kind: "due_today", workingDaysLeft: 0 } },
  },
  {
    name: "state the day after the due date: overdue by 1",
    events: [sent("2021-08-02")],
    today: "2021-09-01",
    expected: { state: { kind: "overdue", workingDaysOverdue: 1 } },
  },
  {
    // Mon 30 Aug is a holiday: one working day (31 Aug) left.
    name: "state on a holiday before the due date",
    events: [sent("2021-08-02")],
    today: "2021-08-30",
    expected: { state: { kind: "not_due", workingDaysLeft: 1 } },
  },
  {
    name: "state on day 40: still overdue, not yet very overdue",
    events: [sent("2021-08-02")],
    today: "2021-09-28",
    expected: { state: { kind: "overdue", workingDaysOverdue: 20 } },
  },
  {
    name: "state the day after day 40: very overdue",
    events: [sent("2021-08-02")],
    today: "2021-09-29",
    expected: { state: { kind: "very_overdue", workingDaysOverdue: 21 } },
  },
  {
    // Due Fri 9 Jul 2021; Saturday is overdue though no working day has passed.
    name: "Saturday after a Friday due date: overdue by 0 working days",
    events: [sent("2021-06-12")],
    today: "2021-07-10",
    expected: { due: "2021-07-09", state: { kind: "overdue", workingDaysOverdue: 0 } },
  },
  {
    name: "answered on the due date: on time; a later event after today is ignored",
    events: [sent("2021-08-02"), { kind: "response_successful", at: "2021-08-31T17:59:00+01:00" }, { kind: "note", at: "2021-09-02" }],
    today: "2021-09-01",
    expected: { answeredOn: "2021-08-31", response: "response_successful", state: { kind: "answered", onTime: true, answeredLateBy: 0 } },
  },
  {
    // Review received Mon 6 Sep 2021: Sep 7-Oct 1 (19), Oct 4 (20); day 40 Mon 1 Nov.
    name: "internal review (FOIA, s45 code): 20 working days, 40 at most",
    events: [sent("2021-08-02"), { kind: "response_partial", at: "2021-08-27" }, { kind: "internal_review_requested", at: "2021-09-06" }],
    today: "2021-10-05",
    expected: {
      state: { kind: "answered", onTime: true, answeredLateBy: 0 },
      review: { requested: "2021-09-06", due: "2021-10-04", veryOverdue: "2021-11-01", answered: null },
      reviewState: { kind: "overdue", workingDaysOverdue: 1 },
    },
  },
  {
    // EIR reg 11(4): the review is due within 40 working days.
    name: "internal review under EIR: 40 working days (reg 11(4))",
    law: "eir",
    events: [sent("2021-08-02"), { kind: "response_refused", at: "2021-08-27" }, { kind: "internal_review_requested", at: "2021-09-06" }, { kind: "internal_review_answered", at: "2021-10-20" }],
    expected: { review: { due: "2021-11-01", answered: "2021-10-20" }, reviewState: { kind: "answered", onTime: true, answeredLateBy: 0 } },
  },
  {
    name: "withdrawn stops the clock",
    events: [sent("2021-08-02"), { kind: "withdrawn", at: "2021-08-10" }],
    today: "2021-10-01",
    expected: { withdrawnOn: "2021-08-10", state: { kind: "withdrawn" } },
  },
  {
    name: "nothing sent: not_sent with null dates",
    events: [{ kind: "note", at: "2021-08-01" }],
    today: "2021-08-02",
    expected: { received: null, due: null, veryOverdue: null, projected: false, state: { kind: "not_sent" } },
  },
  {
    // 2030 is beyond the GOV.UK data: New Year Tue 1 Jan, Scotland's 2 January Wed 2 Jan
    // (rules). Calendar: Jan 3-4 (2), 7-25 (17), 28-30 (20). Next working day: day 0 Jan 3 -> Jan 31.
    name: "projected year 2030 says so",
    events: [sent("2030-01-02")],
    expected: { due: "2030-01-30", dueIfNextWorkingDay: "2030-01-31", projected: true },
  },
  {
    // GOV.UK lists Scotland's "World Cup bank holiday" Mon 15 Jun 2026, which the rules lack.
    // Jun 2-12 (9), 15 h, 16-19 (13), 22-26 (18), 29, 30 (20).
    name: "Scotland's 15 June 2026 (GOV.UK only) counts, FOISA",
    law: "foisa",
    events: [sent("2026-06-01")],
    expected: { due: "2026-06-30", projected: false },
  },
  {
    name: "Scotland's 15 June 2026 stops the UK-wide FOIA clock too",
    events: [sent("2026-06-01")],
    expected: { due: "2026-06-30", projected: false },
  },
];

describe("golden cases", () => {
  it("has at least 30 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("$name", ({ law = "foia", convention = "calendar", events, today, expected }) => {
    const clock = computeClock(events, { law, convention, calendar: calendarFor(law) }, today);
    expect(clock).toMatchObject(expected);
    expect(JSON.parse(JSON.stringify(clock))).toEqual(clock);
  });
});

describe("calendar", () => {
  const uk = calendarFor("foia");
  const scotland = calendarFor("foisa");

  it("counts the union of UK holidays for FOIA and Scotland's for FOISA", () => {
    expect(isWorkingDay(uk, "2021-08-02")).toBe(false);
    expect(isWorkingDay(scotland, "2021-08-02")).toBe(false);
    expect(isWorkingDay(uk, "2021-08-30")).toBe(false);
    expect(isWorkingDay(scotland, "2021-08-30")).toBe(true);
    expect(isWorkingDay(uk, "2021-07-12")).toBe(false);
    expect(isWorkingDay(scotland, "2021-07-12")).toBe(true);
    expect(isWorkingDay(scotland, "2021-04-05")).toBe(true); // Easter Monday is not a Scottish bank holiday
    expect(isWorkingDay(uk, "2020-05-04")).toBe(true);
    expect(isWorkingDay(uk, "2022-05-30")).toBe(true);
  });

  it("adds, subtracts and counts working days", () => {
    expect(addWorkingDays(uk, "2021-08-02", 20)).toBe("2021-08-31");
    // Backwards from 31 Aug: Aug 27 ... 3 (19), 2 h (Scotland), Fri 30 Jul (20).
    expect(addWorkingDays(uk, "2021-08-31", -19)).toBe("2021-08-03");
    expect(addWorkingDays(uk, "2021-08-31", -20)).toBe("2021-07-30");
    expect(addWorkingDays(uk, "2021-08-28", 0)).toBe("2021-08-28");
    expect(workingDaysBetween(uk, "2021-08-02", "2021-08-31")).toBe(20);
    expect(workingDaysBetween(uk, "2021-08-31", "2021-08-02")).toBe(-20);
  });

  it("rejects impossible dates and dates outside its range", () => {
    expect(() => addWorkingDays(uk, "2021-02-30", 1)).toThrow(/Invalid date/);
    expect(() => addWorkingDays(uk, "2045-01-02", 1)).toThrow(/outside the working-day calendar/);
  });

  it("projects years the data does not cover, and GOV.UK wins where it does", () => {
    const data = loadGovUkData() as Record<string, { division: string; events: { date: string; title: string }[] }>;
    for (const division of Object.values(data)) division.events = division.events.filter((e) => e.date < "2026-01-01");
    const truncated = buildCalendar(data, { law: "foisa", fromYear: 2020, toYear: 2030 });
    // Without GOV.UK's 2026 data the World Cup holiday is unknown: due Mon 29 Jun, projected.
    const clock = computeClock([sent("2026-06-01")], { law: "foisa", calendar: truncated });
    expect(clock).toMatchObject({ due: "2026-06-29", projected: true });
    expect(computeClock([sent("2025-06-02")], { law: "foisa", calendar: truncated }).projected).toBe(false);
  });

  it("refuses a calendar built for another law", () => {
    expect(() => computeClock([sent("2021-08-02")], { law: "foisa", calendar: uk })).toThrow(/Scottish calendar/);
  });
});

describe("receiptDate", () => {
  it.each([
    ["2021-03-31T23:30:00Z", "2021-04-01"], // BST: 00:30 on 1 April
    ["2021-03-27T23:30:00Z", "2021-03-27"], // GMT, the night before the clocks change
    ["2021-03-28T00:30:00Z", "2021-03-28"], // still GMT until 01:00 UTC
    ["2021-06-30T23:00:00.000Z", "2021-07-01"],
    ["2021-07-01T00:30:00+02:00", "2021-06-30"],
    ["2021-07-01T08:00", "2021-07-01"], // no offset: London wall-clock time
    ["2024-02-29", "2024-02-29"],
  ])("%s -> %s", (input, expected) => {
    expect(receiptDate(input)).toBe(expected);
  });

  it("accepts a Date", () => {
    expect(receiptDate(new Date(Date.UTC(2021, 2, 31, 23, 30)))).toBe("2021-04-01");
  });

  it("agrees with the time-zone database every 15 minutes from 2019 to 2027, clock changes included (FOIA s10(1): the date of receipt)", () => {
    const london = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
    for (let ms = Date.UTC(2019, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 15 * 60_000) {
      const expected = london.format(ms);
      if (receiptDate(new Date(ms)) !== expected) expect(`${new Date(ms).toISOString()} -> ${receiptDate(new Date(ms))}`).toBe(`${new Date(ms).toISOString()} -> ${expected}`);
    }
    // The hour either side of a change, to the minute (BST began 01:00 UTC 30 March 2025; ended 01:00 UTC 26 October 2025).
    for (const start of [Date.UTC(2025, 2, 29, 23, 0), Date.UTC(2025, 9, 25, 22, 0)]) {
      for (let ms = start; ms < start + 4 * 3_600_000; ms += 60_000) expect(receiptDate(new Date(ms))).toBe(london.format(ms));
    }
  });

  it.each(["2021-02-30", "2023-02-29", "31/03/2021", "2021-03-31T25:00Z", ""])("rejects %j", (input) => {
    expect(() => receiptDate(input)).toThrow(RangeError);
  });
});

describe("formatUkDate and describeClock", () => {
  const uk = calendarFor("foia");
  const at = (today: string, events: ClockEvent[] = [sent("2021-08-02")]) =>
    describeClock(computeClock(events, { law: "foia", calendar: uk }, today), today);

  it("formats UK dates with the weekday", () => {
    expect(formatUkDate("2021-08-31")).toBe("Tuesday 31 August 2021");
    expect(formatUkDate("2024-02-29")).toBe("Thursday 29 February 2024");
  });

  it.each([
    ["2021-08-25", "Due Tuesday 31 August 2021: 3 working days left"], // Aug 26, 27, (30 h), 31
    ["2021-08-30", "Due Tuesday 31 August 2021: 1 working day left"],
    ["2021-08-31", "Due today (Tuesday 31 August 2021)"],
    ["2021-09-06", "Overdue by 4 working days (was due Tuesday 31 August 2021)"],
    ["2021-09-30", "Very overdue by 22 working days (was due Tuesday 31 August 2021)"],
  ])("on %s: %s", (today, line) => {
    expect(at(today)).toBe(line);
  });

  it("describes answers, pauses and extensions", () => {
    expect(at("2021-09-10", [sent("2021-08-02"), { kind: "response_successful", at: "2021-09-02" }])).toBe(
      "Answered on Thursday 2 September 2021, 2 working days late",
    );
    expect(at("2021-08-10", [sent("2021-08-02"), { kind: "clarification_requested", at: "2021-08-05" }])).toBe(
      "Waiting for your clarification: the clock is paused",
    );
    expect(at("2021-08-10", [sent("2021-08-02"), { kind: "fees_notice", at: "2021-08-05" }])).toBe(
      "Waiting for your fee payment: the clock is paused",
    );
    expect(at("2021-09-01", [sent("2021-08-02"), { kind: "extension", at: "2021-08-20", newDueDate: "2021-09-14", exemptions: ["s43"] }])).toBe(
      "Due Tuesday 14 September 2021: 9 working days left (extended from Tuesday 31 August 2021)",
    );
    expect(describeClock(computeClock([sent("2030-01-02")], { law: "foia", calendar: uk }, "2030-01-29"))).toBe(
      "Due Wednesday 30 January 2030: 1 working day left (using projected bank holidays)",
    );
  });

  it("refuses to describe a clock for a different day", () => {
    const clock = computeClock([sent("2021-08-02")], { law: "foia", calendar: uk }, "2021-08-26");
    expect(() => describeClock(clock, "2021-08-27")).toThrow(/computed for 2021-08-26/);
  });
});
