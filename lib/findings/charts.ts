// The numbers behind the findings charts. Pure (no Prisma, no I/O): it takes the rows of
// getFindings or getPublicFindings, so the signed-in page, the printable report and the
// public page draw the same charts, and unit tests pin the counts.
import { ANSWER_CHOICES, choiceLabels } from "@/lib/findings/schemas";
import { TIMELINESS_ORDER, timelinessLabels } from "@/lib/findings/timeliness";
import { NO_REGION, type Chart, type ChartBar, type FindingsForCharts, type FindingsQuestion } from "@/lib/findings/types";
import { plural } from "@/lib/text/plural";

export interface RegionCharts {
  region: string;
  /** How many requests of the batch went to trusts in this region. */
  requests: number;
  /** Answered on time, late, very late, not at all, in this region. */
  timeliness: Chart;
  /** How many trusts in this region answered "yes" to each yes/no question. */
  yes: Chart;
}

export interface FindingsCharts {
  byStatus: Chart;
  timeliness: Chart;
  timeToRespond: Chart;
  /** One chart per yes/no question (choice type), in the questions' order. */
  byQuestion: Array<{ question: FindingsQuestion; chart: Chart }>;
  /** One entry per NHS region, alphabetical, "No region" last. */
  byRegion: RegionCharts[];
}


function listParts(series: ChartBar[]): string {
  const parts = series.filter((s) => s.value > 0).map((s) => `${s.label.toLowerCase()} ${s.value}`);
  if (parts.length === 0) return "none yet";
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function timelinessChart(id: string, rows: FindingsForCharts["rows"], scope: string): Chart {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.timeliness, (counts.get(r.timeliness) ?? 0) + 1);
  // The five the campaign asks about always show (a zero is a finding); the rare kinds only when present.
  const always = new Set(["on_time", "late", "very_late", "not_answered", "not_answered_yet"]);
  const series = TIMELINESS_ORDER.filter((t) => always.has(t) || (counts.get(t) ?? 0) > 0).map((t) => ({ key: t, label: timelinessLabels[t], value: counts.get(t) ?? 0 }));
  return {
    id,
    title: `Answered on time, late, very late or not at all${scope}`,
    summary: `Of ${plural(rows.length, "request", "requests")}${scope}: ${listParts(series)}.`,
    unit: "Requests",
    series,
  };
}

function choiceQuestions(questions: FindingsQuestion[]): FindingsQuestion[] {
  return questions.filter((q) => q.type === "choice");
}

/** Every chart of the findings page, each with its text alternative and the data behind it. */
export function chartData(findings: FindingsForCharts): FindingsCharts {
  const { rows, questions } = findings;

  const statusCounts = new Map<string, ChartBar>();
  for (const r of rows) {
    const bar = statusCounts.get(r.status) ?? { key: r.status, label: r.statusLabel, value: 0 };
    bar.value += 1;
    statusCounts.set(r.status, bar);
  }
  const statusSeries = [...statusCounts.values()].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const byStatus: Chart = {
    id: "by-status",
    title: "Requests by status",
    summary: `${plural(rows.length, "request", "requests")}: ${listParts(statusSeries)}.`,
    unit: "Requests",
    series: statusSeries,
  };

  const answered = rows
    .filter((r) => r.workingDaysToRespond !== null)
    .map((r) => ({ key: "days", label: r.bodyName, value: r.workingDaysToRespond! }))
    .sort((a, b) => a.value - b.value || a.label.localeCompare(b.label));
  const sortedDays = answered.map((a) => a.value);
  const median = sortedDays.length === 0 ? null : sortedDays.length % 2 ? sortedDays[(sortedDays.length - 1) / 2]! : (sortedDays[sortedDays.length / 2 - 1]! + sortedDays[sortedDays.length / 2]!) / 2;
  const timeToRespond: Chart = {
    id: "time-to-respond",
    title: "Time to respond, in working days, per trust",
    summary:
      answered.length === 0
        ? "No trust has answered yet."
        : `${plural(answered.length, "trust", "trusts")} answered; the median was ${plural(median!, "working day", "working days")}, the fastest ${answered[0]!.label} (${answered[0]!.value}), the slowest ${answered.at(-1)!.label} (${answered.at(-1)!.value}). The legal limit is 20.`,
    unit: "Working days",
    series: answered,
  };

  const choiceQs = choiceQuestions(questions);
  const byQuestion = choiceQs.map((question, i) => {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const choice = r.cells.find((c) => c.questionId === question.id)?.choice ?? "none";
      counts.set(choice, (counts.get(choice) ?? 0) + 1);
    }
    const series: ChartBar[] = ANSWER_CHOICES.map((c) => ({ key: c, label: choiceLabels[c], value: counts.get(c) ?? 0 }));
    if ((counts.get("none") ?? 0) > 0) series.push({ key: "none", label: "No answer recorded", value: counts.get("none")! });
    const chart: Chart = {
      id: `question-${i + 1}`,
      title: question.text,
      summary: `${question.text} Of ${plural(rows.length, "trust", "trusts")}: ${listParts(series)}.`,
      unit: "Trusts",
      series,
    };
    return { question, chart };
  });

  const regions = [...new Set(rows.map((r) => r.region))].sort((a, b) => (a === NO_REGION ? 1 : b === NO_REGION ? -1 : a.localeCompare(b)));
  const byRegion = regions.map((region, i) => {
    const inRegion = rows.filter((r) => r.region === region);
    const yesSeries = choiceQs.map((q) => ({
      key: "yes",
      label: q.text,
      value: inRegion.filter((r) => r.cells.some((c) => c.questionId === q.id && c.choice === "yes")).length,
    }));
    return {
      region,
      requests: inRegion.length,
      timeliness: timelinessChart(`region-${i + 1}-timeliness`, inRegion, ` in ${region}`),
      yes: {
        id: `region-${i + 1}-yes`,
        title: `Trusts answering yes in ${region}`,
        summary:
          yesSeries.length === 0
            ? `There are no yes/no questions for ${region}.`
            : `Of ${plural(inRegion.length, "trust", "trusts")} in ${region}, ${yesSeries.map((s) => `${s.value} answered yes to "${s.label}"`).join("; ")}.`,
        unit: "Trusts answering yes",
        series: yesSeries,
      },
    };
  });

  return { byStatus, timeliness: timelinessChart("timeliness", rows, ""), timeToRespond, byQuestion, byRegion };
}
