import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatUkDate, receiptDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/errors";
import { getRequest } from "@/lib/requests/get-request";
import { statusLabels } from "@/lib/requests/status";
import { eventLabels, channelLabels, lawLabels } from "@/lib/requests/labels";

export const metadata: Metadata = { title: "Request" };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requireWorkspace();
  const request = await getRequest(actor, (await params).id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { clock } = request;
  return (
    <>
      <p>
        <Link href="/requests">All requests</Link>
      </p>
      <h1>{request.title}</h1>
      <p className="lede">
        To <Link href={`/trusts/${request.body.id}`}>{request.body.name}</Link> · {statusLabels[request.status]}
      </p>
      <section className="notice" aria-labelledby="where-it-stands">
        <h2 id="where-it-stands" className="visually-hidden">
          Where it stands
        </h2>
        <p>
          <strong>{request.summary}</strong>
        </p>
      </section>
      <h2>The clock</h2>
      <dl className="facts">
        <dt>Law</dt>
        <dd>{lawLabels[request.law]}</dd>
        <dt>Sent</dt>
        <dd>{request.sentAt ? formatUkDate(receiptDate(request.sentAt)) : "Not sent yet"}</dd>
        <dt>Date of receipt</dt>
        <dd>{clock.dateOfReceipt ? formatUkDate(clock.dateOfReceipt) : "—"}</dd>
        {clock.dateOfReceiptIfNextWorkingDay && clock.dateOfReceiptIfNextWorkingDay !== clock.dateOfReceipt ? (
          <>
            <dt>The body may count from</dt>
            <dd>
              {formatUkDate(clock.dateOfReceiptIfNextWorkingDay)} (the next working day), making it due {clock.dueIfNextWorkingDay ? formatUkDate(clock.dueIfNextWorkingDay) : "—"}
            </dd>
          </>
        ) : null}
        <dt>Due by law</dt>
        <dd>{clock.due ? formatUkDate(clock.due) : "—"}</dd>
        {clock.extendedDue ? (
          <>
            <dt>Extended to</dt>
            <dd>{formatUkDate(clock.extendedDue)}</dd>
          </>
        ) : null}
        <dt>Very overdue from</dt>
        <dd>{clock.veryOverdue ? formatUkDate(clock.veryOverdue) : "—"}</dd>
        {clock.answeredOn ? (
          <>
            <dt>Answered</dt>
            <dd>{formatUkDate(clock.answeredOn)}</dd>
          </>
        ) : null}
        {clock.projected ? (
          <>
            <dt>Note</dt>
            <dd>These dates use projected bank holidays: GOV.UK has not published that year yet.</dd>
          </>
        ) : null}
      </dl>
      <h2>Details</h2>
      <dl className="facts">
        <dt>Sent via</dt>
        <dd>
          {channelLabels[request.channel]}
          {request.externalUrl ? (
            <>
              {" "}
              (<a href={request.externalUrl} rel="noreferrer noopener">see it online</a>)
            </>
          ) : null}
        </dd>
        <dt>Their reference</dt>
        <dd>{request.authorityRef ?? <span className="unknown">none yet</span>}</dd>
        {request._count.outcomes > 0 ? (
          <>
            <dt>Outcomes per trust</dt>
            <dd>
              <Link href="/trusts?outcome=did_not_apply">{request._count.outcomes} trusts recorded</Link> (filter the directory by outcome)
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Timeline</h2>
      <ol>
        {request.events.map((e) => (
          <li key={e.id}>
            <strong>{eventLabels[e.kind]}</strong>, {e.approximate ? "on or before " : ""}
            {formatUkDate(receiptDate(e.occurredAt))}
            {e.note ? <>: {e.note}</> : null}
          </li>
        ))}
      </ol>
      <h2>Correspondence</h2>
      {request.messages.map((m) => (
        <details key={m.id}>
          <summary>
            {m.direction === "incoming" ? "From" : "By"} {m.fromName ?? "unknown"}: {m.subject ?? "(no subject)"}
          </summary>
          {/* Plain text only: rendered as text, never as HTML. */}
          <pre className="letter">{m.bodyText}</pre>
        </details>
      ))}
      <h2>The request as sent</h2>
      <pre className="letter">{request.letter}</pre>
    </>
  );
}
