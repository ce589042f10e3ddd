import type { BatchDetails, RecipientRow } from "@/lib/batches/get-batch";
import { progressBucketLabels } from "@/lib/batches/schemas";
import { channelLabels } from "@/lib/requests/labels";
import { SentRecipientRows, type SentRecipientRow } from "@/components/batches/sent-recipient-rows";
import { SortHeader } from "@/components/batches/recipient-filters";
import type { FormAction } from "@/components/batches/types";

/** Only what the table shows of a recipient, for the client component that draws the rows. */
function toSentRow(r: RecipientRow): SentRecipientRow {
  const d = r.delivery;
  const row: SentRecipientRow = {
    id: r.id,
    requestId: r.requestId,
    bodyName: r.bodyName,
    reference: r.reference,
    progressBucket: r.progressBucket,
    progressLabel: r.progressLabel,
    statusLabel: r.statusLabel,
    dueLabel: r.dueLabel,
    dueStatus: r.dueStatus,
    channel: r.channel,
    status: r.status,
    sentLabel: r.sentLabel,
    delivery: !d ? null : d.state === "sent" ? { state: "sent" } : { id: d.id, state: d.state, attempts: d.attempts, lastError: d.lastError },
  };
  if (!r.dueStatus) row.dueText = r.dueText;
  if (r.externalUrl) row.externalUrl = r.externalUrl;
  if (r.channel === "whatdotheyknow" && r.status === "draft") row.wdtkUrl = r.wdtkUrl;
  if (r.channel !== "email" && r.channel !== "whatdotheyknow" && r.channel !== "post") row.channelLabel = channelLabels[r.channel];
  return row;
}

/** A sent batch's recipients: how each request is going, with a tick box for the bulk actions. */
export function SentRecipients({
  batch,
  letters,
  actions,
}: {
  batch: BatchDetails;
  /** WhatDoTheyKnow letters to copy, by recipient id. */
  letters: Map<string, string>;
  actions: { resolveDeliveryAction: FormAction; markRecipientSentAction: FormAction };
}) {
  const canEdit = batch.canEdit;
  return (
    <div className="table-scroll">
      <table className="batch-recipients sent">
        <caption>
          {batch.filteredTotal} of {batch.progress.total} recipients
          {batch.view.status ? `: ${progressBucketLabels[batch.view.status].toLowerCase()}` : ""}
        </caption>
        <thead>
          <tr>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">Tick</span>
              </th>
            ) : null}
            <SortHeader batch={batch} label="Body" sorts={["name"]} />
            <th scope="col">Reference</th>
            <SortHeader batch={batch} label="Status" sorts={["status"]} />
            <SortHeader batch={batch} label="Due" sorts={["due", "-due"]} />
            <SortHeader batch={batch} label="Working days" sorts={["-due", "due"]} />
            <th scope="col">How it went</th>
          </tr>
        </thead>
        <SentRecipientRows batch={{ id: batch.id, today: batch.today }} rows={batch.recipients.map(toSentRow)} letters={Object.fromEntries(letters)} canEdit={canEdit} actions={actions} />
      </table>
    </div>
  );
}
