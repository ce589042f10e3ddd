import type { Metadata } from "next";
import Link from "next/link";
import { formatUkDate, receiptDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { orNotFound } from "@/lib/edge/domain-error-map";
import { env } from "@/lib/env";
import { getFindings } from "@/lib/findings/findings-table";
import { listQuestions, SUGGESTED_QUESTIONS } from "@/lib/findings/questions";
import { chartData } from "@/lib/findings/charts";
import { TIMELINESS_ORDER, timelinessLabels } from "@/lib/findings/timeliness";
import { listHref } from "@/lib/pagination/list-href";
import { FilterSelect } from "@/components/filter-select";
import { Pagination } from "@/components/pagination";
import { FindingsTable } from "@/components/findings-table";
import { FindingsCharts } from "@/components/findings-charts";
import { FindingsQuestions } from "@/components/findings-questions";
import { FindingsPublicSwitch } from "@/components/findings-public-switch";
import { addQuestionAction, addSuggestedQuestionsAction, deleteQuestionAction, moveQuestionAction, setPublicPageAction, updateQuestionAction } from "../actions";

export const metadata: Metadata = { title: "Findings" };

type Params = Record<string, string | undefined>;

export default async function BatchFindingsPage({ params, searchParams }: { params: Promise<{ batchId: string }>; searchParams: Promise<Params> }) {
  const { actor } = await requireWorkspace();
  const { batchId } = await params;
  const query = await searchParams;
  const [findings, questions] = await orNotFound(Promise.all([getFindings(actor, batchId, query), listQuestions(actor, batchId)]));
  const { batch, filters, totals } = findings;
  const path = `/findings/${batch.id}`;
  const filtered = Boolean(filters.status || filters.timeliness || filters.region || filters.q);
  const charts = chartData(findings);
  const publicUrl = batch.publicToken ? `${env().NEXTAUTH_URL.replace(/\/$/, "")}/public/findings/${batch.publicToken}` : null;
  return (
    <>
      <p>
        <Link href="/findings">All batches</Link>
      </p>
      <h1>Findings: {batch.name}</h1>
      <p className="lede">
        {batch.sentOn ? `Sent ${formatUkDate(batch.sentOn)}` : "Not sent yet"} · {totals.requests} {totals.requests === 1 ? "request" : "requests"} · {totals.answered} answered · {totals.byTimeliness.not_answered} overdue without an answer · figures as of {formatUkDate(findings.today)}
      </p>

      <nav aria-label="Exports and report">
        <ul className="export-links">
          <li>
            <Link href={`${path}/report`}>Printable report</Link>
          </li>
          <li>
            <a href={`${path}/export/findings.csv`} download>
              Findings table (CSV)
            </a>
          </li>
          <li>
            <a href={`${path}/export/findings.json`} download>
              Findings table (JSON)
            </a>
          </li>
          <li>
            <a href="/findings/export/requests.csv" download>
              All requests with their dates (CSV)
            </a>
          </li>
          <li>
            <a href="/findings/export/requests.json" download>
              All requests with their dates (JSON)
            </a>
          </li>
        </ul>
      </nav>

      <h2 id="questions">Research questions</h2>
      <FindingsQuestions
        batchId={batch.id}
        questions={questions}
        canEdit={findings.canEdit}
        suggested={SUGGESTED_QUESTIONS}
        actions={{ add: addQuestionAction, update: updateQuestionAction, move: moveQuestionAction, remove: deleteQuestionAction, addSuggested: addSuggestedQuestionsAction }}
      />
      {questions.length > 0 ? <p className="muted">Record each trust&apos;s answers on its request page: follow the trust&apos;s name or a cell in the table below.</p> : null}

      <h2 id="table">Findings table</h2>
      <form className="filters" method="get" role="search" aria-label="Filter the findings" key={JSON.stringify(filters)}>
        <FilterSelect name="status" label="Status" anyLabel="Any status" value={filters.status} options={findings.statuses.map((s) => ({ value: s.status, label: `${s.label} (${s.count})` }))} />
        <FilterSelect
          name="timeliness"
          label="Answered on time?"
          anyLabel="Any"
          value={filters.timeliness}
          options={TIMELINESS_ORDER.filter((t) => totals.byTimeliness[t] > 0).map((t) => ({ value: t, label: `${timelinessLabels[t]} (${totals.byTimeliness[t]})` }))}
        />
        <FilterSelect name="region" label="NHS region" anyLabel="Any region" value={filters.region} options={findings.regions.map((r) => ({ value: r, label: r }))} />
        <div className="field">
          <label htmlFor="q">Trust or words in an answer</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} />
        </div>
        {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        {filters.dir ? <input type="hidden" name="dir" value={filters.dir} /> : null}
        <div>
          <button type="submit">Filter</button> <Link href={path}>Clear filters</Link>
        </div>
      </form>
      {findings.rows.length === 0 ? (
        <p className="empty">{filtered ? "No trusts match these filters." : "This batch has no requests yet."}</p>
      ) : (
        <FindingsTable
          questions={findings.questions}
          rows={findings.pageRows}
          caption={`${totals.shown} of ${totals.requests} ${totals.requests === 1 ? "trust" : "trusts"}${filtered ? " (filtered)" : ""}`}
          linkToRequests
          sorting={{
            sort: filters.sort ?? "body",
            dir: filters.dir ?? "asc",
            href: (sort, dir) => listHref(path, query, { sort, dir, page: undefined }),
          }}
        />
      )}
      <Pagination page={findings.page} pageCount={findings.pageCount} href={(p) => listHref(path, query, { page: String(p) })} />

      <h2 id="charts">Charts</h2>
      {filtered ? <p className="muted">The charts follow the filters above.</p> : null}
      <FindingsCharts charts={charts} idPrefix="chart" />

      {findings.isOwner ? (
        <>
          <h2 id="public-page">Public page</h2>
          <FindingsPublicSwitch
            batchId={batch.id}
            publicUrl={publicUrl}
            publicSinceLabel={batch.publicSince ? formatUkDate(receiptDate(new Date(batch.publicSince))) : null}
            action={setPublicPageAction}
          />
        </>
      ) : null}
    </>
  );
}
