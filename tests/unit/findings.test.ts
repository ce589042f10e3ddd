// The pure parts of findings: timeliness (defined once), the chart numbers and the answer rules.
import { describe, expect, it } from "vitest";
import { describeTimeliness, timelinessOf, workingDaysToRespond, type ClockDates } from "@/lib/findings/timeliness";
import { chartData } from "@/lib/findings/charts";
import { answerSchema, answerSchemaFor, questionSchema } from "@/lib/findings/schemas";
import type { FindingsForCharts } from "@/lib/findings/types";
import { calendarFor } from "./deadlines/calendars";

const uk = calendarFor("foia");
const scotland = calendarFor("foisa");

// Received Wednesday 1 September 2021: due Wednesday 29 September (20th working day);
// very overdue after Wednesday 27 October (40th). Hand-counted: no UK bank holiday between.
const base: ClockDates = { status: "awaiting_response", receivedOn: "2021-09-01", dueOn: "2021-09-29", veryOverdueOn: "2021-10-27", answeredOn: null };

describe("timelinessOf", () => {
  const cases: Array<[string, Partial<ClockDates>, string, string]> = [
    ["answered well before the due date", { status: "successful", answeredOn: "2021-09-20" }, "2021-12-01", "on_time"],
    ["answered on the due date (the body has to the end of the day)", { status: "successful", answeredOn: "2021-09-29" }, "2021-12-01", "on_time"],
    ["answered the day after the due date", { status: "refused", answeredOn: "2021-09-30" }, "2021-12-01", "late"],
    ["answered on the 40th working day", { status: "successful", answeredOn: "2021-10-27" }, "2021-12-01", "late"],
    ["answered after the 40th working day", { status: "successful", answeredOn: "2021-10-28" }, "2021-12-01", "very_late"],
    ["answered after the original due date, within an extension", { status: "successful", dueOn: "2021-10-27", answeredOn: "2021-10-20" }, "2021-12-01", "on_time"],
    ["extended beyond the 40th day, answered after the 40th but by the extension", { status: "successful", dueOn: "2021-11-10", answeredOn: "2021-11-01" }, "2021-12-01", "on_time"],
    ["extended beyond the 40th day, answered after the extension", { status: "successful", dueOn: "2021-11-10", answeredOn: "2021-11-11" }, "2021-12-01", "very_late"],
    // Seed (NHS England): answered "on or before" a date, even one before the due date: unknown, never on time.
    ["approximate answer date ('on or before'), before the due date", { status: "successful", answeredOn: "2021-09-20", answerApproximate: true }, "2021-12-01", "unknown"],
    ["approximate answer date after the 40th working day", { status: "successful", answeredOn: "2021-11-20", answerApproximate: true }, "2021-12-01", "unknown"],
    ["open, today is the due date", {}, "2021-09-29", "not_answered_yet"],
    ["open, the day after the due date", {}, "2021-09-30", "not_answered"],
    ["open, long overdue", {}, "2022-03-01", "not_answered"],
    ["withdrawn without an answer", { status: "withdrawn" }, "2021-12-01", "withdrawn"],
    ["a draft", { status: "draft", receivedOn: null, dueOn: null, veryOverdueOn: null }, "2021-12-01", "not_sent"],
  ];
  it.each(cases)("%s", (_name, change, today, expected) => {
    expect(timelinessOf({ ...base, ...change }, today)).toBe(expected);
  });
});

describe("workingDaysToRespond and describeTimeliness", () => {
  it("counts working days from receipt to the answer in the request's calendar", () => {
    expect(workingDaysToRespond(uk, { receivedOn: "2021-09-01", answeredOn: "2021-09-20" })).toBe(13);
    expect(workingDaysToRespond(uk, { receivedOn: "2021-09-01", answeredOn: "2021-09-01" })).toBe(0);
    expect(workingDaysToRespond(uk, { receivedOn: "2021-09-01", answeredOn: null })).toBeNull();
    // Christmas 2021: 27, 28 December and 3 January are bank holidays; 4 January is Scotland's,
    // which stops a FOIA clock too (any part of the UK): 21-24, 29-31 December, 5 January.
    expect(workingDaysToRespond(uk, { receivedOn: "2021-12-20", answeredOn: "2022-01-05" })).toBe(8);
    // St Patrick's Day (Thursday 17 March 2022) is Northern Ireland's: not a FOIA working day,
    // but FOISA counts Scottish holidays only.
    expect(workingDaysToRespond(uk, { receivedOn: "2022-03-16", answeredOn: "2022-03-18" })).toBe(1);
    expect(workingDaysToRespond(scotland, { receivedOn: "2022-03-16", answeredOn: "2022-03-18" })).toBe(2);
  });

  it("says how late or how long left in plain English", () => {
    expect(describeTimeliness(uk, { ...base, status: "successful", answeredOn: "2021-09-20" }, "2021-12-01")).toBe("Answered on time");
    expect(describeTimeliness(uk, { ...base, status: "successful", answeredOn: "2021-09-30" }, "2021-12-01")).toBe("Answered 1 working day late");
    expect(describeTimeliness(uk, { ...base, status: "successful", answeredOn: "2021-10-11" }, "2021-12-01")).toBe("Answered 8 working days late");
    expect(describeTimeliness(uk, base, "2021-10-01")).toBe("2 working days overdue");
    expect(describeTimeliness(uk, base, "2021-09-29")).toBe("Due today");
    expect(describeTimeliness(uk, base, "2021-09-27")).toBe("2 working days left");
  });
});

