import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/errors";
import { getBatch, type BatchDetails, type RecipientRow } from "@/lib/batches/get-batch";
import { renderAllLetters } from "@/lib/batches/preview";
import { batchSentSummary } from "@/lib/batches/progress";
import { MERGE_FIELDS } from "@/lib/batches/merge-fields";
import { BATCH_CHANNELS, BULK_STATUS_KINDS, PROGRESS_BUCKETS, batchChannelLabels, progressBucketLabels } from "@/lib/batches/schemas";
import { bulkStatusLabels } from "@/components/batch-labels";
import { channelLabels, lawLabels } from "@/lib/requests/labels";
import { LAWS } from "@/lib/requests/schemas";
import { outcomeLabels } from "@/lib/bodies/schemas";
import { listHref } from "@/lib/pagination/list-href";
import { BatchProgress } from "@/components/batch-progress";
import { BatchAutoRefresh } from "@/components/batch-auto-refresh";
import { BatchActionForm } from "@/components/batch-action-form";
import { BatchDetailsForm } from "@/components/batch-details-form";
import { BatchCopyLetter } from "@/components/batch-copy-letter";
import { BatchMarkSentForm } from "@/components/batch-mark-sent-form";
import { BatchSelectOverdue } from "@/components/batch-select-overdue";
import { WorkingDaysTag } from "@/components/working-days-tag";
import { FilterSelect } from "@/components/filter-select";
import { Pagination } from "@/components/pagination";
import {
  deleteDraftBatchAction,
  markRecipientSentAction,
  removeRecipientAction,
  resolveDeliveryAction,
  updateBatchDetailsAction,
  updateRecipientAction,
} from "../actions";

export const metadata: Metadata = { title: "Batch" };

type Params = Record<string, string | undefined>;


const BULK_FORM = "bulk-form";

export default async function BatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  const { id } = await params;
  const query = await searchParams;
  const { actor } = await requireWorkspace();
  const batch = await getBatch(actor, id, { sort: query.sort, status: query.status, q: query.q, page: query.page }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <p>
        <Link href="/batches">All batches</Link>
      </p>
      <h1>{batch.name}</h1>
      <p className="lede">
        {batchSentSummary(batch.state, batch.sentLabel, batch.progress)} · {batch.progress.total} recipient{batch.progress.total === 1 ? "" : "s"} ·{" "}
        {channelLabels[batch.channel]}
        {batch.parent ? (
          <>
            {" "}
            · follows up <Link href={`/requests/${batch.parent.id}`}>{batch.parent.title}</Link> ({batch.parent.bodyName})
          </>
        ) : null}
      </p>
      <Flash query={query} />
      {batch.state === "draft" ? <DraftBatch batch={batch} /> : <SentBatch batch={batch} query={query} />}
    </>
  );
}

/** What the last action did, carried in the URL by its redirect. */
function Flash({ query }: { query: Params }) {
  if (query.started) {
    return (
      <p className="success" role="status">
        Draft batch created. Check the letter and the recipients below, then send.
      </p>
    );
  }
  if (query.created) {
    const queued = Number(query.queued ?? 0);
    return (
      <p className="success" role="status">
        Created {query.created} request{query.created === "1" ? "" : "s"}
        {queued > 0 ? ` and queued ${queued} email${queued === 1 ? "" : "s"}` : ""}.
      </p>
    );
  }
  if (query.bulk) {
    const done = Number(query.done ?? 0);
    const what: Record<string, [string, string]> = { chaser: ["chaser queued", "chasers queued"], note: ["note added", "notes added"], status: ["status recorded", "statuses recorded"] };
    const [one, many] = what[query.bulk] ?? ["change made", "changes made"];
    return (
      <p className="success" role="status">
        Done: {done} {done === 1 ? one : many}.
      </p>
    );
  }
  return null;
}

// ---------------------------------------------------------------- draft

