import { BULK_STATUS_KINDS } from "@/lib/batches/schemas";
import { bulkStatusLabels } from "@/components/batch-labels";
import { BatchSelectOverdue } from "@/components/batch-select-overdue";
import { BULK_FORM } from "@/components/batches/types";

/** Act on the ticked requests: each choice goes to a check page before anything is done. */
export function BulkActionsForm({ batchId, overdueOnPage, today }: { batchId: string; overdueOnPage: number; today: string }) {
  return (
    <form id={BULK_FORM} method="get" action={`/batches/${batchId}/bulk`} className="bulk-actions" aria-label="Act on the ticked requests">
      <fieldset>
        <legend>Act on the ticked requests</legend>
        <p className="hint">Tick requests in the table, choose what to do, then check the list of what will happen before anything is done.</p>
        <BatchSelectOverdue formId={BULK_FORM} overdue={overdueOnPage} />
        <div className="bulk-fields">
          <div className="field">
            <label htmlFor="bulk-action">What to do</label>
            <select id="bulk-action" name="action" defaultValue="chaser">
              <option value="chaser">Send a chaser to the overdue ones</option>
              <option value="status">Record what happened</option>
              <option value="note">Add a note</option>
              <option value="letters">Download or print their letters</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="bulk-kind">What happened (for “Record what happened”)</label>
            <select id="bulk-kind" name="kind" defaultValue="acknowledged">
              {BULK_STATUS_KINDS.map((k) => (
                <option key={k} value={k}>
                  {bulkStatusLabels[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="bulk-on">On (for “Record what happened”)</label>
            <input id="bulk-on" name="on" type="date" defaultValue={today} />
          </div>
          <div className="field">
            <label htmlFor="bulk-note">Note (for “Add a note”)</label>
            <textarea id="bulk-note" name="note" rows={2} maxLength={10_000} />
          </div>
        </div>
        <button type="submit">Check what will happen</button>
      </fieldset>
    </form>
  );
}
