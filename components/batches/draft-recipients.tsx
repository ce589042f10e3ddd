import Link from "next/link";
import type { BatchDetails } from "@/lib/batches/get-batch";
import { outcomeLabels } from "@/lib/bodies/schemas";
import { channelLabels } from "@/lib/requests/labels";
import { listHref } from "@/lib/pagination/list-href";
import { BatchActionForm } from "@/components/batch-action-form";
import { Pagination } from "@/components/pagination";
import { ChannelSwitch } from "@/components/batches/channel-switch";
import { RecipientFilters } from "@/components/batches/recipient-filters";
import { viewParams, type FormAction } from "@/components/batches/types";

/** A draft's recipients: channel, letter and removal, one page at a time. */
export function DraftRecipients({ batch, updateRecipientAction, removeRecipientAction }: { batch: BatchDetails; updateRecipientAction: FormAction; removeRecipientAction: FormAction }) {
  const canEdit = batch.canEdit;
  return (
    <>
      <h2>Recipients</h2>
      <RecipientFilters batch={batch} />
      <table className="batch-recipients">
        <caption>
          {batch.filteredTotal} of {batch.progress.total} recipients
        </caption>
        <thead>
          <tr>
            <th scope="col">Body</th>
            <th scope="col">FOI email</th>
            <th scope="col">Outcome</th>
            <th scope="col">Channel</th>
            <th scope="col">Letter</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {batch.recipients.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/trusts/${r.bodyId}`}>{r.bodyName}</Link>
              </th>
              <td>{r.foiEmail ?? <span className={r.channel === "email" ? "tag overdue" : "unknown"}>no FOI email</span>}</td>
              <td>{r.outcome ? outcomeLabels[r.outcome] : "—"}</td>
              <td>
                {channelLabels[r.channel]}
                {r.channelOverridden ? <span className="muted"> (this one only)</span> : null}
                {canEdit ? (
                  <ChannelSwitch action={updateRecipientAction} batchId={batch.id} recipientId={r.id} bodyName={r.bodyName} current={r.channelOverridden ? r.channel : null} />
                ) : null}
              </td>
              <td>{r.letterEdited ? <span className="tag soon">Edited</span> : "From the template"}</td>
              <td className="row-actions">
                <Link href={`/batches/${batch.id}/recipients/${r.id}`}>
                  {canEdit ? "Preview or edit" : "Preview"}
                  <span className="visually-hidden"> the letter to {r.bodyName}</span>
                </Link>
                {canEdit ? (
                  <BatchActionForm action={removeRecipientAction} hidden={{ batchId: batch.id, recipientId: r.id }}>
                    <button type="submit" className="secondary small">
                      Remove<span className="visually-hidden"> {r.bodyName}</span>
                    </button>
                  </BatchActionForm>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={batch.page} pageCount={batch.pageCount} href={(p) => listHref(`/batches/${batch.id}`, viewParams(batch), { page: String(p) })} />
    </>
  );
}
