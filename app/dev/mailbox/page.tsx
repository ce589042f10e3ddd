import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { isDevMailboxEnabled, isLoopbackRequest } from "@/lib/env";
import { listDevMailbox } from "@/lib/mail/dev-mailbox";

export const metadata: Metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

const sentAt = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });

// Only outside production, only without SMTP, and only to this machine: it shows every
// email the app "sent", sign-in links included.
export default async function DevMailboxPage() {
  if (!isDevMailboxEnabled() || !isLoopbackRequest((await headers()).get("x-forwarded-for"))) notFound();
  const messages = await listDevMailbox();
  return (
    <main id="main">
      <h1>Dev mailbox</h1>
      <p className="lede">No mail server is configured (SMTP_URL), so the emails this app sends are kept here instead. Not available in production.</p>
      {messages.length === 0 ? <p className="empty">No emails yet.</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="card" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <p className="muted">
            To {m.toAddress}, {sentAt.format(m.createdAt)}
          </p>
          <pre className="letter">{m.text}</pre>
        </article>
      ))}
    </main>
  );
}
