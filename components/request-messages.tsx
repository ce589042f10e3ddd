import { listMessages } from "@/lib/messages/queries";
import type { Actor } from "@/lib/auth/access";

/** The request's correspondence. (Adding messages and attachments: see lib/messages.) */
export async function RequestMessages({ actor, requestId }: { actor: Actor; requestId: string; canEdit: boolean }) {
  const messages = await listMessages(actor, requestId);
  return (
    <section aria-labelledby="correspondence-heading">
      <h2 id="correspondence-heading">Correspondence</h2>
      {messages.length === 0 ? <p className="empty">No messages yet.</p> : null}
      {messages.map((m) => (
        <details key={m.id}>
          <summary>
            {m.direction === "incoming" ? "From" : "By"} {m.fromName ?? m.fromAddress ?? "unknown"}: {m.subject ?? "(no subject)"}
          </summary>
          <pre className="letter">{m.bodyText}</pre>
        </details>
      ))}
    </section>
  );
}
