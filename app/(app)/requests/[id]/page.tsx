import type { Metadata } from "next";
import crypto from "node:crypto";
import Link from "next/link";
import { Fragment } from "react";
import { formatUkDate, OWN_DEADLINE_LABELS, receiptDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { orNotFound } from "@/lib/edge/domain-error-map";
import { getRequest } from "@/lib/requests/get-request";
import { statusLabel } from "@/lib/requests/status";
import { decisionLabel, eventLabel, channelLabels, lawLabels } from "@/lib/requests/labels";
import { possibleNextEvents, timelineContext } from "@/lib/requests/timeline";
import { REVIEW_LIMIT } from "@/lib/requests/regulator";
import { outsideTheActNote } from "@/lib/bodies/foi-status";
import { isOwedAndLate } from "@/lib/requests/next-step";
import { fromDbDate } from "@/lib/requests/dates";
import { RequestMessages } from "@/components/request-messages";
import { ReplySuggestions } from "@/components/reply-suggestions";
import { WdtkFollowPanel } from "@/components/wdtk-follow-panel";
import { ResearchAnswers } from "@/components/answer-section";
import { EventForm } from "@/components/event-form";
import { RemoveEventButton } from "@/components/remove-event-button";
import { RequestLetters } from "@/components/request-letters";
import { clarificationAnswer, draftLetters, letterFactsFromRequest, type LetterKind } from "@/lib/letters/draft-letters";
import { emailOptionsFor, noFoiEmailMessage } from "@/lib/requests/email-letters";
import { EMAIL_LETTER_KINDS } from "@/lib/requests/schemas";
import type { LetterSending } from "@/components/letter-editor";
import { RequestEmails, SendRequestByEmail } from "@/components/request-emails";
import { deleteRequestAction, emailLetterAction, recordEventAction, removeEventAction, resolveRequestEmailAction, sendRequestEmailAction } from "../actions";
import { listOutcomes } from "@/lib/outcomes/queries";
import { OUTCOME_GROUPS } from "@/lib/batches/create-batch";
import { BatchStartControls } from "@/components/batch-start-controls";
import { startBatchAction } from "../../batches/actions";

export const metadata: Metadata = { title: "Request" };


export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, role } = await requireWorkspace();
  const request = await orNotFound(getRequest(actor, (await params).id));
  const { clock } = request;
  const canEdit = roleAtLeast(role, "editor");
  const overdue = isOwedAndLate(request.status, clock);
  const facts = letterFactsFromRequest(request);
  const askedOn = request.events.findLast((e) => e.kind === "clarification_requested");
  const letters = [
    ...(request.status === "awaiting_clarification" ? [clarificationAnswer(facts, askedOn ? receiptDate(askedOn.occurredAt) : null)] : []),
    ...draftLetters(facts),
  ];
  const email = await emailOptionsFor(actor, request.id);
  // One key per page view: the same form posted twice (a double click, a retry) queues one email.
  const sendKey = crypto.randomUUID();
  const sending: Partial<Record<LetterKind, LetterSending>> = canEdit
    ? Object.fromEntries(
        EMAIL_LETTER_KINDS.map((kind) => {
          const toBody = kind !== "ico_complaint";
          const noAddress = toBody && !email.foiEmail;
          const refusal = email.letterRefusals[kind] ?? (noAddress ? noFoiEmailMessage(email.bodyName) : null);
          return [kind, { action: emailLetterAction, requestId: request.id, kind, sendKey, to: toBody ? email.foiEmail : null, refusal, fixHref: noAddress ? `/trusts/${email.bodyId}` : undefined }];
        }),
      )
    : {};
  return (
    <>
      <p>
        <Link href="/requests">All requests</Link>
      </p>
      <h1>{request.title}</h1>
      <p className="lede">
        To <Link href={`/trusts/${request.body.id}`}>{request.body.name}</Link> · <span data-testid="request-status">{statusLabel(request.status, request.law)}</span> · FOI #{request.reference}
        {request.batch ? (
          <>
            {" · "}Part of the batch <Link href={`/batches/${request.batch.id}`}>{request.batch.name}</Link>
          </>
        ) : null}
      </p>
      <section className={`notice ${overdue ? "danger" : ""}`} aria-labelledby="where-it-stands">
        <h2 id="where-it-stands" className="visually-hidden">
          Where it stands
        </h2>
        <p>
          <strong>{request.summary}</strong>
        </p>
        <p>{request.nextStep}</p>
        {request.underTheAct ? null : (
          <p data-testid="outside-the-act">
            {outsideTheActNote(request.body.name)} {request.body.foiStatusSource ? <span className="muted">Source: {request.body.foiStatusSource}</span> : null}
          </p>
        )}
      </section>
      {canEdit && request.status === "draft" && !request.batch && request.channel === "email" ? (
        <SendRequestByEmail requestId={request.id} to={email.foiEmail} refusal={email.sendRequestRefusal} bodyId={email.bodyId} action={sendRequestEmailAction} />
      ) : null}
      <ReplySuggestions actor={actor} requestId={request.id} status={request.status} canEdit={canEdit} />
      <RequestLetters letters={letters} sending={sending} />
      {canEdit ? (
        <p>
          <Link href={`/requests/${request.id}/edit`}>{request.status === "draft" ? "Edit the draft" : "Edit the reference or web address"}</Link>
          {" · "}
          <Link href={`/requests/${request.id}/outcomes`}>Outcomes per trust</Link>
        </p>
      ) : null}
      {canEdit && request._count.outcomes > 0 ? (
        <BatchStartControls action={startBatchAction} parentId={request.id} counts={(await listOutcomes(actor, request.id)).counts} groups={OUTCOME_GROUPS} />
      ) : null}

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
        <dt>{request.underTheAct ? "Due by law" : "Target date (no statutory deadline)"}</dt>
        <dd>{clock.due ? formatUkDate(clock.due) : clock.waitingFor ? "Paused while the body waits for you" : "—"}</dd>
        {clock.extendedDue ? (
          <>
            <dt>Extended to</dt>
            <dd>
              {formatUkDate(clock.extendedDue)}
              {clock.extension?.bodyDate && clock.extension.bodyDate !== clock.extendedDue ? <> (the body gave {formatUkDate(clock.extension.bodyDate)}; an extension counts from the statutory due date to 20 further working days at most, {formatUkDate(clock.extension.defaultDue)})</> : null}
            </dd>
          </>
        ) : null}
        {clock.extensions.filter((x) => !x.valid).map((x) => (
          <Fragment key={`ext-${x.on}`}>
            <dt>Extension of {formatUkDate(x.on)}</dt>
            <dd>Does not count: {x.notCounted}</dd>
          </Fragment>
        ))}
        <dt>Very overdue from</dt>
        <dd>{clock.veryOverdue ? formatUkDate(clock.veryOverdue) : "—"}</dd>
        {clock.answeredOn ? (
          <>
            <dt>Answered</dt>
            <dd>{formatUkDate(clock.answeredOn)}</dd>
          </>
        ) : null}
        {clock.review ? (
          <>
            <dt>Internal review asked for</dt>
            <dd>{formatUkDate(clock.review.requested)}</dd>
            <dt>Internal review due</dt>
            <dd>
              {formatUkDate(clock.review.due)}
              {clock.review.limitBasis === "statute"
                ? ` (${REVIEW_LIMIT[request.law].days} working days by law)`
                : ` (40 working days at most, in exceptional cases: ${formatUkDate(clock.review.veryOverdue)})`}
            </dd>
          </>
        ) : null}
        {clock.ownDeadlines.map((d) => (
          <Fragment key={`own-${d.kind}`}>
            <dt>{d.whose === "body" ? "The body's steps" : "Your deadline"}</dt>
            <dd>
              {OWN_DEADLINE_LABELS[d.kind]} by {formatUkDate(d.due)} ({d.source}{d.statutory ? "" : "; guidance, not law"})
            </dd>
          </Fragment>
        ))}
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
              <Link href={`/requests/${request.id}/outcomes`}>{request._count.outcomes} trusts recorded</Link>
            </dd>
          </>
        ) : null}
      </dl>

      <h2>Timeline</h2>
      {request.events.length === 0 ? <p className="empty">Nothing yet. Record the date you send it to start the clock.</p> : null}
      <ol className="timeline">
        {request.events.map((e) => (
          <li key={e.id}>
            <strong>{eventLabel(e.kind, request.law)}</strong>, {e.approximate ? "on or before " : ""}
            {formatUkDate(receiptDate(e.occurredAt))}
            {decisionLabel(e.result) ? <>: {decisionLabel(e.result)!.toLowerCase()}</> : null}
            {e.exemptions.length > 0 ? <> (exemptions: {e.exemptions.join(", ")})</> : null}
            {e.notReasonablyRequired ? <> (not reasonably required: the clock did not stop)</> : null}
            {e.newDueOn ? <> (new date given: {formatUkDate(fromDbDate(e.newDueOn)!)})</> : null}
            {e.note ? <>. {e.note}</> : null}
            {canEdit && e.kind !== "sent" ? (
              <RemoveEventButton action={removeEventAction} requestId={request.id} eventId={e.id} label={`${eventLabel(e.kind, request.law)}, ${formatUkDate(receiptDate(e.occurredAt))}`} />
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit && request.status !== "draft" ? (
        <details className="panel" open={request.events.length <= 1}>
          <summary>Add to the timeline</summary>
          <EventForm
            key={`${request.status}-${request.events.length}`}
            action={recordEventAction}
            requestId={request.id}
            today={request.today}
            kinds={possibleNextEvents(request.status, timelineContext(request.events.map((e) => e.kind), request.law)).map((k) => ({ value: k, label: eventLabel(k, request.law) }))}
          />
        </details>
      ) : null}

      <RequestEmails requestId={request.id} emails={email.emails} canEdit={canEdit} action={resolveRequestEmailAction} />

      <WdtkFollowPanel actor={actor} requestId={request.id} externalUrl={request.externalUrl} status={request.status} canEdit={canEdit} />
      <RequestMessages actor={actor} requestId={request.id} canEdit={canEdit} />

      <ResearchAnswers actor={actor} requestId={request.id} />

      <h2>{request.status === "draft" ? "The letter (draft)" : "The request as sent"}</h2>
      <pre className="letter">{request.letter}</pre>

      {canEdit ? (
        <details className="danger-zone">
          <summary>Delete this request</summary>
          <form action={deleteRequestAction}>
            <input type="hidden" name="requestId" value={request.id} />
            <p>It disappears from every list, the dashboard and the alerts. An owner can restore it for 30 days.</p>
            <button type="submit" className="secondary">
              Yes, delete this request
            </button>
          </form>
        </details>
      ) : null}
    </>
  );
}
