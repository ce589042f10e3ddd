import type { BatchDetails } from "@/lib/batches/get-batch";
import { MERGE_FIELDS } from "@/lib/batches/merge-fields";
import { BATCH_CHANNELS, batchChannelLabels } from "@/lib/batches/schemas";
import { lawLabels } from "@/lib/requests/labels";
import { LAWS } from "@/lib/requests/schemas";
import { BatchDetailsForm } from "@/components/batch-details-form";
import type { FormAction } from "@/components/batches/types";

/** A draft's letter and title, with the merge fields they may use. */
export function DraftLetter({ batch, updateBatchDetailsAction }: { batch: BatchDetails; updateBatchDetailsAction: FormAction }) {
  const lawOptions = LAWS.map((l) => ({ value: l, label: lawLabels[l] }));
  const channelOptions = BATCH_CHANNELS.map((c) => ({ value: c, label: batchChannelLabels[c] }));
  return (
    <>
      <h2>The letter</h2>
      <p className="muted">Replies go to {batch.mailbox ?? "your own email address (the campaign has no shared mailbox set)"}.</p>
      <div className="batch-letter-columns">
        <BatchDetailsForm
          action={updateBatchDetailsAction}
          batch={{ id: batch.id, name: batch.name, titleTemplate: batch.titleTemplate, template: batch.template, law: batch.law, channel: batch.channel }}
          lawOptions={lawOptions}
          channelOptions={channelOptions}
          initialErrors={batch.templateErrors}
          disabled={!batch.canEdit}
        />
        <section aria-labelledby="merge-fields" className="merge-fields">
          <h3 id="merge-fields">Merge fields</h3>
          <p className="hint">Type them in double braces; each is filled in for each recipient.</p>
          <dl>
            {MERGE_FIELDS.map((f) => (
              <div key={f.name}>
                <dt>
                  <code>{`{{${f.name}}}`}</code>
                </dt>
                <dd>
                  {f.description} <span className="muted">For example: {f.example}</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </>
  );
}