const questions: FindingsForCharts["questions"] = [
  { id: "q1", position: 1, text: "Why?", type: "text" },
  { id: "q2", position: 2, text: "Involved?", type: "choice" },
  { id: "q3", position: 3, text: "Planned?", type: "choice" },
];
function row(bodyName: string, region: string, status: string, timeliness: FindingsForCharts["rows"][number]["timeliness"], days: number | null, q2: string | null, q3: string | null) {
  return {
    bodyName,
    region,
    status,
    statusLabel: status === "successful" ? "Answered in full" : "Waiting for a response",
    timeliness,
    workingDaysToRespond: days,
    cells: [
      { questionId: "q1", choice: null },
      { questionId: "q2", choice: q2 as never },
      { questionId: "q3", choice: q3 as never },
    ],
  };
}

describe("chartData", () => {
  const rows = [
    row("Alpha Trust", "London", "successful", "on_time", 12, "yes", "no"),
    row("Beta Trust", "London", "successful", "late", 25, "no", "yes"),
    row("Gamma Trust", "Midlands", "successful", "very_late", 45, "yes", null),
    row("Delta Trust", "Midlands", "awaiting_response", "not_answered", null, null, null),
    row("Epsilon Trust", "No region", "awaiting_response", "not_answered_yet", null, null, null),
  ];
  const charts = chartData({ questions, rows });

  it("counts requests by status and by timeliness, zeros included, with a sentence for each", () => {
    expect(charts.byStatus.series).toEqual([
      { key: "successful", label: "Answered in full", value: 3 },
      { key: "awaiting_response", label: "Waiting for a response", value: 2 },
    ]);
    expect(charts.byStatus.summary).toBe("5 requests: answered in full 3 and waiting for a response 2.");
    expect(charts.timeliness.series.map((s) => [s.key, s.value])).toEqual([
      ["on_time", 1],
      ["late", 1],
      ["very_late", 1],
      ["not_answered", 1],
      ["not_answered_yet", 1],
    ]);
  });

  it("time to respond lists the answered trusts, fastest first, with the median", () => {
    expect(charts.timeToRespond.series.map((s) => [s.label, s.value])).toEqual([
      ["Alpha Trust", 12],
      ["Beta Trust", 25],
      ["Gamma Trust", 45],
    ]);
    expect(charts.timeToRespond.summary).toBe("3 trusts answered; the median was 25 working days, the fastest Alpha Trust (12), the slowest Gamma Trust (45). The legal limit is 20.");
    expect(chartData({ questions, rows: [] }).timeToRespond.summary).toBe("No trust has answered yet.");
  });

  it("one chart per yes/no question, and per region the timeliness and the yes counts", () => {
    expect(charts.byQuestion.map((q) => q.question.id)).toEqual(["q2", "q3"]);
    expect(charts.byQuestion[0]!.chart.series.map((s) => [s.key, s.value])).toEqual([
      ["yes", 2],
      ["no", 1],
      ["partly", 0],
      ["not_answered", 0],
      ["not_held", 0],
      ["none", 2],
    ]);
    expect(charts.byRegion.map((r) => [r.region, r.requests])).toEqual([
      ["London", 2],
      ["Midlands", 2],
      ["No region", 1],
    ]);
    expect(charts.byRegion[0]!.yes.series.map((s) => s.value)).toEqual([1, 1]);
    expect(charts.byRegion[1]!.yes.series.map((s) => s.value)).toEqual([1, 0]);
    expect(charts.byRegion[1]!.yes.summary).toBe('Of 2 trusts in Midlands, 1 answered yes to "Involved?"; 0 answered yes to "Planned?".');
    const ids = [charts.byStatus, charts.timeliness, charts.timeToRespond, ...charts.byQuestion.map((q) => q.chart), ...charts.byRegion.flatMap((r) => [r.timeliness, r.yes])].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("answer and question schemas", () => {
  it("requires the value matching the question's type, except not answered / not held", () => {
    expect(answerSchemaFor("choice").safeParse({ choice: "partly" }).success).toBe(true);
    expect(answerSchemaFor("choice").safeParse({}).success).toBe(false);
    expect(answerSchemaFor("text").safeParse({ text: "Because" }).success).toBe(true);
    expect(answerSchemaFor("text").safeParse({ choice: "not_held" }).success).toBe(true);
    expect(answerSchemaFor("text").safeParse({ choice: "yes", text: "x" }).success).toBe(false);
    expect(answerSchemaFor("number").safeParse({ number: "12" }).data?.number).toBe(12);
    expect(answerSchemaFor("number").safeParse({ number: "-3.5" }).data?.number).toBe(-3.5);
    expect(answerSchemaFor("number").safeParse({ number: "NaN" }).success).toBe(false);
    expect(answerSchemaFor("number").safeParse({ number: "Infinity" }).success).toBe(false);
    expect(answerSchemaFor("date").safeParse({ date: "2021-09-31" }).success).toBe(false);
    expect(answerSchemaFor("date").safeParse({ choice: "not_answered" }).success).toBe(true);
    const action = answerSchema.safeParse({ questionType: "number", number: "abc" });
    expect(action.success).toBe(false);
    expect(action.error?.issues.map((i) => i.path[0])).toContain("number");
  });

  it("questions need 3 to 300 characters and a known type", () => {
    expect(questionSchema.safeParse({ text: "  Why?  ", type: "text" }).data).toEqual({ text: "Why?", type: "text" });
    expect(questionSchema.safeParse({ text: "ab", type: "text" }).success).toBe(false);
    expect(questionSchema.safeParse({ text: "x".repeat(301), type: "text" }).success).toBe(false);
    expect(questionSchema.safeParse({ text: "Valid question", type: "multiple" }).success).toBe(false);
  });
});
