import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time";
import { toCsv } from "@/lib/csv/to-csv";
import { findBatchOrThrow } from "@/lib/findings/batch-access";
import { chartData, type FindingsCharts } from "@/lib/findings/charts";
import { csvFile, fileSlug, findingsCsvTable, findingsJsonValue, jsonFile, type ExportFile } from "@/lib/findings/exports";
import { filterAndSortRows, loadFindings } from "@/lib/findings/findings-table";
import type { AnswerChoiceName, Timeliness } from "@/lib/findings/schemas";
import type { FindingsQuestion } from "@/lib/findings/types";

// 24 random bytes, base64url: 32 characters, 192 bits: not guessable, not enumerable.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/**
 * Switches a batch's public page on or off (owner only; others: ForbiddenError; another
 * workspace's batch: NotFoundError). On: keeps the current token if already on, else makes
 * a new one. Off: clears it, so the old URL stops working; switching on again gives a new
 * token. The page lives at `/public/findings/<token>`.
 */
export async function setPublicPage(actor: Actor, batchId: string, on: boolean): Promise<{ token: string | null; publicSince: string | null }> {
  await requireRole(actor, "owner");
  const batch = await findBatchOrThrow(actor.workspaceId, batchId);
  if (on && batch.publicToken) return { token: batch.publicToken, publicSince: batch.publicSince?.toISOString() ?? null };
  if (!on && !batch.publicToken) return { token: null, publicSince: null };
  const token = on ? crypto.randomBytes(24).toString("base64url") : null;
  const publicSince = on ? now() : null;
  await db.$transaction(async (tx) => {
    await tx.batch.update({ where: { id: batch.id }, data: { publicToken: token, publicSince } });
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: on ? "findings.public.on" : "findings.public.off", entity: "Batch", entityId: batch.id }, tx);
  });
  return { token, publicSince: publicSince?.toISOString() ?? null };
}

/** A row as the public sees it: no request id, no links into the app, no notes, no people. */
export interface PublicFindingsRow {
  reference: number;
  bodyName: string;
  region: string;
  status: string;
  statusLabel: string;
  timeliness: Timeliness;
  timelinessLabel: string;
  clockSummary: string;
  workingDaysToRespond: number | null;
  receivedOn: string | null;
  dueOn: string | null;
  answeredOn: string | null;
  cells: Array<{ questionId: string; display: string; choice: AnswerChoiceName | null; quote: string | null }>;
}

export interface PublicFindings {
  batchName: string;
  /** ISO timestamp the owner published it. */
  publicSince: string | null;
  /** YYYY-MM-DD the figures are as of. */
  today: string;
  questions: FindingsQuestion[];
  /** Sorted by trust name. */
  rows: PublicFindingsRow[];
  charts: FindingsCharts;
}

async function batchForToken(token: string) {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return null;
  return db.batch.findUnique({ where: { publicToken: token }, select: { id: true, workspaceId: true, name: true, publicSince: true } });
}

/**
 * The public findings of the batch with this token, or null (off, withdrawn, or never
 * existed). Outside the signed-in area, so no actor: the token is the permission. Holds
 * only the findings table and charts: trust names, statuses, dates, coded answers and
 * their quotes. Never notes, message bodies, senders, users, or ids into the app.
 */
export async function getPublicFindings(token: string): Promise<PublicFindings | null> {
  const batch = await batchForToken(token);
  if (!batch) return null;
  const { questions, rows, today } = await loadFindings(batch.workspaceId, batch.id);
  const publicRows: PublicFindingsRow[] = filterAndSortRows(rows, questions, {}).map((r) => ({
    reference: r.reference,
    bodyName: r.bodyName,
    region: r.region,
    status: r.status,
    statusLabel: r.statusLabel,
    timeliness: r.timeliness,
    timelinessLabel: r.timelinessLabel,
    clockSummary: r.clockSummary,
    workingDaysToRespond: r.workingDaysToRespond,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    answeredOn: r.answeredOn,
    cells: r.cells.map((c) => ({ questionId: c.questionId, display: c.display, choice: c.choice, quote: c.quote })),
  }));
  return {
    batchName: batch.name,
    publicSince: batch.publicSince?.toISOString() ?? null,
    today,
    questions,
    rows: publicRows,
    charts: chartData({ questions, rows: publicRows }),
  };
}

/** The public findings as CSV (same columns as findingsCsv), or null when the page is off. */
export async function publicFindingsCsv(token: string): Promise<ExportFile | null> {
  const batch = await batchForToken(token);
  if (!batch) return null;
  const { questions, rows, today } = await loadFindings(batch.workspaceId, batch.id);
  const table = findingsCsvTable(questions, filterAndSortRows(rows, questions, {}));
  return csvFile(`findings-${fileSlug(batch.name)}-${today}.csv`, toCsv(table.header, table.rows));
}

/** The public findings as JSON, or null when the page is off. */
export async function publicFindingsJson(token: string): Promise<ExportFile | null> {
  const batch = await batchForToken(token);
  if (!batch) return null;
  const { questions, rows, today } = await loadFindings(batch.workspaceId, batch.id);
  return jsonFile(`findings-${fileSlug(batch.name)}-${today}.json`, findingsJsonValue(batch.name, today, questions, filterAndSortRows(rows, questions, {})));
}
