import { describe, expect, it } from "vitest";
import { computeClock, describeClock, isQualifiedFoiaExemption, type ClockEvent, type Law } from "@/lib/deadlines";
import { calendarFor } from "./calendars";

// Hand counts against data/uk-bank-holidays.json. The base request: sent Wed 9 June 2021.
// Day 0 = 9 Jun; Jun 10-11 (2), 14-18 (7), 21-25 (12), 28-Jul 2 (17), Jul 5-7 (20): due Wed 7 Jul.
// Day 40 (the cap, due + 20): Jul 8, 9 (22), 12 h (Northern Ireland, counts UK-wide for FOIA),
// 13-16 (26), 19-30 (36), Aug 2 h (Scotland's summer holiday), 3-6 (40): Fri 6 Aug.
// Working days after 7 Jul: Jul 8 (1), 9 (2), 13 (3), 14 (4), 15 (5), 16 (6), 19 (7), 20 (8).

const sent: ClockEvent = { kind: "sent", at: "2021-06-09" };
const clockOf = (events: ClockEvent[], law: Law = "foia", today?: string) => computeClock([sent, ...events], { law, calendar: calendarFor(law) }, today);

describe("extensions (FOIA s10(3), s17(1)-(3); EIR reg 7; FOISA s10(1))", () => {
  it("FOIA s10(3), s17(1)-(3): a notice after the due date (8 Jul) moves nothing; answered 20 Jul is 8 working days late", () => {
    const clock = clockOf([
      { kind: "extension", at: "2021-07-08", newDueDate: "2021-07-21", exemptions: ["s43(2)"] },
      { kind: "response_partial", at: "2021-07-20" },
    ]);
    expect(clock.due).toBe("2021-07-07");
    expect(clock.extendedDue).toBeNull();
    expect(clock.extension).toMatchObject({ valid: false, noticeLate: true, bodyDate: "2021-07-21" });
    expect(clock.state).toMatchObject({ kind: "answered", onTime: false, answeredLateBy: 8, timeliness: "late" });
    expect(clock.warnings.join("\n")).toMatch(/late notice cannot extend the time/);
  });

  it("FOIA s10(3), s17(2): a notice naming no exemption keeps the original due date, and says why", () => {
    const clock = clockOf([
      { kind: "extension", at: "2021-07-01", newDueDate: "2021-07-21" },
      { kind: "response_refused", at: "2021-07-20" },
    ]);
    expect(clock.extendedDue).toBeNull();
    expect(clock.extension?.notCounted).toMatch(/names no qualified exemption/);
    expect(clock.state).toMatchObject({ onTime: false, answeredLateBy: 8 });
  });

  it("FOIA s2(3): an absolute exemption (s21, s40(2)) cannot carry a public interest extension", () => {
    const clock = clockOf([{ kind: "extension", at: "2021-07-01", exemptions: ["s21", "s40(2)"] }]);
    expect(clock.extendedDue).toBeNull();
    expect(clock.extension?.notCounted).toMatch(/not a qualified exemption/);
    expect(isQualifiedFoiaExemption("section 43(2)")).toBe(true);
    expect(isQualifiedFoiaExemption("s22A")).toBe(true);
    expect(isQualifiedFoiaExemption("s40(4A)")).toBe(true);
    expect(isQualifiedFoiaExemption("s40")).toBe(false);
    expect(isQualifiedFoiaExemption("s44")).toBe(false);
    expect(isQualifiedFoiaExemption("s12")).toBe(false);
  });

  it("FOIA s10(3) with the ICO's 20 further working days: a body's day-60 date is judged at day 40 (6 Aug), shown beside it", () => {
    // Answered Thu 2 Sep: Aug 9-13 (5), 16-20 (10), 23-27 (15), 30 h (England), 31 (16), Sep 1 (17), 2 (18).
    const clock = clockOf([
      { kind: "extension", at: "2021-07-01", newDueDate: "2021-09-03", exemptions: ["s43"] },
      { kind: "response_successful", at: "2021-09-02" },
    ]);
    expect(clock.extendedDue).toBe("2021-08-06");
    expect(clock.extension).toMatchObject({ valid: true, bodyDate: "2021-09-03", defaultDue: "2021-08-06" });
    expect(clock.state).toMatchObject({ onTime: false, answeredLateBy: 18, timeliness: "very_late" });
    expect(clock.warnings.join("\n")).toMatch(/beyond the 20 further working days/);
  });

  it("FOIA s10(1): a body's date before the statutory due date never shortens it (answered on 7 Jul is on time)", () => {
    const clock = clockOf([
      { kind: "extension", at: "2021-06-30", newDueDate: "2021-07-05", exemptions: ["s43"] },
      { kind: "response_successful", at: "2021-07-07" },
    ]);
    expect(clock.extendedDue).toBe("2021-07-07");
    expect(clock.state).toMatchObject({ onTime: true, timeliness: "on_time" });
  });

  it("FOIA s10(3), s17(2): several notices, the latest valid one counts; a revised notice after the extended date does not", () => {
    // 1st (1 Jul, s43) to 21 Jul; 2nd (20 Jul, by the date in force, relying on s43) to 30 Jul;
    // 3rd (2 Aug, after 30 Jul) to 20 Aug: late. Answered Tue 3 Aug: Aug 2 h, 3 (1) late.
    const clock = clockOf([
      { kind: "extension", at: "2021-07-01", newDueDate: "2021-07-21", exemptions: ["s43"] },
      { kind: "extension", at: "2021-07-20", newDueDate: "2021-07-30" },
      { kind: "extension", at: "2021-08-02", newDueDate: "2021-08-20" },
      { kind: "response_successful", at: "2021-08-03" },
    ]);
    expect(clock.extensions.map((x) => x.valid)).toEqual([true, true, false]);
    expect(clock.extension).toMatchObject({ on: "2021-07-20", exemption: "s43" });
    expect(clock.extendedDue).toBe("2021-07-30");
    expect(clock.state).toMatchObject({ onTime: false, answeredLateBy: 1, timeliness: "late" });
  });

  it("FOIA s10(3) cap: a second valid notice still never goes beyond day 40", () => {
    const clock = clockOf([
      { kind: "extension", at: "2021-07-01", newDueDate: "2021-07-21", exemptions: ["s43"] },
      { kind: "extension", at: "2021-07-15", newDueDate: "2021-10-01", exemptions: ["s43"] },
    ]);
    expect(clock.extendedDue).toBe("2021-08-06");
  });

  it("EIR reg 7(1), 7(3): notice within 20 working days gives 40 working days (6 Aug) whatever date the body gives", () => {
    const clock = clockOf([{ kind: "extension", at: "2021-07-07", newDueDate: "2021-09-30" }, { kind: "response_successful", at: "2021-08-06" }], "eir");
    expect(clock.extendedDue).toBe("2021-08-06");
    expect(clock.state).toMatchObject({ onTime: true, timeliness: "on_time" });
  });

  it("EIR reg 7(3): a notice after the 20th working day does not extend", () => {
    const clock = clockOf([{ kind: "extension", at: "2021-07-08" }], "eir");
    expect(clock.extendedDue).toBeNull();
    expect(clock.extension?.notCounted).toMatch(/EIR reg 7\(3\)/);
  });

  it("FOISA s10(1): there is no extension of time; still due 7 Jul (Scotland: no holiday 10 Jun-7 Jul)", () => {
    const clock = clockOf([{ kind: "extension", at: "2021-07-01", newDueDate: "2021-07-21", exemptions: ["s33"] }], "foisa");
    expect(clock.due).toBe("2021-07-07");
    expect(clock.extendedDue).toBeNull();
    expect(clock.extension?.notCounted).toMatch(/FOISA has no extension/);
  });
});

