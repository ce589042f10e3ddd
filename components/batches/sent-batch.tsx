import Link from "next/link";
import type { BatchDetails } from "@/lib/batches/get-batch";
import { listHref } from "@/lib/pagination/list-href";
import { BatchAutoRefresh } from "@/components/batch-auto-refresh";
import { BatchProgress } from "@/components/batch-progress";
import { Pagination } from "@/components/pagination";
import { BulkActionsForm } from "@/components/batches/bulk-actions-form";
import { RecipientFilters } from "@/components/batches/recipient-filters";
import { SentRecipients } from "@/components/batches/sent-recipients";
import { viewParams, type FormAction } from "@/components/batches/types";

export interface SentBatchActions {
  resolveDeliveryAction: FormAction;
  markRecipientSentAction: FormAction;
}

/** A sent batch: its progress, exports, bulk actions and each recipient's state. */
export function SentBatch({ batch, letters, actions }: { batch: BatchDetails; letters: Map<string, string>; actions: SentBatchActions }) {
  const overdueOnPage = batch.recipients.filter((r) => r.progressBucket === "overdue" && r.requestId).length;
  return (
    <>
      <h2>Progress</h2>
      <BatchAutoRefresh queued={batch.progress.queued} />
      <BatchProgress progress={batch.progress} />
      <ul className="export-links">
        <li>
          <a href={`/batches/${batch.id}/export`} download>
            Export CSV (every recipient)
          </a>
        </li>
        <li>
          <Link href={`/batches/${batch.id}/letters`}>Printable letters</Link>
        </li>
        <li>
          <Link href={`/requests?batch=${batch.id}`}>These requests in the requests list</Link>
        </li>
      </ul>

      <h2>Recipients</h2>
      <RecipientFilters batch={batch} sent />
      {batch.canEdit ? <BulkActionsForm batchId={batch.id} overdueOnPage={overdueOnPage} today={batch.today} /> : null}
      <SentRecipients batch={batch} letters={letters} actions={actions} />
      <Pagination page={batch.page} pageCount={batch.pageCount} href={(p) => listHref(`/batches/${batch.id}`, viewParams(batch), { page: String(p) })} />
    </>
  );
}
