import type { Metadata } from "next";
import Link from "next/link";
import { formatUkDate, isPastDue } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { DUE_SOON_WORKING_DAYS, listRequests } from "@/lib/requests/queries";
import { statusLabels } from "@/lib/requests/status";
import { lawLabels } from "@/lib/requests/labels";
import { LAWS, REQUEST_STATUSES } from "@/lib/requests/schemas";
import { Pagination } from "@/components/pagination";
import { FilterSelect } from "@/components/filter-select";
import { listHref } from "@/lib/pagination/list-href";
import { RequestRows } from "@/components/request-rows";

export const metadata: Metadata = { title: "Requests" };

type Params = Record<string, string | undefined>;

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const { actor, role } = await requireWorkspace();
  const { filters, total, pageCount, rows, bodies, batches } = await listRequests(actor, params);
  const sortLink = (label: string) => {
    const next = filters.sort === "due" ? "-due" : "due";
    return (
      <Link href={listHref("/requests", params, { sort: next, page: undefined })} aria-label={`${label}: sort ${next === "due" ? "earliest first" : "latest first"}`}>
        {label} {filters.sort === "due" ? "▲" : filters.sort === "-due" ? "▼" : ""}
      </Link>
    );
  };
  return (
    <>
      <h1>Requests</h1>
      {params.deleted ? (
        <p className="success" role="status">
          The request was deleted. {roleAtLeast(role, "owner") ? <Link href="/requests/deleted">An owner can restore it for 30 days.</Link> : "An owner can restore it for 30 days."}
        </p>
      ) : null}
      {roleAtLeast(role, "editor") ? (
        <p>
          <Link className="button" href="/requests/new">
            Log a request
          </Link>
        </p>
      ) : null}
      <form className="filters" method="get" role="search" aria-label="Filter requests" key={JSON.stringify(filters)}>
        <FilterSelect name="status" label="Status" anyLabel="Any status" value={filters.status} options={REQUEST_STATUSES.map((st) => ({ value: st, label: statusLabels[st] }))} />
        {bodies ? (
          <FilterSelect name="body" label="Body" anyLabel="Any body" value={filters.body} options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
        ) : (
          <div className="field">
            <label htmlFor="bodyName">Body name contains</label>
            <input id="bodyName" name="bodyName" type="search" defaultValue={filters.bodyName ?? ""} />
            {filters.body ? <input type="hidden" name="body" value={filters.body} /> : null}
          </div>
        )}
        {batches.length > 0 ? <FilterSelect name="batch" label="Batch" anyLabel="Any batch" value={filters.batch} options={batches.map((b) => ({ value: b.id, label: b.name }))} /> : null}
        <FilterSelect name="law" label="Law" anyLabel="Any law" value={filters.law} options={LAWS.map((l) => ({ value: l, label: lawLabels[l] }))} />
        <div className="field">
          <label>
            <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} /> Overdue only
          </label>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="dueSoon" value="1" defaultChecked={filters.dueSoon} /> Due in the next {DUE_SOON_WORKING_DAYS} working days
          </label>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="replies" value="1" defaultChecked={filters.replies} /> Has replies to confirm
          </label>
        </div>
        <input type="hidden" name="sort" value={filters.sort} />
        <div>
          <button type="submit">Filter</button> <Link href="/requests">Clear filters</Link>
        </div>
      </form>
      {total === 0 ? (
        <p className="empty">
          {Object.values(params).some(Boolean) ? "No requests match these filters." : "No requests yet. Log the first one with “Log a request”."}
        </p>
      ) : (
        <table>
          <caption>
            {total} request{total === 1 ? "" : "s"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Body</th>
              <th scope="col">Reference</th>
              <th scope="col">Status</th>
              <th scope="col" aria-sort={filters.sort === "due" ? "ascending" : filters.sort === "-due" ? "descending" : undefined}>
                {sortLink("Due")}
              </th>
            </tr>
          </thead>
          <RequestRows
            rows={rows.map((r) => ({
              id: r.id,
              title: r.title,
              bodyId: r.body.id,
              bodyName: r.body.name,
              authorityRef: r.authorityRef,
              statusLabel: statusLabels[r.status],
              late: isPastDue(r.clock),
              repliesToConfirm: r.repliesToConfirm,
              dueLabel: r.dueOn ? formatUkDate(r.dueOn) : null,
            }))}
          />
        </table>
      )}
      <Pagination page={filters.page} pageCount={pageCount} href={(p) => listHref("/requests", params, { page: String(p) })} />
    </>
  );
}
