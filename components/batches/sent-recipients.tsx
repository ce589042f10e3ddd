import Link from "next/link";
import type { BatchDetails } from "@/lib/batches/get-batch";
import { progressBucketLabels } from "@/lib/batches/schemas";
import { BULK_FORM } from "@/components/batches/bulk-actions-form";
import { DaysLeft } from "@/components/batches/days-left";
import { HowItWent } from "@/components/batches/how-it-went";
import { SortHeader } from "@/components/batches/recipient-filters";
import type { FormAction } from "@/components/batches/types";

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
        <tbody>
          {batch.recipients.map((r) => (
            <tr key={r.id} data-bucket={r.progressBucket}>
              {canEdit ? (
                <td>
                  {/* Named by aria-label rather than a hidden <label>: one element a row less on a page of 50. */}
                  {r.requestId ? (
                    <input
                      type="checkbox"
                      name="requestIds"
                      value={r.requestId}
                      form={BULK_FORM}
                      id={`tick-${r.id}`}
                      aria-label={`Tick ${r.bodyName}`}
                      data-overdue={r.progressBucket === "overdue" ? "1" : "0"}
                    />
                  ) : null}
                </td>
              ) : null}
              <th scope="row">{r.requestId ? <Link href={`/requests/${r.requestId}`}>{r.bodyName}</Link> : r.bodyName}</th>
              <td>{r.reference !== null ? `FOI #${r.reference}` : "—"}</td>
              <td>
                <span className={`bucket-tag bucket-${r.progressBucket}`}>{r.progressLabel}</span>
                <br />
                <span className="muted">{r.statusLabel}</span>
              </td>
              <td>{r.dueLabel ?? "—"}</td>
              <td>
                <DaysLeft row={r} />
              </td>
              <td>
                <HowItWent batch={batch} row={r} letter={letters.get(r.id)} canEdit={canEdit} actions={actions} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
