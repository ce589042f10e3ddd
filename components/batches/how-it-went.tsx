import Link from "next/link";
import type { SentRecipientRow } from "@/components/batches/sent-recipient-rows";
import { BatchActionForm } from "@/components/batch-action-form";
import { BatchCopyLetter } from "@/components/batch-copy-letter";
import { BatchMarkSentForm } from "@/components/batch-mark-sent-form";
import type { FormAction } from "@/components/batches/types";

/** The channel's state for one recipient, and what a person can do about it. */
export function HowItWent({
  batch,
  row,
  letter,
  canEdit,
  actions,
}: {
  batch: { id: string; today: string };
  row: SentRecipientRow;
  letter: string | undefined;
  canEdit: boolean;
  actions: { resolveDeliveryAction: FormAction; markRecipientSentAction: FormAction };
}) {
  const waiting = row.status === "draft";
  if (row.channel === "email") {
    const d = row.delivery;
    if (!d) return <span className="muted">{waiting ? "Not queued" : `Emailed${row.sentLabel ? ` ${row.sentLabel}` : ""}`}</span>;
    if (d.state === "pending" || d.state === "sending") {
      return (
        <span>
          {d.state === "sending" ? "Sending" : "Queued"}
          {d.lastError ? <span className="muted"> (attempt {d.attempts} failed: {d.lastError}; trying again)</span> : null}
        </span>
      );
    }
    if (d.state === "sent") return `Emailed${row.sentLabel ? ` ${row.sentLabel}` : ""}`;
    if (d.state === "failed") {
      return (
        <div className="delivery-problem">
          <p className="field-error">Not sent: {d.lastError ?? "the mail server refused it"}</p>
          {canEdit ? (
            <BatchActionForm action={actions.resolveDeliveryAction} hidden={{ batchId: batch.id, deliveryId: d.id, choice: "retry" }}>
              <button type="submit" className="small">
                Send again<span className="visually-hidden"> to {row.bodyName}</span>
              </button>
            </BatchActionForm>
          ) : null}
        </div>
      );
    }
    // unconfirmed: the worker stopped while sending; a person decides (never resent by itself).
    return (
      <div className="delivery-problem">
        <p className="field-error">We could not confirm this letter was sent: the app stopped while sending it. Check the campaign&apos;s sent mail, then choose Mark as sent or Send again.</p>
        {canEdit ? (
          <p className="actions">
            <BatchActionForm action={actions.resolveDeliveryAction} hidden={{ batchId: batch.id, deliveryId: d.id, choice: "mark_sent" }}>
              <button type="submit" className="secondary small">
                Mark as sent<span className="visually-hidden"> ({row.bodyName})</span>
              </button>
            </BatchActionForm>
            <BatchActionForm action={actions.resolveDeliveryAction} hidden={{ batchId: batch.id, deliveryId: d.id, choice: "send_again" }}>
              <button type="submit" className="small">
                Send again<span className="visually-hidden"> to {row.bodyName}</span>
              </button>
            </BatchActionForm>
          </p>
        ) : null}
      </div>
    );
  }
  if (row.channel === "whatdotheyknow") {
    if (!waiting) {
      return row.externalUrl ? (
        <a href={row.externalUrl} rel="noreferrer noopener">
          On WhatDoTheyKnow<span className="visually-hidden"> ({row.bodyName})</span>
        </a>
      ) : (
        <span>Sent via WhatDoTheyKnow{row.sentLabel ? ` ${row.sentLabel}` : ""}</span>
      );
    }
    // Collapsed: with 31 of these open the page was about 15,000 pixels tall; the paste-back box above takes them all at once.
    return (
      <details className="wdtk-steps">
        <summary>
          Send and mark as sent<span className="visually-hidden"> ({row.bodyName})</span>
        </summary>
        <p>
          <a href={row.wdtkUrl} target="_blank" rel="noreferrer noopener">
            Open {row.bodyName} on WhatDoTheyKnow<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
        {letter ? <BatchCopyLetter text={letter} bodyName={row.bodyName} /> : null}
        {canEdit ? <BatchMarkSentForm action={actions.markRecipientSentAction} batchId={batch.id} recipientId={row.id} bodyName={row.bodyName} via="whatdotheyknow" today={batch.today} /> : null}
      </details>
    );
  }
  if (row.channel === "post") {
    if (!waiting) return <span>Posted{row.sentLabel ? ` ${row.sentLabel}` : ""}</span>;
    return (
      <div className="post-steps">
        <p>
          <Link href={`/batches/${batch.id}/letters?requestIds=${row.requestId ?? ""}`}>
            Print the letter<span className="visually-hidden"> to {row.bodyName}</span>
          </Link>
        </p>
        {canEdit ? <BatchMarkSentForm action={actions.markRecipientSentAction} batchId={batch.id} recipientId={row.id} bodyName={row.bodyName} via="post" today={batch.today} /> : null}
      </div>
    );
  }
  return <span>{row.channelLabel}</span>;
}
