import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatUkDate, receiptDate } from "@/lib/deadlines";
import { getPublicFindings } from "@/lib/findings/public-page";
import { FindingsTable } from "@/components/findings-table";
import { FindingsCharts } from "@/components/findings-charts";

// Outside the signed-in area: the unguessable token is the permission. Never cached, so
// an owner switching the page off withdraws it at once; not for search engines.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Findings",
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: "no-referrer",
};

export default async function PublicFindingsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const findings = await getPublicFindings(token);
  if (!findings) notFound();
  const answered = findings.rows.filter((r) => r.answeredOn !== null).length;
  const base = `/public/findings/${encodeURIComponent(token)}/download`;
  return (
    <main id="main" className="public-page">
      <p className="muted">Published findings of a Freedom of Information campaign</p>
      <h1>{findings.batchName}</h1>
      <p className="lede">
        {findings.rows.length} {findings.rows.length === 1 ? "request" : "requests"}, {answered} answered. Figures as of {formatUkDate(findings.today)}
        {findings.publicSince ? `; published ${formatUkDate(receiptDate(new Date(findings.publicSince)))}` : ""}.
      </p>
      <ul className="export-links">
        <li>
          <a href={`${base}/findings.csv`} download>
            Download the table (CSV)
          </a>
        </li>
        <li>
          <a href={`${base}/findings.json`} download>
            Download the table (JSON)
          </a>
        </li>
      </ul>
      {findings.questions.length > 0 ? (
        <>
          <h2>Research questions</h2>
          <ol>
            {findings.questions.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ol>
        </>
      ) : null}
      <h2>Findings table</h2>
      <FindingsTable questions={findings.questions} rows={findings.rows} caption={`${findings.rows.length} ${findings.rows.length === 1 ? "trust" : "trusts"}, by name`} />
      <h2>Charts</h2>
      <FindingsCharts charts={findings.charts} idPrefix="public" />
    </main>
  );
}
