import { formatUkDate, receiptDate } from "@/lib/deadlines";
import { listMessages } from "@/lib/messages/queries";
import { sanitiseEmailHtml } from "@/lib/messages/sanitise-html";
import { emailFrameDocument, emailFrameHeight } from "@/lib/messages/email-frame";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_EML_BYTES, MAX_UPLOAD_BYTES } from "@/lib/messages/schemas";
import type { Actor } from "@/lib/auth/access";
import { addMessageAction } from "@/app/(app)/requests/[id]/messages/actions";
import { MessageAddForm } from "@/components/message-add-form";

const MB = 1024 * 1024;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** The request's correspondence, received and sent, and for editors the form to log another message. */
export async function RequestMessages({ actor, requestId, canEdit }: { actor: Actor; requestId: string; canEdit: boolean }) {
  const messages = await listMessages(actor, requestId);
  return (
    <section aria-labelledby="correspondence-heading">
      <h2 id="correspondence-heading">Correspondence</h2>
      {messages.length === 0 ? <p className="empty">No messages yet.</p> : null}
      {messages.map((m) => {
        const safeHtml = m.bodyHtml ? sanitiseEmailHtml(m.bodyHtml) : null;
        const who = m.fromName && m.fromAddress ? `${m.fromName} <${m.fromAddress}>` : (m.fromName ?? m.fromAddress);
        return (
          <details key={m.id} className="panel">
            <summary>
              {m.direction === "incoming" ? "Received" : "Sent"} {formatUkDate(receiptDate(m.sentAt))}
              {who ? <>{m.direction === "incoming" ? ", from " : ", by "}{who}</> : null}: {m.subject ?? "(no subject)"}
              {m.attachments.length > 0 ? ` (${m.attachments.length} ${m.attachments.length === 1 ? "attachment" : "attachments"})` : null}
            </summary>
            {m.toAddress ? <p className="muted">To: {m.toAddress}</p> : null}
            {safeHtml !== null ? (
              <>
                {/* Sanitised when stored and again here, then shown in a frame with no origin, scripts,
                    forms, popups or network (sandbox="" and the frame's own policy): see lib/messages/email-frame.ts. */}
                <iframe
                  className="email-frame"
                  sandbox=""
                  srcDoc={emailFrameDocument(safeHtml)}
                  height={emailFrameHeight(safeHtml)}
                  title={`Formatted email: ${m.subject ?? "(no subject)"}`}
                />
                <p className="muted">Links in the formatted email do not open from here; each shows its address.</p>
                <details>
                  <summary>Show as plain text</summary>
                  <pre className="letter">{m.bodyText.trim() === "" ? "(no text)" : m.bodyText}</pre>
                </details>
              </>
            ) : (
              // The text is rendered as text: React escapes it.
              <pre className="letter">{m.bodyText.trim() === "" ? "(no text)" : m.bodyText}</pre>
            )}
            {m.externalUrl ? <WdtkLinks url={m.externalUrl} attachments={m.externalAttachments} /> : null}
            {m.attachments.length > 0 ? (
              <>
                <h3>Attachments</h3>
                <ul>
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      {/* A download, never opened in the page: see app/api/attachments/[id]/route.ts. */}
                      <a href={`/api/attachments/${a.id}`} download={a.filename}>
                        {a.filename}
                      </a>{" "}
                      ({formatSize(a.size)})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </details>
        );
      })}
      {canEdit ? (
        <details className="panel" open={messages.length === 0}>
          <summary>Add a message</summary>
          <MessageAddForm
            action={addMessageAction}
            requestId={requestId}
            limits={{ attachmentMb: MAX_ATTACHMENT_BYTES / MB, attachments: MAX_ATTACHMENTS, emlMb: MAX_EML_BYTES / MB, totalMb: MAX_UPLOAD_BYTES / MB }}
          />
        </details>
      ) : null}
    </section>
  );
}

/** The message and its attachments where they are on WhatDoTheyKnow (the files stay there). */
function WdtkLinks({ url, attachments }: { url: string; attachments: unknown }) {
  const files = Array.isArray(attachments)
    ? attachments.filter((a): a is { filename: string; url: string } => typeof a?.filename === "string" && typeof a?.url === "string" && /^https?:\/\//.test(a.url))
    : [];
  return (
    <p className="wdtk-links">
      <a href={url} rel="noreferrer noopener">
        This message on WhatDoTheyKnow
      </a>
      {files.length > 0 ? (
        <>
          {" · Attachments there: "}
          {files.map((f, i) => (
            <span key={f.url}>
              {i > 0 ? ", " : null}
              <a href={f.url} rel="noreferrer noopener">
                {f.filename}
              </a>
            </span>
          ))}
        </>
      ) : null}
    </p>
  );
}
