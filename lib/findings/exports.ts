import "server-only";
import { receiptDate, type WorkingDayCalendar } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole, type Actor } from "@/lib/auth/access";
import { csvDownloadHeaders, neutraliseForExport, toCsv, type CsvCell } from "@/lib/csv/to-csv";
import { calendarFor } from "@/lib/holidays/calendars";
import { fromDbDate } from "@/lib/requests/dates";
import { todayInLondon } from "@/lib/requests/queries";
import { lawLabels } from "@/lib/requests/labels";
import { statusLabels } from "@/lib/requests/status";
import { findBatchOrThrow } from "@/lib/findings/batch-access";
import { filterAndSortRows, loadFindings } from "@/lib/findings/findings-table";
import { timelinessLabels, timelinessOf, workingDaysToRespond } from "@/lib/findings/timeliness";
import type { FindingsQuestion, FindingsRow } from "@/lib/findings/types";
import type { Law } from "@/lib/generated/prisma";

/** A file ready to send: `new Response(file.body, { headers: file.headers })`. */
export interface ExportFile {
  filename: string;
  body: string;
  headers: Record<string, string>;
}

/** The findings CSV's fixed columns, in order; then two per question: "<n>. <question>", "<n>. Quote". */
export const FINDINGS_CSV_COLUMNS = ["Reference", "Trust", "NHS region", "Status", "Answered on time?", "Date received", "Due", "Answered", "Working days to respond"] as const;

/** The requests CSV's columns, in order. */
export const REQUESTS_CSV_COLUMNS = [
  "Reference",
  "Body",
  "Title",
  "Status",
  "Law",
  "Batch",
  "Sent",
  "Date received",
  "Due",
  "Very overdue from",
  "Answered",
  "Working days to respond",
  "Answered on time?",
] as const;

// Letters, digits and dashes only, so a batch called "<script>" or "Été 2021" still gives a usable name.
export function fileSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "batch";
}

export function csvFile(filename: string, body: string): ExportFile {
  return { filename, body, headers: csvDownloadHeaders(filename) };
}

export function jsonFile(filename: string, value: unknown): ExportFile {
  // The same neutralising as the CSV: a JSON file is often opened in a spreadsheet too.
  return { filename, body: `${JSON.stringify(neutraliseForExport(value), null, 2)}\n`, headers: { ...csvDownloadHeaders(filename), "Content-Type": "application/json; charset=utf-8" } };
}

/** The findings table as CSV header and rows (no private notes: the table has none). */
export function findingsCsvTable(questions: FindingsQuestion[], rows: FindingsRow[]): { header: string[]; rows: CsvCell[][] } {
  const header = [...FINDINGS_CSV_COLUMNS, ...questions.flatMap((q) => [`${q.position}. ${q.text}`, `${q.position}. Quote`])];
  const body = rows.map((r) => [
    r.reference,
    r.bodyName,
    r.region,
    r.statusLabel,
    r.timelinessLabel,
    r.receivedOn,
    r.dueOn,
    r.answeredOn,
    r.workingDaysToRespond,
    ...r.cells.flatMap((c) => [c.display, c.quote]),
  ]);
  return { header, rows: body };
}

/** The findings as plain JSON-ready data (the JSON export and the public JSON). */
export function findingsJsonValue(batchName: string, today: string, questions: FindingsQuestion[], rows: FindingsRow[]) {
  return {
    batch: batchName,
    exportedOn: today,
    questions: questions.map((q) => ({ position: q.position, text: q.text, type: q.type })),
    rows: rows.map((r) => ({
      reference: r.reference,
      trust: r.bodyName,
      region: r.region,
      status: r.statusLabel,
      timeliness: r.timelinessLabel,
      received: r.receivedOn,
      due: r.dueOn,
      answered: r.answeredOn,
      workingDaysToRespond: r.workingDaysToRespond,
      answers: r.cells.map((c, i) => ({ question: questions[i]!.text, answer: c.display, quote: c.quote })),
    })),
  };
}

async function sortedFindings(actor: Actor, batchId: string) {
  await requireRole(actor, "viewer");
  const batch = await findBatchOrThrow(actor.workspaceId, batchId);
  const { questions, rows, today } = await loadFindings(actor.workspaceId, batch.id);
  return { batch, questions, rows: filterAndSortRows(rows, questions, {}), today };
}

