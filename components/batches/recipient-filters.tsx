import Link from "next/link";
import type { BatchDetails } from "@/lib/batches/get-batch";
import { PROGRESS_BUCKETS, progressBucketLabels } from "@/lib/batches/schemas";
import { listHref } from "@/lib/pagination/list-href";
import { FilterSelect } from "@/components/filter-select";
import { viewParams } from "@/components/batches/types";

export function RecipientFilters({ batch, sent = false }: { batch: BatchDetails; sent?: boolean }) {
  const { view } = batch;
  return (
    <form className="filters" method="get" role="search" aria-label="Filter the recipients" key={JSON.stringify(view)}>
      <div className="field">
        <label htmlFor="q">Body name</label>
        <input id="q" name="q" type="search" defaultValue={view.q ?? ""} />
      </div>
      {sent ? (
        <FilterSelect name="status" label="Progress" anyLabel="Any" value={view.status} options={PROGRESS_BUCKETS.map((b) => ({ value: b, label: progressBucketLabels[b] }))} />
      ) : null}
      {view.sort !== "position" ? <input type="hidden" name="sort" value={view.sort} /> : null}
      <div>
        <button type="submit">Filter</button> <Link href={`/batches/${batch.id}`}>Clear filters</Link>
      </div>
    </form>
  );
}

export function SortHeader({ batch, label, sorts }: { batch: BatchDetails; label: string; sorts: [string, string?] }) {
  const [ascending, descending] = sorts;
  const current = batch.view.sort;
  const active = current === ascending || current === descending;
  const next = current === ascending && descending ? descending : ascending;
  const direction = current === ascending ? "ascending" : current === descending ? "descending" : undefined;
  return (
    <th scope="col" aria-sort={active ? direction : undefined}>
      <Link href={listHref(`/batches/${batch.id}`, viewParams(batch), { sort: next, page: undefined })}>
        {label}
        <span className="visually-hidden">: sort by {label.toLowerCase()}</span> {active ? (current === descending ? "▼" : "▲") : ""}
      </Link>
    </th>
  );
}