describe("clarification (FOIA s1(3); EIR reg 9(2), 9(4); FOISA s1(3))", () => {
  it("EIR reg 9(2), ICO guidance on s1(3): a clarification asked for after the due date (12 Jul) does not restart the clock", () => {
    const clock = clockOf([
      { kind: "clarification_requested", at: "2021-07-12" },
      { kind: "clarification_sent", at: "2021-07-14" },
      { kind: "response_successful", at: "2021-07-20" },
    ]);
    expect(clock.due).toBe("2021-07-07");
    expect(clock.restartedBy).toBeNull();
    expect(clock.pauses).toEqual([]);
    expect(clock.state).toMatchObject({ onTime: false, answeredLateBy: 8, timeliness: "late" });
  });

  it("EIR reg 9(2): asked for on the due date itself is in time and restarts from the reply", () => {
    // Reply Mon 12 Jul (a NI holiday, calendar convention: day 0 anyway): Jul 13-16 (4), 19-30 (14),
    // Aug 2 h (Scotland), 3-6 (18), 9, 10 (20).
    const clock = clockOf([
      { kind: "clarification_requested", at: "2021-07-07" },
      { kind: "clarification_sent", at: "2021-07-12" },
    ], "eir");
    expect(clock.restartedBy).toBe("clarification");
    expect(clock.due).toBe("2021-08-10");
  });

  it("FOIA s1(3) 'reasonably requires': a clarification recorded as not reasonably required keeps the original clock", () => {
    // Answered Fri 9 Jul: Jul 8 (1), 9 (2) late.
    const clock = clockOf([
      { kind: "clarification_requested", at: "2021-06-15", notReasonablyRequired: true },
      { kind: "clarification_sent", at: "2021-06-21" },
      { kind: "response_successful", at: "2021-07-09" },
    ]);
    expect(clock.due).toBe("2021-07-07");
    expect(clock.restartedBy).toBeNull();
    expect(clock.state).toMatchObject({ answeredLateBy: 2, timeliness: "late" });
  });

  it("FOIA s1(3): while a clarification not reasonably required is pending, the clock runs (overdue on 8 Jul)", () => {
    const clock = clockOf([{ kind: "clarification_requested", at: "2021-06-15", notReasonablyRequired: true }], "foia", "2021-07-08");
    expect(clock.waitingFor).toBeNull();
    expect(clock.state).toMatchObject({ kind: "overdue", workingDaysOverdue: 1 });
  });
});

