import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { listBodies } from "@/lib/bodies/queries";
import { Pagination } from "@/components/pagination";
import { FilterSelect } from "@/components/filter-select";
import { listHref } from "@/lib/pagination/list-href";
import { BODY_STATUSES, NHS_REGIONS, OUTCOMES, outcomeLabels, statusLabels } from "@/lib/bodies/schemas";
import { roleAtLeast } from "@/lib/auth/access";
import { BatchActionForm } from "@/components/batch-action-form";
import { startBatchAction } from "../batches/actions";
import { RowLink } from "@/components/row-link";

// The tick boxes in the table belong to this form (through their `form` attribute).
const START_BATCH_FORM = "start-batch-form";

export const metadata: Metadata = { title: "Trusts" };

type Params = Record<string, string | undefined>;

export default async function TrustsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const { actor, role } = await requireWorkspace();
  const { filters, total, pageCount, bodies } = await listBodies(actor, params);
  const canStartBatch = roleAtLeast(role, "editor") && bodies.length > 0;
  return (
    <>
      <h1>Trusts and other bodies</h1>
      <p className="lede">NHS England and the 55 trusts it offered the Band 7 Lived Experience funding to, with what its response said about each.</p>
      <p>
        <a href="/trusts/export" download>
          Download the directory as CSV
        </a>
        {roleAtLeast(role, "editor") ? (
          <>
            {" · "}
            <Link href="/trusts/import">Import FOI addresses from a CSV</Link>
          </>
        ) : null}
      </p>
      <form key={[filters.q, filters.region, filters.outcome, filters.status].join("|")} className="filters" method="get" role="search" aria-label="Filter the directory">
        <div className="field">
          <label htmlFor="q">Name, short name or ODS code</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </div>
        <FilterSelect name="region" label="NHS region" anyLabel="Any region" value={filters.region} options={NHS_REGIONS.map((r) => ({ value: r, label: r }))} />
        <FilterSelect
          name="outcome"
          label="Outcome in the NHS England response"
          anyLabel="Any outcome"
          value={filters.outcome}
          options={OUTCOMES.map((o) => ({ value: o, label: outcomeLabels[o] }))}
        />
        <FilterSelect name="status" label="Status" anyLabel="Any status" value={filters.status} options={BODY_STATUSES.map((st) => ({ value: st, label: statusLabels[st] }))} />
        <div>
          <button type="submit">Filter</button> <Link href="/trusts">Clear filters</Link>
        </div>
      </form>
      {canStartBatch ? (
        <BatchActionForm action={startBatchAction} hidden={{}} id={START_BATCH_FORM} className="inline-form batch-start-selected" label="Start a batch">
          <p className="hint">Tick trusts in the table (on this page), then start a batch: one follow-up letter to each, as a draft you check before sending.</p>
          <button type="submit">Start a batch with the ticked trusts</button>
        </BatchActionForm>
      ) : null}
      {bodies.length === 0 ? (
        <p className="empty">No bodies match these filters. Try clearing some of them.</p>
      ) : (
        <table>
          <caption>
            {total} bod{total === 1 ? "y" : "ies"} found
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">ODS code</th>
              <th scope="col">Region</th>
              <th scope="col">NHS England response</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {bodies.map((b) => (
              <tr key={b.id}>
                <td>
                  {/* In the name's cell, not a column of its own: the columns stay the same for every role. */}
                  {canStartBatch ? (
                    <>
                      <input type="checkbox" name="bodyIds" value={b.id} form={START_BATCH_FORM} id={`tick-${b.id}`} className="batch-tick" />
                      <label htmlFor={`tick-${b.id}`} className="visually-hidden">
                        Tick {b.name} for a batch
                      </label>{" "}
                    </>
                  ) : null}
                  <RowLink href={`/trusts/${b.id}`}>{b.name}</RowLink>
                  {b.shortName ? <span className="muted"> ({b.shortName})</span> : null}
                </td>
                <td>{b.odsCode ?? <span className="unknown">unknown</span>}</td>
                <td>{b.region ?? <span className="unknown">national</span>}</td>
                <td>{b.outcome ? outcomeLabels[b.outcome] : "—"}</td>
                <td>{statusLabels[b.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={filters.page} pageCount={pageCount} href={(p) => listHref("/trusts", params, { page: String(p) })} />
    </>
  );
}