function DraftBatch({ batch }: { batch: BatchDetails }) {
  const canEdit = batch.canEdit;
  const lawOptions = LAWS.map((l) => ({ value: l, label: lawLabels[l] }));
  const channelOptions = BATCH_CHANNELS.map((c) => ({ value: c, label: batchChannelLabels[c] }));
  const templateErrors = Object.entries(batch.templateErrors).flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
  const ready = batch.problems.length === 0 && templateErrors.length === 0 && batch.progress.total > 0;
  return (
    <>
      <section aria-labelledby="before-you-send" className={`notice ${ready ? "" : "danger"}`}>
        <h2 id="before-you-send">Before you send</h2>
        {ready ? (
          <p>Nothing stops this batch going. Preview a few letters, then review and send.</p>
        ) : (
          <ul className="batch-problems">
            {batch.progress.total === 0 ? <li>The batch has no recipients left.</li> : null}
            {templateErrors.map((e) => (
              <li key={`${e.field}-${e.message}`}>
                {e.field === "template" ? "Letter" : "Title"}: {e.message}
              </li>
            ))}
            {batch.problems.map((p) => (
              <li key={p.recipientId}>
                <Link href={`/trusts/${p.bodyId}`}>{p.bodyName}</Link>: {p.message}{" "}
                {canEdit ? (
                  <ChannelSwitch batchId={batch.id} recipientId={p.recipientId} bodyName={p.bodyName} current={null} exclude="email" />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <p>
            <Link className={`button${ready ? "" : " secondary"}`} href={`/batches/${batch.id}/send`}>
              Review and send
            </Link>
          </p>
        ) : null}
      </section>

      <h2>The letter</h2>
      <p className="muted">Replies go to {batch.mailbox ?? "your own email address (the campaign has no shared mailbox set)"}.</p>
      <div className="batch-letter-columns">
        <BatchDetailsForm
          action={updateBatchDetailsAction}
          batch={{ id: batch.id, name: batch.name, titleTemplate: batch.titleTemplate, template: batch.template, law: batch.law, channel: batch.channel }}
          lawOptions={lawOptions}
          channelOptions={channelOptions}
          initialErrors={batch.templateErrors}
          disabled={!canEdit}
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

      <h2>Recipients</h2>
      <RecipientFilters batch={batch} />
      <table className="batch-recipients">
        <caption>
          {batch.filteredTotal} of {batch.progress.total} recipients
        </caption>
        <thead>
          <tr>
            <th scope="col">Body</th>
            <th scope="col">FOI email</th>
            <th scope="col">Outcome</th>
            <th scope="col">Channel</th>
            <th scope="col">Letter</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {batch.recipients.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/trusts/${r.bodyId}`}>{r.bodyName}</Link>
              </th>
              <td>{r.foiEmail ?? <span className={r.channel === "email" ? "tag overdue" : "unknown"}>no FOI email</span>}</td>
              <td>{r.outcome ? outcomeLabels[r.outcome] : "—"}</td>
              <td>
                {channelLabels[r.channel]}
                {r.channelOverridden ? <span className="muted"> (this one only)</span> : null}
                {canEdit ? <ChannelSwitch batchId={batch.id} recipientId={r.id} bodyName={r.bodyName} current={r.channelOverridden ? r.channel : null} /> : null}
              </td>
              <td>{r.letterEdited ? <span className="tag soon">Edited</span> : "From the template"}</td>
              <td className="row-actions">
                <Link href={`/batches/${batch.id}/recipients/${r.id}`}>
                  {canEdit ? "Preview or edit" : "Preview"}
                  <span className="visually-hidden"> the letter to {r.bodyName}</span>
                </Link>
                {canEdit ? (
                  <BatchActionForm action={removeRecipientAction} hidden={{ batchId: batch.id, recipientId: r.id }}>
                    <button type="submit" className="secondary small">
                      Remove<span className="visually-hidden"> {r.bodyName}</span>
                    </button>
                  </BatchActionForm>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={batch.page} pageCount={batch.pageCount} href={(p) => listHref(`/batches/${batch.id}`, viewParams(batch), { page: String(p) })} />

      {canEdit ? (
        <details className="danger-zone">
          <summary>Delete this draft batch</summary>
          <p>Nothing has been created or sent from it yet; deleting it removes the draft and its recipients.</p>
          <BatchActionForm action={deleteDraftBatchAction} hidden={{ batchId: batch.id }}>
            <button type="submit" className="secondary">
              Delete the draft batch
            </button>
          </BatchActionForm>
        </details>
      ) : null}
    </>
  );
}

/** One recipient's channel: the batch's, or another for this recipient alone. */
function ChannelSwitch({ batchId, recipientId, bodyName, current, exclude }: { batchId: string; recipientId: string; bodyName: string; current: string | null; exclude?: string }) {
  const selectId = `channel-${recipientId}`;
  return (
    <BatchActionForm action={updateRecipientAction} hidden={{ batchId, recipientId, intent: "channel" }} className="inline-form channel-switch">
      <label htmlFor={selectId} className="visually-hidden">
        Channel for {bodyName}
      </label>
      <select id={selectId} name="channel" defaultValue={current ?? ""}>
        {exclude ? null : <option value="">The batch&apos;s channel</option>}
        {BATCH_CHANNELS.filter((c) => c !== exclude).map((c) => (
          <option key={c} value={c}>
            {exclude ? `Switch to ${channelLabels[c]}` : channelLabels[c]}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="secondary small">
        Change<span className="visually-hidden"> the channel for {bodyName}</span>
      </button>
    </BatchActionForm>
  );
}

// ---------------------------------------------------------------- sent

function viewParams(batch: BatchDetails): Params {
  return { sort: batch.view.sort === "position" ? undefined : batch.view.sort, status: batch.view.status, q: batch.view.q };
}

function RecipientFilters({ batch, sent = false }: { batch: BatchDetails; sent?: boolean }) {
  const { view } = batch;
  return (
    <form className="filters" method="get" role="search" aria-label="Filter the recipients" key={JSON.stringify(view)}>
      <div className="field">
        <label htmlFor="q">Body name</label>
        <input id="q" name="q" type="search" defaultValue={view.q ?? ""} />
      </div>
      {sent ? (
        <FilterSelect name="status" label="Progress" anyLabel="Any" value={view.status} options={PROGRESS_BUCKETS.map((b) => ({ value: b, label: progressBucketLabels[b] }))} />
      ) : null}
      {view.sort !== "position" ? <input type="hidden" name="sort" value={view.sort} /> : null}
      <div>
        <button type="submit">Filter</button> <Link href={`/batches/${batch.id}`}>Clear filters</Link>
      </div>
    </form>
  );
}

function SortHeader({ batch, label, sorts }: { batch: BatchDetails; label: string; sorts: [string, string?] }) {
  const [ascending, descending] = sorts;
  const current = batch.view.sort;
  const active = current === ascending || current === descending;
  const next = current === ascending && descending ? descending : ascending;
  const direction = current === ascending ? "ascending" : current === descending ? "descending" : undefined;
  return (
    <th scope="col" aria-sort={active ? direction : undefined}>
      <Link href={listHref(`/batches/${batch.id}`, viewParams(batch), { sort: next, page: undefined })}>
        {label}
        <span className="visually-hidden">: sort by {label.toLowerCase()}</span> {active ? (current === descending ? "▼" : "▲") : ""}
      </Link>
    </th>
  );
}

async function SentBatch({ batch, query }: { batch: BatchDetails; query: Params }) {
  const { actor } = await requireWorkspace();
  const canEdit = batch.canEdit;
  // Letters to copy into WhatDoTheyKnow, for the rows still waiting to be sent that way.
  const wdtkWaiting = batch.recipients.filter((r) => r.channel === "whatdotheyknow" && r.status === "draft" && r.requestId);
  const letters = wdtkWaiting.length ? await renderAllLetters(actor, batch.id, wdtkWaiting.map((r) => r.requestId!)) : [];
  const letterFor = new Map(letters.map((l) => [l.recipientId, l.letter]));
  const overdueOnPage = batch.recipients.filter((r) => r.progressBucket === "overdue" && r.requestId).length;
  const todayInput = batch.today;
  void query;
  return (
    <>
      <h2>Progress</h2>
      <BatchAutoRefresh queued={batch.progress.queued} />
      <BatchProgress progress={batch.progress} />
      <ul className="export-links">
        <li>
          <a href={`/batches/${batch.id}/export`} download>
            Export CSV (every recipient)
          </a>
        </li>
        <li>
          <Link href={`/batches/${batch.id}/letters`}>Printable letters</Link>
        </li>
        <li>
          <Link href={`/requests?batch=${batch.id}`}>These requests in the requests list</Link>
        </li>
      </ul>

      <h2>Recipients</h2>
      <RecipientFilters batch={batch} sent />
      {canEdit ? (
        <form id={BULK_FORM} method="get" action={`/batches/${batch.id}/bulk`} className="bulk-actions" aria-label="Act on the ticked requests">
          <fieldset>
            <legend>Act on the ticked requests</legend>
            <p className="hint">Tick requests in the table, choose what to do, then check the list of what will happen before anything is done.</p>
            <BatchSelectOverdue formId={BULK_FORM} overdue={overdueOnPage} />
            <div className="bulk-fields">
              <div className="field">
                <label htmlFor="bulk-action">What to do</label>
                <select id="bulk-action" name="action" defaultValue="chaser">
                  <option value="chaser">Send a chaser to the overdue ones</option>
                  <option value="status">Record what happened</option>
                  <option value="note">Add a note</option>
                  <option value="letters">Download or print their letters</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="bulk-kind">What happened (for “Record what happened”)</label>
                <select id="bulk-kind" name="kind" defaultValue="acknowledged">
                  {BULK_STATUS_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {bulkStatusLabels[k]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="bulk-on">On (for “Record what happened”)</label>
                <input id="bulk-on" name="on" type="date" defaultValue={todayInput} />
              </div>
              <div className="field">
                <label htmlFor="bulk-note">Note (for “Add a note”)</label>
                <textarea id="bulk-note" name="note" rows={2} maxLength={10_000} />
              </div>
            </div>
            <button type="submit">Check what will happen</button>
          </fieldset>
        </form>
      ) : null}
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
                    {r.requestId ? (
                      <>
                        <input
                          type="checkbox"
                          name="requestIds"
                          value={r.requestId}
                          form={BULK_FORM}
                          id={`tick-${r.id}`}
                          data-overdue={r.progressBucket === "overdue" ? "1" : "0"}
                        />
                        <label htmlFor={`tick-${r.id}`} className="visually-hidden">
                          Tick {r.bodyName}
                        </label>
                      </>
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
                  <HowItWent batch={batch} row={r} letter={letterFor.get(r.id)} canEdit={canEdit} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={batch.page} pageCount={batch.pageCount} href={(p) => listHref(`/batches/${batch.id}`, viewParams(batch), { page: String(p) })} />
    </>
  );
}

function DaysLeft({ row }: { row: RecipientRow }) {
  if (row.dueStatus) return <WorkingDaysTag status={row.dueStatus} />;
  return <span className="muted">{row.dueText || "—"}</span>;
}

/** The channel's state for one recipient, and what a person can do about it. */
function HowItWent({ batch, row, letter, canEdit }: { batch: BatchDetails; row: RecipientRow; letter: string | undefined; canEdit: boolean }) {
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
    if (d.state === "sent") return <span>Emailed{row.sentLabel ? ` ${row.sentLabel}` : ""}</span>;
    if (d.state === "failed") {
      return (
        <div className="delivery-problem">
          <p className="field-error">Not sent: {d.lastError ?? "the mail server refused it"}</p>
          {canEdit ? (
            <BatchActionForm action={resolveDeliveryAction} hidden={{ batchId: batch.id, deliveryId: d.id, choice: "retry" }}>
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
            <BatchActionForm action={resolveDeliveryAction} hidden={{ batchId: batch.id, deliveryId: d.id, choice: "mark_sent" }}>
              <button type="submit" className="secondary small">
                Mark as sent<span className="visually-hidden"> ({row.bodyName})</span>
              </button>
            </BatchActionForm>
            <BatchActionForm action={resolveDeliveryAction} hidden={{ batchId: batch.id, deliveryId: d.id, choice: "send_again" }}>
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
    return (
      <div className="wdtk-steps">
        <p>
          <a href={row.wdtkUrl} target="_blank" rel="noreferrer noopener">
            Open {row.bodyName} on WhatDoTheyKnow<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
        {letter ? <BatchCopyLetter text={letter} bodyName={row.bodyName} /> : null}
        {canEdit ? <BatchMarkSentForm action={markRecipientSentAction} batchId={batch.id} recipientId={row.id} bodyName={row.bodyName} via="whatdotheyknow" today={batch.today} /> : null}
      </div>
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
        {canEdit ? <BatchMarkSentForm action={markRecipientSentAction} batchId={batch.id} recipientId={row.id} bodyName={row.bodyName} via="post" today={batch.today} /> : null}
      </div>
    );
  }
  return <span>{channelLabels[row.channel]}</span>;
}
