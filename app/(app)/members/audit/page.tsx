import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/errors";
import { AUDIT_ACTIONS, auditActionLabels } from "@/lib/audit/actions";
import { listAuditEntries, readAuditFilters } from "@/lib/audit/queries";
import { listHref } from "@/lib/pagination/list-href";
import { Pagination } from "@/components/pagination";
import { FilterSelect } from "@/components/filter-select";
import { Field } from "@/components/field";

export const metadata: Metadata = { title: "Audit log" };

type Params = Record<string, string | undefined>;

const KIND_OPTIONS = [...AUDIT_ACTIONS].sort((a, b) => auditActionLabels[a].localeCompare(auditActionLabels[b])).map((a) => ({ value: a, label: auditActionLabels[a] }));

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const { actor } = await requireWorkspace();
  const { filters, fieldErrors } = readAuditFilters(params);
  let result;
  try {
    result = await listAuditEntries(actor, filters);
  } catch (error) {
    if (error instanceof ForbiddenError) {
      return (
        <>
          <h1>Audit log</h1>
          <p>Only a workspace owner can see the audit log.</p>
        </>
      );
    }
    throw error;
  }
  const { rows, total, page, pageCount, people } = result;
  const filterParams = { person: params.person, action: params.action, from: params.from, to: params.to };
  const filtered = Object.values(filterParams).some(Boolean);
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Who did what in this workspace, newest first. <Link href="/members">Back to members</Link>
      </p>
      <form className="filters" method="get" role="search" aria-label="Filter the audit log" noValidate>
        <FilterSelect name="person" label="Person" anyLabel="Anyone" value={filters.person} options={people} />
        <FilterSelect name="action" label="Kind" anyLabel="Any kind" value={filters.action} options={KIND_OPTIONS} />
        <Field idPrefix="audit" name="from" label="From" hint="For example 31/08/2021" defaultValue={params.from} errors={fieldErrors.from} />
        <Field idPrefix="audit" name="to" label="To" hint="Up to and including this day" defaultValue={params.to} errors={fieldErrors.to} />
        <div>
          <button type="submit">Filter</button> <Link href="/members/audit">Clear filters</Link>
        </div>
      </form>
      {Object.keys(fieldErrors).length > 0 ? (
        <p className="error-summary" role="status">
          Some filters could not be used: see the messages above. The list below leaves them out.
        </p>
      ) : null}
      <p>
        <a href={listHref("/members/audit/export", filterParams)} download>
          Download these entries as CSV
        </a>
      </p>
      {total === 0 ? (
        <p className="empty">{filtered ? "No entries match these filters." : "Nothing has been recorded yet."}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>
              {total} entr{total === 1 ? "y" : "ies"}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.when}</td>
                  <td>
                    {r.who}
                    {r.whoEmail && r.whoEmail !== r.who ? <div className="muted">{r.whoEmail}</div> : null}
                  </td>
                  <td>{r.what}</td>
                  <td>{r.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} href={(p) => listHref("/members/audit", { ...filterParams, page: String(p) })} />
    </>
  );
}