describe("approximate answer dates", () => {
  it("seed: NHS England answered 'on or before 31 August 2021': timeliness unknown, never on time", () => {
    const clock = computeClock(
      [{ kind: "sent", at: "2021-08-02" }, { kind: "response_successful", at: "2021-08-31", approximate: true }],
      { law: "foia", calendar: calendarFor("foia") },
      "2021-09-10",
    );
    expect(clock.answerApproximate).toBe(true);
    expect(clock.state).toEqual({ kind: "answered", timeliness: "unknown" });
    expect(describeClock(clock)).toBe("Answered on or before Tuesday 31 August 2021: whether on time is unknown");
  });
});

describe("internal review limits by law", () => {
  // Review asked for Wed 1 Sep 2021. 20 wd: Sep 2-3 (2), 6-10 (7), 13-17 (12), 20-24 (17), 27-29 (20).
  // 40 wd: Sep 30, Oct 1 (22), 4-8 (27), 11-15 (32), 18-22 (37), 25-27 (40). No holidays in either calendar.
  const review = (law: Law) =>
    computeClock(
      [{ kind: "sent", at: "2021-08-02" }, { kind: "response_refused", at: "2021-08-20" }, { kind: "internal_review_requested", at: "2021-09-01" }],
      { law, calendar: calendarFor(law) },
    ).review;

  it("FOIA: s45 Code Part 5 asks for 20 working days, 40 at most (not statute)", () => {
    expect(review("foia")).toMatchObject({ due: "2021-09-29", veryOverdue: "2021-10-27", limitBasis: "code_of_practice" });
  });
  it("EIR reg 11(4): 40 working days by statute", () => {
    expect(review("eir")).toMatchObject({ due: "2021-10-27", limitBasis: "statute" });
  });
  it("FOISA s21(1): 20 working days by statute", () => {
    expect(review("foisa")).toMatchObject({ due: "2021-09-29", limitBasis: "statute" });
  });
});

describe("fees notices (FOIA s9(1), s10(2); FOISA s9(1))", () => {
  it("FOIA s9(1): a fees notice after the due date (7 Jul) pauses nothing; answered 20 Jul is 8 working days late", () => {
    // Sent Wed 9 Jun 2021, due Wed 7 Jul. Notice Thu 8 Jul, never paid. Answered Tue 20 Jul:
    // late by the same count as the late extension notice above, as if there were no notice.
    const clock = clockOf([
      { kind: "fees_notice", at: "2021-07-08" },
      { kind: "response_partial", at: "2021-07-20" },
    ]);
    expect(clock.due).toBe("2021-07-07");
    expect(clock.state).toMatchObject({ kind: "answered", onTime: false, answeredLateBy: 8, timeliness: "late" });
    expect(clock.warnings.join("\n")).toMatch(/fees notice of .* came after the due date .* does not stop the clock \(FOIA s9\(1\)\)/);
  });

  it("FOIA s10(2): a fees notice within the 20 working days still pauses the clock until payment", () => {
    // Notice Wed 30 Jun (working day 15), paid Mon 5 Jul: the days between are disregarded, so
    // the due date moves past Wed 7 Jul.
    const clock = clockOf([
      { kind: "fees_notice", at: "2021-06-30" },
      { kind: "fee_paid", at: "2021-07-05" },
    ]);
    expect((clock.due ?? "") > "2021-07-07").toBe(true);
    expect(clock.warnings.join("\n")).not.toMatch(/fees notice/);
  });
});
