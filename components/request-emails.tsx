import Link from "next/link";
import { formatUkDate, receiptDate } from "@/lib/deadlines";
import type { FormState } from "@/lib/auth/form-state";
import type { DeliveryState } from "@/lib/generated/prisma";
import { BatchActionForm } from "@/components/batch-action-form";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export interface RequestEmail {
  id: string;
  toAddress: string;
  subject: string;
  state: DeliveryState;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** A draft request outside a batch: send it by email, or say what stops it. */
export function SendRequestByEmail({
  requestId,
  to,
  refusal,
  bodyId,
  action,
}: {
  requestId: string;
  to: string | null;
  refusal: string | null;
  bodyId: string;
  action: Action;
}) {
  return (
    <section className="panel" aria-labelledby="send-by-email-heading">
      <h2 id="send-by-email-heading">Send it by email</h2>
      {refusal ? (
        <p>
          {refusal}
          {!to ? (
            <>
              {" "}
              <Link href={`/trusts/${bodyId}`}>Go to the trust&apos;s page</Link>.
            </>
          ) : null}
        </p>
      ) : (
        <>
          <p>
            The letter below goes to <strong>{to}</strong> from the app, with the request&apos;s number in the subject so replies can be matched.
            It is marked as sent, and its clock starts, once the mail server has taken it.
          </p>
          <BatchActionForm action={action} hidden={{ requestId }} className="stack">
            <div>
              <button type="submit">Send by email now</button>
            </div>
          </BatchActionForm>
        </>
      )}
    </section>
  );
}

function stateWords(email: RequestEmail): string {
  switch (email.state) {
    case "pending":
      return email.lastError ? `Waiting to try again (the last try failed: ${email.lastError})` : "Queued";
    case "sending":
      return "Sending";
    case "sent":
      return `Sent ${email.sentAt ? formatUkDate(receiptDate(email.sentAt)) : ""}`.trim();
    case "failed":
      return `Not sent: ${email.lastError ?? "the mail server refused it"}`;
    case "unconfirmed":
      return "We could not confirm this letter was sent: the app stopped while sending it. Check the campaign's sent mail, then choose Mark as sent or Send again.";
  }
}

/** Every email the app sent (or is sending) about this request, newest first, with what a person can do about a problem. */
export function RequestEmails({ requestId, emails, canEdit, action }: { requestId: string; emails: RequestEmail[]; canEdit: boolean; action: Action }) {
  if (emails.length === 0) return null;
  return (
    <section aria-labelledby="request-emails-heading">
      <h2 id="request-emails-heading">Emails from the app</h2>
      <ul className="plain-list">
        {emails.map((email) => (
          <li key={email.id} data-testid="request-email">
            <strong>{email.subject}</strong> to {email.toAddress}:{" "}
            <span className={email.state === "failed" || email.state === "unconfirmed" ? "field-error" : undefined}>{stateWords(email)}</span>
            {canEdit && email.state === "failed" ? (
              <BatchActionForm action={action} hidden={{ requestId, deliveryId: email.id, choice: "retry" }}>
                <button type="submit" className="small">
                  Send again<span className="visually-hidden">: {email.subject}</span>
                </button>
              </BatchActionForm>
            ) : null}
            {canEdit && email.state === "unconfirmed" ? (
              <p className="actions">
                <BatchActionForm action={action} hidden={{ requestId, deliveryId: email.id, choice: "mark_sent" }}>
                  <button type="submit" className="secondary small">
                    Mark as sent<span className="visually-hidden">: {email.subject}</span>
                  </button>
                </BatchActionForm>
                <BatchActionForm action={action} hidden={{ requestId, deliveryId: email.id, choice: "send_again" }}>
                  <button type="submit" className="small">
                    Send again<span className="visually-hidden">: {email.subject}</span>
                  </button>
                </BatchActionForm>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