/**
 * The findings table of a batch as CSV (viewer and up): one row per trust, sorted by name;
 * columns FINDINGS_CSV_COLUMNS then each question's answer and quote. Dates are YYYY-MM-DD
 * so a spreadsheet sorts them. Cells starting =, +, -, @ are neutralised.
 * Filename "findings-<batch>-<today>.csv".
 */
export async function findingsCsv(actor: Actor, batchId: string): Promise<ExportFile> {
  const { batch, questions, rows, today } = await sortedFindings(actor, batchId);
  const table = findingsCsvTable(questions, rows);
  const filename = `findings-${fileSlug(batch.name)}-${today}.csv`;
  await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "export.findings_csv", entity: "Batch", entityId: batch.id, data: { filename, rows: rows.length } });
  return csvFile(filename, toCsv(table.header, table.rows));
}

/** The same findings as JSON ({batch, exportedOn, questions, rows}), strings neutralised. */
export async function findingsJson(actor: Actor, batchId: string): Promise<ExportFile> {
  const { batch, questions, rows, today } = await sortedFindings(actor, batchId);
  const filename = `findings-${fileSlug(batch.name)}-${today}.json`;
  await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "export.findings_json", entity: "Batch", entityId: batch.id, data: { filename, rows: rows.length } });
  return jsonFile(filename, findingsJsonValue(batch.name, today, questions, rows));
}

async function requestRows(actor: Actor) {
  await requireRole(actor, "viewer");
  const today = todayInLondon();
  const requests = await db.foiRequest.findMany({
    where: { workspaceId: actor.workspaceId, deletedAt: null },
    orderBy: { reference: "asc" },
    select: {
      reference: true,
      title: true,
      status: true,
      law: true,
      sentAt: true,
      receivedOn: true,
      dueOn: true,
      veryOverdueOn: true,
      answeredOn: true,
      answerApproximate: true,
      body: { select: { name: true } },
      batch: { select: { name: true } },
    },
  });
  const calendars = new Map<Law, WorkingDayCalendar>();
  for (const r of requests) if (!calendars.has(r.law)) calendars.set(r.law, await calendarFor(r.law));
  const rows = requests.map((r) => {
    const dates = { status: r.status, receivedOn: fromDbDate(r.receivedOn), dueOn: fromDbDate(r.dueOn), veryOverdueOn: fromDbDate(r.veryOverdueOn), answeredOn: fromDbDate(r.answeredOn), answerApproximate: r.answerApproximate };
    return {
      reference: r.reference,
      body: r.body.name,
      title: r.title,
      status: statusLabels[r.status],
      law: lawLabels[r.law],
      batch: r.batch?.name ?? null,
      sent: r.sentAt ? receiptDate(r.sentAt) : null,
      received: dates.receivedOn,
      due: dates.dueOn,
      veryOverdueFrom: dates.veryOverdueOn,
      answered: dates.answeredOn,
      workingDaysToRespond: workingDaysToRespond(calendars.get(r.law)!, dates),
      timeliness: timelinessLabels[timelinessOf(dates, today)],
    };
  });
  return { rows, today };
}

/**
 * Every request of the workspace (viewer and up; deleted ones left out) with its dates, as
 * CSV: REQUESTS_CSV_COLUMNS, by reference. Filename "requests-<today>.csv".
 */
export async function requestsCsv(actor: Actor): Promise<ExportFile> {
  const { rows, today } = await requestRows(actor);
  await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "export.requests_csv", entity: "FoiRequest", data: { filename: `requests-${today}.csv`, rows: rows.length } });
  return csvFile(
    `requests-${today}.csv`,
    toCsv(
      REQUESTS_CSV_COLUMNS,
      rows.map((r) => [r.reference, r.body, r.title, r.status, r.law, r.batch, r.sent, r.received, r.due, r.veryOverdueFrom, r.answered, r.workingDaysToRespond, r.timeliness]),
    ),
  );
}

/** The same requests as JSON ({exportedOn, requests: [...]}), strings neutralised. */
export async function requestsJson(actor: Actor): Promise<ExportFile> {
  const { rows, today } = await requestRows(actor);
  await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "export.requests_json", entity: "FoiRequest", data: { filename: `requests-${today}.json`, rows: rows.length } });
  return jsonFile(`requests-${today}.json`, { exportedOn: today, requests: rows });
}
