// The findings table: one row per trust, one column per research question, plus the
// request's status and whether it was answered on time. Shared by the signed-in page
// (sortable, cells link to their evidence), the printable report and the public page.
import Link from "next/link";
import { formatUkDate } from "@/lib/deadlines";
import { RowLink } from "@/components/row-link";

export interface FindingsTableQuestion {
  id: string;
  position: number;
  text: string;
}

export interface FindingsTableRow {
  /** Present for signed-in members only: the public page has no links into the app. */
  requestId?: string;
  reference: number;
  bodyName: string;
  region: string;
  statusLabel: string;
  timelinessLabel: string;
  clockSummary: string;
  workingDaysToRespond: number | null;
  dueOn: string | null;
  answeredOn: string | null;
  cells: Array<{ questionId: string; display: string; quote: string | null; href?: string; recorded?: boolean }>;
}

/** How a column header sorts: the URL for "sort by this" and the column's current order. */
export interface FindingsSorting {
  sort: string;
  dir: "asc" | "desc";
  href: (sort: string, dir: "asc" | "desc") => string;
}

function SortHeader({ label, sortKey, sorting, className }: { label: string; sortKey: string; sorting?: FindingsSorting; className?: string }) {
  if (!sorting) {
    return (
      <th scope="col" className={className}>
        {label}
      </th>
    );
  }
  const active = sorting.sort === sortKey;
  const nextDir = active && sorting.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={className} aria-sort={active ? (sorting.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={sorting.href(sortKey, nextDir)}>
        {label}
        <span className="visually-hidden">, sort {nextDir === "asc" ? "ascending" : "descending"}</span> {active ? (sorting.dir === "asc" ? "▲" : "▼") : ""}
      </Link>
    </th>
  );
}

export function FindingsTable({
  questions,
  rows,
  caption,
  sorting,
  linkToRequests = false,
}: {
  questions: FindingsTableQuestion[];
  rows: FindingsTableRow[];
  caption: string;
  sorting?: FindingsSorting;
  linkToRequests?: boolean;
}) {
  return (
    <div className="table-scroll">
      <table className="findings-table" data-testid="findings-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <SortHeader label="Trust" sortKey="body" sorting={sorting} />
            <SortHeader label="NHS region" sortKey="region" sorting={sorting} />
            <SortHeader label="Status" sortKey="status" sorting={sorting} />
            <SortHeader label="Answered on time?" sortKey="timeliness" sorting={sorting} />
            <SortHeader label="Working days to respond" sortKey="days" sorting={sorting} className="number" />
            <SortHeader label="Due" sortKey="due" sorting={sorting} />
            <SortHeader label="Answered" sortKey="answered" sorting={sorting} />
            {questions.map((q) => (
              <SortHeader key={q.id} label={`${q.position}. ${q.text}`} sortKey={`q:${q.id}`} sorting={sorting} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.reference}`}>
              <th scope="row">{linkToRequests && r.requestId ? <RowLink href={`/requests/${r.requestId}`}>{r.bodyName}</RowLink> : r.bodyName}</th>
              <td>{r.region}</td>
              <td>{r.statusLabel}</td>
              <td>
                {r.timelinessLabel}
                {r.clockSummary && r.clockSummary !== r.timelinessLabel ? <span className="muted"> ({r.clockSummary})</span> : null}
              </td>
              <td className="number">{r.workingDaysToRespond ?? "—"}</td>
              <td>{r.dueOn ? formatUkDate(r.dueOn) : "—"}</td>
              <td>{r.answeredOn ? formatUkDate(r.answeredOn) : "—"}</td>
              {r.cells.map((c, i) => (
                <td key={c.questionId} data-question={questions[i]?.position}>
                  {linkToRequests && c.href ? (
                    // The name starts with the visible words (WCAG 2.5.3), then says where the link goes.
                    <RowLink href={c.href} aria-label={`${c.recorded === false ? "Not recorded" : c.display || "Recorded"}: evidence for question ${questions[i]?.position}, ${r.bodyName}`}>
                      {c.recorded === false ? "Not recorded" : c.display || "Recorded"}
                    </RowLink>
                  ) : c.display ? (
                    c.display
                  ) : (
                    <span className="unknown">Not recorded</span>
                  )}
                  {c.quote ? <blockquote>“{c.quote}”</blockquote> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
