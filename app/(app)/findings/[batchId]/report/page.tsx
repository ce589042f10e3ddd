import type { Metadata } from "next";
import Link from "next/link";
import { formatUkDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { orNotFound } from "@/lib/edge/domain-error-map";
import { getFindings } from "@/lib/findings/findings-table";
import { chartData } from "@/lib/findings/charts";
import { FindingsTable } from "@/components/findings-table";
import { FindingsCharts } from "@/components/findings-charts";
import { FindingsPrintButton } from "@/components/findings-print-button";

export const metadata: Metadata = { title: "Findings report" };

// The whole batch on one page for the browser's print to PDF: summary, charts with their
// data tables open, then the findings table; app/globals.css hides the navigation in print.
export default async function FindingsReportPage({ params }: { params: Promise<{ batchId: string }> }) {
  const { actor } = await requireWorkspace();
  const { batchId } = await params;
  const findings = await orNotFound(getFindings(actor, batchId));
  const { batch, totals } = findings;
  const charts = chartData(findings);
  return (
    <article className="findings-report">
      <div className="report-actions">
        <Link href={`/findings/${batch.id}`}>Back to the findings</Link>
        <FindingsPrintButton />
      </div>
      <h1>Findings: {batch.name}</h1>
      <p className="lede">
        {batch.sentOn ? `Requests sent ${formatUkDate(batch.sentOn)}. ` : ""}Figures as of {formatUkDate(findings.today)}.
      </p>
      <h2>Summary</h2>
      <ul>
        <li>
          {totals.requests} {totals.requests === 1 ? "request" : "requests"}, {totals.answered} answered.
        </li>
        <li>
          Answered on time: {totals.byTimeliness.on_time}; late: {totals.byTimeliness.late}; very late: {totals.byTimeliness.very_late}; answered on an approximate date (timeliness unknown): {totals.byTimeliness.unknown}; not answered and overdue: {totals.byTimeliness.not_answered}; not yet due: {totals.byTimeliness.not_answered_yet}.
        </li>
        {findings.questions.map((q) => (
          <li key={q.id}>
            Question {q.position}: {q.text}
          </li>
        ))}
      </ul>
      <section className="report-section" aria-labelledby="report-charts">
        <h2 id="report-charts">Charts</h2>
        <FindingsCharts charts={charts} idPrefix="report" openData />
      </section>
      <section className="report-section" aria-labelledby="report-table">
        <h2 id="report-table">Findings table</h2>
        <FindingsTable questions={findings.questions} rows={findings.rows} caption={`${totals.requests} ${totals.requests === 1 ? "trust" : "trusts"}, by name`} />
      </section>
    </article>
  );
}
