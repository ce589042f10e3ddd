import type { Metadata } from "next";
import { formatUkDate, receiptDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { listUnmatched } from "@/lib/replies/queries";
import { describeSuggestion } from "@/lib/replies/suggestion";
import { statusLabels } from "@/lib/requests/status";
import { InboxForms } from "@/components/inbox-forms";
import { assignReplyAction, discardReplyAction, newRequestFromReplyAction } from "./actions";

export const metadata: Metadata = { title: "Unmatched replies" };

/** Mail the app could not file on a request with certainty, for a person to place. */
export default async function InboxPage() {
  const { actor, role } = await requireWorkspace();
  const canEdit = roleAtLeast(role, "editor");
  const { total, messages, requests, bodies, shown } = await listUnmatched(actor);
  const requestLabel = (r: (typeof requests)[number]) => `${r.body.name}: ${r.title} (FOI #${r.reference}, ${statusLabels[r.status].toLowerCase()})`;
  const requestOptions = requests.map((r) => ({ value: r.id, label: requestLabel(r) }));
  return (
    <>
      <h1>Unmatched replies</h1>
      <p className="lede">
        Mail that reached the campaign mailbox but could not be filed on a request with certainty: no reference number of yours, no reply to one of your letters, or a sender with more than one open request. A message is never filed on a request by guesswork.
      </p>
      {total === 0 ? <p className="empty">Nothing waiting. Every reply has been filed on its request.</p> : null}
      {total > shown ? <p>Showing the newest {shown} of {total}.</p> : null}
      {messages.map((m) => {
        const who = m.fromName && m.fromAddress ? `${m.fromName} <${m.fromAddress}>` : (m.fromName ?? m.fromAddress ?? "an unknown sender");
        const heading = `${m.subject ?? "(no subject)"}`;
        return (
          <article key={m.id} className="panel" data-testid="unmatched-message" aria-labelledby={`inbox-${m.id}-heading`}>
            <h2 id={`inbox-${m.id}-heading`}>{heading}</h2>
            <p className="muted">
              Received {formatUkDate(receiptDate(m.sentAt))} from {who}
              {m.toAddress ? <>, to {m.toAddress}</> : null}.
            </p>
            {m.why ? <p>Not filed because: {m.why}</p> : null}
            {m.suggestion ? <p>Looks like: {describeSuggestion(m.suggestion, formatUkDate)}.</p> : null}
            <details>
              <summary>Read the message</summary>
              <pre className="letter">{m.bodyText.trim() === "" ? "(no text)" : m.bodyText}</pre>
              {m.attachments.length > 0 ? (
                <ul>
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/attachments/${a.id}`} download={a.filename}>
                        {a.filename}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </details>
            {canEdit ? (
              <InboxForms
                assignAction={assignReplyAction}
                newRequestAction={newRequestFromReplyAction}
                discardAction={discardReplyAction}
                messageId={m.id}
                label={heading}
                likely={m.likely.map((r) => ({ value: r.id, label: requestLabel(r) }))}
                requests={requestOptions}
                bodies={bodies.map((b) => ({ value: b.id, label: b.name }))}
                defaultTitle={(m.subject ?? "").replace(/^((re|fw|fwd|aw|wg|sv|tr)\s*:\s*)+/i, "").slice(0, 300)}
                defaultSentDate=""
              />
            ) : null}
          </article>
        );
      })}
    </>
  );
}
