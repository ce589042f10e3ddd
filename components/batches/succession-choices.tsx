import type { BatchDetails } from "@/lib/batches/get-batch";
import { BatchActionForm } from "@/components/batch-action-form";
import type { FormAction } from "@/components/batches/types";

/**
 * Before sending: bodies that merged (one successor would get several requests, offered as one
 * request covering its predecessors) and other things worth checking (lib/batches/get-batch.ts).
 */
export function SuccessionChoices({ batch, combineSuccessorAction }: { batch: BatchDetails; combineSuccessorAction: FormAction }) {
  if (batch.successionOffers.length === 0 && batch.warnings.length === 0) return null;
  return (
    <section aria-labelledby="worth-checking" className="panel">
      <h2 id="worth-checking">Mergers and bodies outside the Act</h2>
      {batch.successionOffers.map((offer) => (
        <div key={offer.successorId} className="notice" data-testid="succession-offer">
          <p>{offer.message}</p>
          {batch.canEdit ? (
            <BatchActionForm action={combineSuccessorAction} hidden={{ batchId: batch.id, successorId: offer.successorId }}>
              <button type="submit">
                Send one request to {offer.successorName} covering {offer.predecessors.map((p) => p.name).join(" and ")}
              </button>
            </BatchActionForm>
          ) : null}
          <p className="hint">Or leave it: each trust gets its own request.</p>
        </div>
      ))}
      {batch.warnings.length > 0 ? (
        <ul>
          {batch.warnings.map((w) => (
            <li key={`${w.recipientId}-${w.message.slice(0, 20)}`}>{w.message}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
