import type { BatchDetails } from "@/lib/batches/get-batch";
import { BatchActionForm } from "@/components/batch-action-form";
import { BeforeYouSend } from "@/components/batches/before-you-send";
import { DraftLetter } from "@/components/batches/draft-letter";
import { DraftRecipients } from "@/components/batches/draft-recipients";
import { SuccessionChoices } from "@/components/batches/succession-choices";
import type { FormAction } from "@/components/batches/types";

export interface DraftBatchActions {
  updateBatchDetailsAction: FormAction;
  updateRecipientAction: FormAction;
  removeRecipientAction: FormAction;
  deleteDraftBatchAction: FormAction;
  combineSuccessorAction: FormAction;
}

/** A batch not yet sent: what stops it, its letter, its recipients, and deleting it. */
export function DraftBatch({ batch, actions }: { batch: BatchDetails; actions: DraftBatchActions }) {
  return (
    <>
      <BeforeYouSend batch={batch} updateRecipientAction={actions.updateRecipientAction} />
      <SuccessionChoices batch={batch} combineSuccessorAction={actions.combineSuccessorAction} />
      <DraftLetter batch={batch} updateBatchDetailsAction={actions.updateBatchDetailsAction} />
      <DraftRecipients batch={batch} updateRecipientAction={actions.updateRecipientAction} removeRecipientAction={actions.removeRecipientAction} />
      {batch.canEdit ? (
        <details className="danger-zone">
          <summary>Delete this draft batch</summary>
          <p>Nothing has been created or sent from it yet; deleting it removes the draft and its recipients.</p>
          <BatchActionForm action={actions.deleteDraftBatchAction} hidden={{ batchId: batch.id }}>
            <button type="submit" className="secondary">
              Delete the draft batch
            </button>
          </BatchActionForm>
        </details>
      ) : null}
    </>
  );
}
