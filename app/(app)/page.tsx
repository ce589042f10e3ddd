import type { Metadata } from "next";
import Link from "next/link";
import { formatUkDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { getDashboard, DUE_SOON_WORKING_DAYS, type DueRow } from "@/lib/requests/queries";
import { statusLabels } from "@/lib/requests/status";
import { WorkingDaysTag } from "@/components/working-days-tag";
import { RowLink } from "@/components/row-link";

export const metadata: Metadata = { title: "Dashboard" };

/** The first few of a list (DASHBOARD_ROWS), and a link to the whole list when there are more. */
function DueTable({ caption, rows, total, allHref, allLabel }: { caption: string; rows: DueRow[]; total: number; allHref: string; allLabel: string }) {
  return (
    <>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Body</th>
            <th scope="col">Due</th>
            <th scope="col">Clock</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <RowLink href={`/requests/${r.id}`}>{r.title}</RowLink>
              </td>
              <td>{r.bodyName}</td>
              <td>{formatUkDate(r.due)}</td>
              <td>
                <WorkingDaysTag status={r.clock} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length ? (
        <p>
          Showing the first {rows.length} of {total}. <Link href={allHref}>{allLabel}</Link>
        </p>
      ) : null}
    </>
  );
}

export default async function DashboardPage() {
  const { actor, workspace } = await requireWorkspace();
  const data = await getDashboard(actor);
  return (
    <>
      <h1>{workspace.name}</h1>
      <p className="lede">Today is {formatUkDate(data.today)}.</p>

      <h2 id="counts-heading">Requests by state</h2>
      {data.total === 0 ? (
        <p className="empty">No requests yet. Log your first request from the Requests page.</p>
      ) : (
        <ul className="cards" aria-labelledby="counts-heading">
          <li className={`card ${data.overdueCount > 0 ? "danger" : ""}`}>
            <span className="count">{data.overdueCount}</span> Overdue
          </li>
          {data.byStatus.map((s) => (
            <li className="card" key={s.status}>
              <span className="count">{s.count}</span> {statusLabels[s.status]}
            </li>
          ))}
        </ul>
      )}

      <h2>Overdue</h2>
      {data.overdue.length === 0 ? (
        <p className="empty">Nothing is overdue. When a body misses its 20-working-day deadline, the request appears here with what to do next.</p>
      ) : (
        <DueTable caption="Overdue requests" rows={data.overdue} total={data.overdueCount} allHref="/requests?overdue=1&sort=due" allLabel={`See all ${data.overdueCount} overdue requests`} />
      )}

      <h2>Due in the next {DUE_SOON_WORKING_DAYS} working days</h2>
      {data.dueSoon.length === 0 ? (
        <p className="empty">
          Nothing is due before {formatUkDate(data.horizon)}. Requests waiting for a response appear here as their deadline approaches.
        </p>
      ) : (
        <DueTable
          caption={`Requests due by ${formatUkDate(data.horizon)}`}
          rows={data.dueSoon}
          total={data.dueSoonCount}
          allHref="/requests?dueSoon=1&sort=due"
          allLabel={`See all ${data.dueSoonCount} requests due by ${formatUkDate(data.horizon)}`}
        />
      )}
    </>
  );
}
