import "server-only";
import { describeDue, formatUkDate, receiptDate, workingDaysStatus, type WorkingDayCalendar, type WorkingDaysStatus } from "@/lib/deadlines";
import { db, type Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { requireRole, roleAtLeast, type Actor } from "@/lib/auth/access";
import type { BatchState, BodyStatus, Channel, FoiStatus, DeliveryState, Law, Outcome, RequestStatus } from "@/lib/generated/prisma";
import { NotFoundError } from "@/lib/auth/errors";
import { calendarFor } from "@/lib/holidays/calendars";
import { todayInLondon } from "@/lib/requests/queries";
import { CLOCK_RUNNING, statusLabels } from "@/lib/requests/status";
import { pageNumberSchema } from "@/lib/pagination/schemas";
import { batchViewSchema, progressBucketLabels, type BatchView, type ProgressBucket } from "@/lib/batches/schemas";
import { countBuckets, progressBucket, type ProgressCounts } from "@/lib/batches/progress";
import { BATCH_HEAD_SELECT, effectiveChannel, wdtkUrlFor } from "@/lib/batches/render";
import { successionOffers, type SuccessionOffer } from "@/lib/batches/succession";
import { isUnderTheAct } from "@/lib/bodies/foi-status";
import { batchReadiness, type BatchReadiness } from "@/lib/batches/readiness";

export const BATCHES_PER_PAGE = 20;
export const RECIPIENTS_PER_PAGE = 50;

export interface BatchListRow {
  id: string;
  name: string;
  state: BatchState;
  channel: Channel;
  recipients: number;
  createdAt: Date;
  sentAt: Date | null;
  /** "Monday 6 September 2021" */
  createdLabel: string;
  sentLabel: string | null;
  progress: ProgressCounts;
}

export interface BatchList {
  rows: BatchListRow[];
  total: number;
  page: number;
  pageCount: number;
}

export interface RecipientRow {
  id: string;
  position: number;
  bodyId: string;
  bodyName: string;
  foiEmail: string | null;
  outcome: Outcome | null;
  /** The recipient's own channel, else the batch's. */
  channel: Channel;
  channelOverridden: boolean;
  letterEdited: boolean;
  requestId: string | null;
  reference: number | null;
  status: RequestStatus | null;
  statusLabel: string;
  progressBucket: ProgressBucket;
  progressLabel: string;
  dueOn: string | null;
  /** UK date with weekday, e.g. "Monday 4 October 2021". */
  dueLabel: string | null;
  /** Where the due date stands today, while the clock runs (null otherwise). */
  dueStatus: WorkingDaysStatus | null;
  /** When not yet overdue: working days left (0 on the due date). */
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
  /** "Due Monday 4 October 2021: 3 working days left" / "Overdue by 2 working days (was due ...)" / "". */
  dueText: string;
  /** The email carrying the request letter (not chasers). */
  delivery: { id: string; state: DeliveryState; attempts: number; lastError: string | null; sentAt: Date | null } | null;
  externalUrl: string | null;
  /** Where to start this body's request on WhatDoTheyKnow. */
  wdtkUrl: string;
  sentOn: string | null;
  sentLabel: string | null;
}

export interface BatchProblem {
  recipientId: string;
  bodyId: string;
  bodyName: string;
  message: string;
}

/** A body that has merged, closed or been renamed: its letter may belong with its successor. */
export interface BatchWarning {
  recipientId: string;
  bodyId: string;
  bodyName: string;
  message: string;
}

export interface BatchDetails {
  id: string;
  name: string;
  state: BatchState;
  law: Law;
  channel: Channel;
  titleTemplate: string;
  template: string;
  createdAt: Date;
  sentAt: Date | null;
  sentLabel: string | null;
  parent: { id: string; title: string; bodyName: string; authorityRef: string | null; sentOn: string | null; sentLabel: string | null } | null;
  /** Where replies go (Reply-To): the workspace's mailbox, or null for "your own address". */
  mailbox: string | null;
  today: string;
  /** Counts over every recipient (not only this page). */
  progress: ProgressCounts;
  /** The recipients after the filter, sorted, one page of them. */
  recipients: RecipientRow[];
  view: BatchView;
  /** Recipients after the filter (for pagination). */
  filteredTotal: number;
  page: number;
  pageCount: number;
  /** What stops sending: email recipients without an FOI email (also in readiness). */
  problems: BatchProblem[];
  /** Whether the batch can be sent and, if not, everything that stops it. */
  readiness: BatchReadiness;
  /** Worth checking before sending, but not blocking: merged or closed bodies. */
  warnings: BatchWarning[];
  /** Draft only: one body would get two or more requests through succession; offer one to the successor. */
  successionOffers: SuccessionOffer[];
  /** Template errors (the saved template no longer parses): shown next to the fields. */
  templateErrors: Record<string, string[]>;
  /** Emails that need a person: failed, or unconfirmed after the worker stopped. */
  needsAttention: number;
  /** Whether the actor may change things (editor or owner). */
  canEdit: boolean;
}

function dueFacts(calendar: WorkingDayCalendar, today: string, dueOn: string | null, running: boolean) {
  if (!dueOn) return { dueLabel: null, dueStatus: null, workingDaysLeft: null, workingDaysOverdue: null, dueText: "" };
  const dueLabel = formatUkDate(dueOn);
  if (!running) return { dueLabel, dueStatus: null, workingDaysLeft: null, workingDaysOverdue: null, dueText: "" };
  const dueStatus = workingDaysStatus(dueOn, today, calendar);
  const overdue = dueStatus.state === "overdue";
  return {
    dueLabel,
    dueStatus,
    workingDaysLeft: overdue ? null : dueStatus.workingDays,
    workingDaysOverdue: overdue ? 0 - dueStatus.workingDays : null,
    dueText: describeDue(dueStatus, dueOn),
  };
}

/** What one flat query reads about each recipient: enough to sort, filter and count them all. */
interface RecipientFacts {
  id: string;
  position: number;
  recipientChannel: Channel | null;
  letterEdited: boolean;
  bodyId: string;
  bodyName: string;
  shortName: string | null;
  foiEmail: string | null;
  wdtkSlug: string | null;
  bodyStatus: BodyStatus;
  bodyStatusChangedOn: string | null;
  successorName: string | null;
  successorId: string | null;
  foiStatus: FoiStatus;
  /** The predecessors this recipient's one letter covers (lib/batches/succession.ts). */
  coversBodyIds: string[];
  requestId: string | null;
  reference: number | null;
  status: RequestStatus | null;
  law: Law | null;
  dueOn: string | null;
  externalUrl: string | null;
  sentAt: Date | null;
  deliveryId: string | null;
  deliveryState: DeliveryState | null;
  attempts: number | null;
  lastError: string | null;
  deliverySentAt: Date | null;
  acknowledged: boolean;
  outcome: Outcome | null;
  /** Worked out once per recipient (cheap); the formatted fields only for the rows shown. */
  progressBucket: ProgressBucket;
}

/** A batch's progress version (b is the batch): the sum over its slots, as text (a bigint). */
const PROGRESS_VERSION_SQL = `(SELECT COALESCE(sum(v."version"), 0)::text FROM "BatchProgressVersion" v WHERE v."batchId" = b.id)`;

type BatchHead = Prisma.BatchGetPayload<{ select: typeof BATCH_HEAD_SELECT }>;

/**
 * The batch itself, as BATCH_HEAD_SELECT describes it (the shape its letters read through
 * Prisma), in one flat statement through the plain pool: the page is read all day and Prisma's
 * engine costs about 3.5 ms of CPU a query.
 */
async function loadBatchHead(workspaceId: string, batchId: string): Promise<BatchHead & { progressVersion: string }> {
  const [row] = await sqlRows<
    Omit<BatchHead, "workspace" | "parent"> & {
      progressVersion: string;
      workspaceName: string;
      mailbox: string | null;
      parentTitle: string | null;
      parentAuthorityRef: string | null;
      parentSentAt: Date | null;
      parentDeletedAt: Date | null;
      parentBodyName: string | null;
    }
  >(
    `SELECT b.id, b."workspaceId", b.name, b.state::text AS state, b.law::text AS law, b.channel::text AS channel, b."titleTemplate", b.template,
       b."sentAt", b."createdAt", b."parentId", ${PROGRESS_VERSION_SQL} AS "progressVersion", w.name AS "workspaceName", w.mailbox,
       p.title AS "parentTitle", p."authorityRef" AS "parentAuthorityRef", p."sentAt" AS "parentSentAt", p."deletedAt" AS "parentDeletedAt", pb.name AS "parentBodyName"
     FROM "Batch" b JOIN "Workspace" w ON w.id = b."workspaceId"
     LEFT JOIN "FoiRequest" p ON p.id = b."parentId" AND p."workspaceId" = $1
     LEFT JOIN "PublicBody" pb ON pb.id = p."bodyId" AND pb."workspaceId" = $1
     WHERE b.id = $2 AND b."workspaceId" = $1`,
    [workspaceId, batchId],
  );
  if (!row) throw new NotFoundError("That batch is not in this workspace.");
  const { workspaceName, mailbox, parentTitle, parentAuthorityRef, parentSentAt, parentDeletedAt, parentBodyName, ...batch } = row;
  return {
    ...batch,
    workspace: { name: workspaceName, mailbox },
    parent:
      batch.parentId && parentTitle !== null
        ? { id: batch.parentId, title: parentTitle, authorityRef: parentAuthorityRef, sentAt: parentSentAt, deletedAt: parentDeletedAt, body: { name: parentBodyName ?? "" } }
        : null,
  };
}

// Scoped by the workspace at every join: a deleted request counts as none, its letter's email is
// the one with the request's dedupe key.
const RECIPIENTS_FROM = `
    FROM "BatchRecipient" br
    JOIN "PublicBody" b ON b.id = br."bodyId" AND b."workspaceId" = $1
    LEFT JOIN "FoiRequest" r ON r.id = br."requestId" AND r."workspaceId" = $1 AND r."deletedAt" IS NULL
    LEFT JOIN "Delivery" d ON d."dedupeKey" = 'request:' || r.id AND d."workspaceId" = $1`;
const ACKNOWLEDGED_SQL = `(r.id IS NOT NULL AND EXISTS (SELECT 1 FROM "RequestEvent" e WHERE e."requestId" = r.id AND e.kind = 'acknowledged'))`;

/** What the page needs of every recipient to count, filter, sort and page them: a few narrow columns. */
interface RecipientSummary {
  id: string;
  position: number;
  bodyName: string;
  reference: number | null;
  dueOn: string | null;
  deliveryState: DeliveryState | null;
  progressBucket: ProgressBucket;
}

/**
 * Every recipient's summary in one flat statement (plain SQL, lib/db/sql.ts). A batch page reads
 * these for all 1,000 recipients but the full facts only for the 50 it shows: the wide rows for
 * every recipient were most of the page's time (allocating and parsing them).
 */
async function loadRecipientSummaries(workspaceId: string, batchId: string, today: string): Promise<RecipientSummary[]> {
  const rows = await sqlRows<Omit<RecipientSummary, "progressBucket"> & { status: RequestStatus | null; acknowledged: boolean }>(
    `SELECT br.id, br.position, b.name AS "bodyName", r.reference, r.status::text AS status, to_char(r."dueOn", 'YYYY-MM-DD') AS "dueOn",
       d.state::text AS "deliveryState", ${ACKNOWLEDGED_SQL} AS acknowledged
     ${RECIPIENTS_FROM}
     WHERE br."batchId" = $2 AND br."workspaceId" = $1
     ORDER BY br.position, br.id`,
    [workspaceId, batchId],
  );
  return rows.map(({ status, acknowledged, ...r }) => ({
    ...r,
    progressBucket: progressBucket({ status, delivery: r.deliveryState, dueOn: r.dueOn, acknowledged, today }),
  }));
}

/**
 * The recipients' full facts in one flat statement, in the order of their position: all of
 * them, only the ids given, or one page; the outcome is the parent request's for that body.
 */
async function loadRecipientFacts(
  workspaceId: string,
  batchId: string,
  parentId: string | null,
  today: string,
  only: { ids?: string[]; limit?: number; offset?: number } = {},
): Promise<RecipientFacts[]> {
  const rows = await sqlRows<Omit<RecipientFacts, "progressBucket">>(
    `
    SELECT br.id, br.position, br.channel::text AS "recipientChannel", (br.letter IS NOT NULL) AS "letterEdited",
      b.id AS "bodyId", b.name AS "bodyName", b."shortName", b."foiEmail", b."wdtkSlug", b.status::text AS "bodyStatus",
      to_char(b."statusChangedOn", 'YYYY-MM-DD') AS "bodyStatusChangedOn", b."successorName",
      b."successorId", b."foiStatus"::text AS "foiStatus", br."coversBodyIds",
      r.id AS "requestId", r.reference, r.status::text AS status, r.law::text AS law, to_char(r."dueOn", 'YYYY-MM-DD') AS "dueOn",
      r."externalUrl", r."sentAt",
      d.id AS "deliveryId", d.state::text AS "deliveryState", d.attempts, d."lastError", d."sentAt" AS "deliverySentAt",
      ${ACKNOWLEDGED_SQL} AS acknowledged,
      o.outcome::text AS outcome
    ${RECIPIENTS_FROM}
    LEFT JOIN "BodyOutcome" o ON o."requestId" = $3 AND o."bodyId" = b.id AND o."workspaceId" = $1
    WHERE br."batchId" = $2 AND br."workspaceId" = $1 AND ($4::text[] IS NULL OR br.id = ANY($4::text[]))
    ORDER BY br.position, br.id
    LIMIT $5::int OFFSET $6::int`,
    [workspaceId, batchId, parentId, only.ids ?? null, only.limit ?? null, only.offset ?? null],
  );
  return rows.map((r) => ({
    ...r,
    progressBucket: progressBucket({ status: r.status, delivery: r.deliveryState, dueOn: r.dueOn, acknowledged: r.acknowledged, today }),
  }));
}

/** A recipient as the batch page, the bulk pages and the CSV show it: dates and words worked out. */
function toRecipientRow(batch: { channel: Channel; law: Law }, calendars: Map<Law, WorkingDayCalendar>, today: string, f: RecipientFacts): RecipientRow {
  const calendar = calendars.get(f.law ?? batch.law)!;
  const sentOn = f.sentAt ? receiptDate(f.sentAt) : null;
  return {
    id: f.id,
    position: f.position,
    bodyId: f.bodyId,
    bodyName: f.bodyName,
    foiEmail: f.foiEmail,
    outcome: f.outcome,
    channel: effectiveChannel(batch, { channel: f.recipientChannel }),
    channelOverridden: f.recipientChannel !== null,
    letterEdited: f.letterEdited,
    requestId: f.requestId,
    reference: f.reference,
    status: f.status,
    statusLabel: f.status ? statusLabels[f.status] : "Not created yet",
    progressBucket: f.progressBucket,
    progressLabel: progressBucketLabels[f.progressBucket],
    dueOn: f.dueOn,
    ...dueFacts(calendar, today, f.dueOn, f.status !== null && CLOCK_RUNNING.includes(f.status)),
    delivery: f.deliveryId ? { id: f.deliveryId, state: f.deliveryState!, attempts: f.attempts ?? 0, lastError: f.lastError, sentAt: f.deliverySentAt } : null,
    externalUrl: f.externalUrl,
    wdtkUrl: wdtkUrlFor({ name: f.bodyName, wdtkSlug: f.wdtkSlug }),
    sentOn,
    sentLabel: sentOn ? formatUkDate(sentOn) : null,
  };
}

async function calendarsFor(batchLaw: Law, facts: RecipientFacts[]): Promise<Map<Law, WorkingDayCalendar>> {
  const calendars = new Map<Law, WorkingDayCalendar>();
  for (const law of new Set<Law>([batchLaw, ...facts.flatMap((f) => (f.law ? [f.law] : []))])) calendars.set(law, await calendarFor(law));
  return calendars;
}

/** Every recipient of a batch with where it stands today (the CSV). Scoped by the actor's workspace. */
export async function loadRecipientRows(actor: Actor, batchId: string) {
  const batch = await loadBatchHead(actor.workspaceId, batchId);
  const today = todayInLondon();
  const facts = await loadRecipientFacts(actor.workspaceId, batch.id, batch.parentId, today);
  const calendars = await calendarsFor(batch.law, facts);
  return { loaded: { batch }, rows: facts.map((f) => toRecipientRow(batch, calendars, today, f)), today };
}

const BUCKET_ORDER: Record<ProgressBucket, number> = { failed: 0, overdue: 1, queued: 2, drafted: 3, sent: 4, acknowledged: 5, answered: 6 };

function sortRows<T extends RecipientSummary>(rows: T[], sort: BatchView["sort"]): T[] {
  const byName = (a: T, b: T) => a.bodyName.localeCompare(b.bodyName, "en-GB");
  const sorted = [...rows];
  switch (sort) {
    case "name":
      return sorted.sort(byName);
    case "due":
    case "-due": {
      const sign = sort === "due" ? 1 : -1;
      // Recipients without a due date go last either way.
      return sorted.sort((a, b) => (a.dueOn === b.dueOn ? byName(a, b) : a.dueOn === null ? 1 : b.dueOn === null ? -1 : sign * a.dueOn.localeCompare(b.dueOn)));
    }
    case "status":
      return sorted.sort((a, b) => BUCKET_ORDER[a.progressBucket] - BUCKET_ORDER[b.progressBucket] || byName(a, b));
    default:
      return sorted.sort((a, b) => a.position - b.position);
  }
}

/** Lower case, without accents, "&" read as "and": so "st georges" finds "St George's". */
function searchable(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * The page of recipients the view asks for, with the counts over all of them. A sent batch in
 * its default view (by position, no filter), the one a campaign watches, is counted and paged
 * in the database: grouped counts and 50 rows, however many recipients. Filters, searches and
 * other sorts read every recipient's summary (one narrow query) and choose here; a draft is
 * checked as a whole before sending (readiness, successors), so it reads every recipient's facts.
 */
async function recipientsPage(
  workspaceId: string,
  batch: { id: string; state: BatchState; parentId: string | null; progressVersion: string },
  view: BatchView,
  today: string,
) {
  const inDatabase = batch.state !== "draft" && !view.status && !view.q && view.sort === "position";
  if (inDatabase) {
    const tally = (await batchTallies(workspaceId, [batch], today)).get(batch.id)!;
    const pageCount = Math.max(1, Math.ceil(tally.progress.total / RECIPIENTS_PER_PAGE));
    const page = Math.min(view.page, pageCount);
    const shown = await loadRecipientFacts(workspaceId, batch.id, batch.parentId, today, { limit: RECIPIENTS_PER_PAGE, offset: (page - 1) * RECIPIENTS_PER_PAGE });
    return { ...tally, filteredTotal: tally.progress.total, page, pageCount, shown, facts: [] as RecipientFacts[] };
  }
  const summaries = await loadRecipientSummaries(workspaceId, batch.id, today);
  const query = view.q ? searchable(view.q) : "";
  const filtered = summaries.filter(
    (r) => (!view.status || r.progressBucket === view.status) && (!query || searchable(r.bodyName).includes(query) || String(r.reference ?? "") === query),
  );
  const sorted = sortRows(filtered, view.sort);
  const pageCount = Math.max(1, Math.ceil(sorted.length / RECIPIENTS_PER_PAGE));
  const page = Math.min(view.page, pageCount);
  const shownIds = sorted.slice((page - 1) * RECIPIENTS_PER_PAGE, page * RECIPIENTS_PER_PAGE).map((r) => r.id);
  const facts = batch.state === "draft" ? await loadRecipientFacts(workspaceId, batch.id, batch.parentId, today) : [];
  const factsById = new Map((batch.state === "draft" ? facts : await loadRecipientFacts(workspaceId, batch.id, batch.parentId, today, { ids: shownIds })).map((f) => [f.id, f]));
  return {
    progress: countBuckets(summaries.map((r) => r.progressBucket)),
    needsAttention: summaries.filter((r) => r.deliveryState === "failed" || r.deliveryState === "unconfirmed").length,
    filteredTotal: sorted.length,
    page,
    pageCount,
    shown: shownIds.flatMap((id) => factsById.get(id) ?? []),
    facts,
  };
}

/**
 * One batch, its progress and a page of its recipients (sorted and filtered as the URL says).
 * Every recipient's summary is read (one narrow query) to count, filter and sort; the full facts,
 * dates and words only for the page shown, so a batch of 1,000 costs little more than one of 50.
 */
export async function getBatch(actor: Actor, batchId: string, rawView: Partial<Record<keyof BatchView, unknown>> = {}): Promise<BatchDetails> {
  const role = await requireRole(actor, "viewer");
  const view = batchViewSchema.parse(rawView);
  const batch = await loadBatchHead(actor.workspaceId, batchId);
  const today = todayInLondon();
  const { progress, needsAttention, filteredTotal, page, pageCount, shown, facts } = await recipientsPage(actor.workspaceId, batch, view, today);
  const calendars = await calendarsFor(batch.law, shown);
  const parent = batch.parent && !batch.parent.deletedAt ? batch.parent : null;
  const parentSentOn = parent?.sentAt ? receiptDate(parent.sentAt) : null;
  const sentOn = batch.sentAt ? receiptDate(batch.sentAt) : null;
  const readiness = batchReadiness({
    state: batch.state,
    template: batch.template,
    titleTemplate: batch.titleTemplate,
    recipients: batch.state === "draft" ? facts.map((f) => ({ id: f.id, bodyId: f.bodyId, bodyName: f.bodyName, foiEmail: f.foiEmail, channel: effectiveChannel(batch, { channel: f.recipientChannel }) })) : [],
  });
  const successorIds = batch.state === "draft" ? [...new Set(facts.flatMap((r) => (r.successorId ? [r.successorId] : [])))] : [];
  const successors =
    successorIds.length > 0 ? await db.publicBody.findMany({ where: { id: { in: successorIds }, workspaceId: actor.workspaceId }, select: { id: true, name: true } }) : [];
  return {
    id: batch.id,
    name: batch.name,
    state: batch.state,
    law: batch.law,
    channel: batch.channel,
    titleTemplate: batch.titleTemplate,
    template: batch.template,
    createdAt: batch.createdAt,
    sentAt: batch.sentAt,
    sentLabel: sentOn ? formatUkDate(sentOn) : null,
    parent: parent
      ? { id: parent.id, title: parent.title, bodyName: parent.body.name, authorityRef: parent.authorityRef, sentOn: parentSentOn, sentLabel: parentSentOn ? formatUkDate(parentSentOn) : null }
      : null,
    mailbox: batch.workspace.mailbox,
    today,
    progress,
    recipients: shown.map((f) => toRecipientRow(batch, calendars, today, f)),
    view: { ...view, page },
    filteredTotal,
    page,
    pageCount,
    problems: readiness.blockers.flatMap((b) => (b.kind === "no_foi_email" ? [{ recipientId: b.recipientId, bodyId: b.bodyId, bodyName: b.bodyName, message: b.message }] : [])),
    readiness,
    warnings: batch.state === "draft" ? successionWarnings(facts) : [],
    successionOffers:
      batch.state === "draft"
        ? successionOffers(
            facts.map((r) => ({ id: r.id, position: r.position, coversBodyIds: r.coversBodyIds, body: { id: r.bodyId, name: r.bodyName, status: r.bodyStatus, successorId: r.successorId } })),
            new Map(successors.map((b) => [b.id, b.name])),
          )
        : [],
    templateErrors: readiness.templateErrors,
    needsAttention,
    canEdit: roleAtLeast(role, "editor"),
  };
}

function successionWarnings(recipients: RecipientFacts[]): BatchWarning[] {
  const warnings: BatchWarning[] = [];
  for (const r of recipients) {
    const { bodyStatus: status, successorName, bodyStatusChangedOn: statusChangedOn, bodyName: name } = r;
    if (!isUnderTheAct(r)) {
      // FOIA s3(1): outside the Act the letter's legal footing is wrong; s3(2)(b) gives the other route.
      warnings.push({
        recipientId: r.id,
        bodyId: r.bodyId,
        bodyName: name,
        message: `${name} is not a public authority under the Freedom of Information Act, so the Act does not oblige it to answer. Edit its letter to ask for a voluntary answer; information it holds for an NHS commissioner can be asked of the commissioner (section 3(2)(b)).`,
      });
    }
    if (status !== "merged" && status !== "closed") continue;
    const when = statusChangedOn ? ` on ${formatUkDate(statusChangedOn)}` : "";
    const successor = successorName && successorName !== name ? successorName : null;
    const message =
      status === "merged"
        ? `${name} merged${successor ? ` into ${successor}` : ""}${when}: ${successor ? `${successor} now holds its records. Consider writing to it instead.` : "check who now holds its records."}`
        : `${name} closed${when}${successor ? `; ${successor} took over its services` : ""}: check who now holds its records.`;
    warnings.push({ recipientId: r.id, bodyId: r.bodyId, bodyName: name, message });
  }
  return warnings;
}

interface BatchTally {
  progress: ProgressCounts;
  needsAttention: number;
}

/**
 * Progress counts already worked out, by workspace and batch, reused while the batch's progress
 * version and today's date stand. Triggers move the version in the same transaction as any
 * change the counts read (BatchProgressVersion in the schema), and the version is always
 * read before the counts, so counts kept under a version are never older than it: reusing them
 * is never stale. Per server process; the oldest are dropped past TALLIES_KEPT.
 */
const talliesKept = new Map<string, { version: string; today: string; tally: BatchTally }>();
const TALLIES_KEPT = 500;

async function batchTallies(workspaceId: string, batches: readonly { id: string; progressVersion: string }[], today: string): Promise<Map<string, BatchTally>> {
  const result = new Map<string, BatchTally>();
  const missing: { id: string; progressVersion: string }[] = [];
  for (const batch of batches) {
    const kept = talliesKept.get(`${workspaceId}/${batch.id}`);
    if (kept && kept.version === batch.progressVersion && kept.today === today) result.set(batch.id, kept.tally);
    else missing.push(batch);
  }
  if (missing.length === 0) return result;
  const counted = await tallyByBatch(workspaceId, missing.map((b) => b.id), today);
  for (const batch of missing) {
    const tally = counted.get(batch.id) ?? { progress: countBuckets([]), needsAttention: 0 };
    const key = `${workspaceId}/${batch.id}`;
    talliesKept.delete(key);
    talliesKept.set(key, { version: batch.progressVersion, today, tally });
    if (talliesKept.size > TALLIES_KEPT) talliesKept.delete(talliesKept.keys().next().value!);
    result.set(batch.id, tally);
  }
  return result;
}

/**
 * Progress counts for some batches in one query: recipients grouped by the facts progressBucket
 * reads (the same ones, with the same scoping, as loadRecipientSummaries), so the list and a
 * batch's own page count alike without sending every recipient to the app. Also how many
 * letters need a person (failed, or unconfirmed after the worker stopped).
 */
async function tallyByBatch(workspaceId: string, batchIds: readonly string[], today: string): Promise<Map<string, BatchTally>> {
  const result = new Map<string, BatchTally>();
  if (batchIds.length === 0) return result;
  const groups = await sqlRows<{ batchId: string; status: RequestStatus | null; delivery: DeliveryState | null; dueOn: string | null; acknowledged: boolean; n: number }>(
    `SELECT br."batchId", r.status::text AS status, d.state::text AS delivery, to_char(r."dueOn", 'YYYY-MM-DD') AS "dueOn",
       ${ACKNOWLEDGED_SQL} AS acknowledged, count(*)::int AS n
     ${RECIPIENTS_FROM}
     WHERE br."workspaceId" = $1 AND br."batchId" = ANY($2::text[])
     GROUP BY 1, 2, 3, 4, 5`,
    [workspaceId, [...batchIds]],
  );
  const buckets = new Map<string, ProgressBucket[]>();
  const attention = new Map<string, number>();
  for (const g of groups) {
    const bucket = progressBucket({ status: g.status, delivery: g.delivery, dueOn: g.dueOn, acknowledged: g.acknowledged, today });
    const list = buckets.get(g.batchId) ?? [];
    for (let i = 0; i < g.n; i++) list.push(bucket);
    buckets.set(g.batchId, list);
    if (g.delivery === "failed" || g.delivery === "unconfirmed") attention.set(g.batchId, (attention.get(g.batchId) ?? 0) + g.n);
  }
  for (const [batchId, list] of buckets) result.set(batchId, { progress: countBuckets(list), needsAttention: attention.get(batchId) ?? 0 });
  return result;
}

/** The workspace's batches, newest first, a page at a time, each with its progress counts. */
export async function listBatches(actor: Actor, options: { page?: unknown } = {}): Promise<BatchList> {
  await requireRole(actor, "viewer");
  const requested = pageNumberSchema.parse(options.page);
  const where = { workspaceId: actor.workspaceId };
  const total = await db.batch.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / BATCHES_PER_PAGE));
  const page = Math.min(requested, pageCount);
  const batches = await db.batch.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * BATCHES_PER_PAGE,
    take: BATCHES_PER_PAGE,
    select: { id: true, name: true, state: true, channel: true, createdAt: true, sentAt: true, _count: { select: { recipients: true } } },
  });
  const versions = await sqlRows<{ id: string; progressVersion: string }>(
    `SELECT b.id, ${PROGRESS_VERSION_SQL} AS "progressVersion" FROM "Batch" b WHERE b."workspaceId" = $1 AND b.id = ANY($2::text[])`,
    [actor.workspaceId, batches.map((b) => b.id)],
  );
  const tally = await batchTallies(actor.workspaceId, versions, todayInLondon());
  const rows: BatchListRow[] = batches.map((batch) => ({
    id: batch.id,
    name: batch.name,
    state: batch.state,
    channel: batch.channel,
    recipients: batch._count.recipients,
    createdAt: batch.createdAt,
    sentAt: batch.sentAt,
    createdLabel: formatUkDate(receiptDate(batch.createdAt)),
    sentLabel: batch.sentAt ? formatUkDate(receiptDate(batch.sentAt)) : null,
    progress: tally.get(batch.id)?.progress ?? countBuckets([]),
  }));
  return { rows, total, page, pageCount };
}
