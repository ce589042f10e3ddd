import "server-only";
import { TZDate } from "@date-fns/tz";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { requireRole, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditActionLabel, formatAuditDetails, formatAuditWhen } from "@/lib/audit/format";
import { auditFilterFields, type AuditFilters } from "@/lib/audit/schemas";
import { toCsv } from "@/lib/csv/to-csv";
import { now } from "@/lib/time";

const ISO_LONDON = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
const formatIsoLondon = (instant: Date) => ISO_LONDON.format(instant);

// The workspace's audit log, for its owners only: every read carries the workspace id.

export const AUDIT_PAGE_SIZE = 50;
// A CSV of the whole history of a busy workspace stays a sensible size.
const CSV_LIMIT = 50_000;

export const GONE = "someone no longer a member";
export const THE_APP = "FOI Tracker itself (a scheduled task or the command line)";

export interface AuditFilterReading {
  filters: AuditFilters;
  /** Messages for the fields that could not be read; those filters are left off. */
  fieldErrors: Record<string, string[]>;
}

/** Reads the filters from the URL, field by field, so one bad date does not lose the others. */
export function readAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilterReading {
  const fieldErrors: Record<string, string[]> = {};
  const read = <T>(key: keyof typeof auditFilterFields, schema: z.ZodType<T>): T | undefined => {
    const raw = params[key];
    const result = schema.safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (result.success) return result.data;
    fieldErrors[key] = result.error.issues.map((i) => i.message);
    return undefined;
  };
  const f = auditFilterFields;
  const filters: AuditFilters = { person: read("person", f.person), action: read("action", f.action), from: read("from", f.from), to: read("to", f.to), page: read("page", f.page) ?? 1 };
  if (filters.from && filters.to && filters.from > filters.to) {
    fieldErrors.to = ["The end date is before the start date."];
    filters.to = undefined;
  }
  return { filters, fieldErrors };
}

function londonMidnight(iso: string, addDays = 0): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d + addDays, 0, 0, 0, "Europe/London");
}

function whereOf(actor: Actor, filters: AuditFilters): Prisma.AuditLogWhereInput {
  return {
    workspaceId: actor.workspaceId,
    ...(filters.person ? { userId: filters.person } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to
      ? { createdAt: { ...(filters.from ? { gte: londonMidnight(filters.from) } : {}), ...(filters.to ? { lt: londonMidnight(filters.to, 1) } : {}) } }
      : {}),
  };
}

async function currentMembers(workspaceId: string) {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((r) => r.user);
}

export interface AuditRow {
  id: string;
  when: string;
  createdAt: Date;
  who: string;
  whoEmail: string | null;
  action: string;
  what: string;
  details: string;
}

function toRows(entries: Array<{ id: string; createdAt: Date; userId: string | null; action: string; data: Prisma.JsonValue }>, members: Map<string, { name: string | null; email: string }>): AuditRow[] {
  return entries.map((e) => {
    const member = e.userId ? members.get(e.userId) : undefined;
    return {
      id: e.id,
      when: formatAuditWhen(e.createdAt),
      createdAt: e.createdAt,
      who: e.userId === null ? THE_APP : member ? (member.name ?? member.email) : GONE,
      whoEmail: member?.email ?? null,
      action: e.action,
      what: auditActionLabel(e.action),
      details: formatAuditDetails(e.data),
    };
  });
}

const ENTRY_SELECT = { id: true, createdAt: true, userId: true, action: true, data: true } as const;

/** One page of the workspace's audit log, newest first (owners only). */
export async function listAuditEntries(actor: Actor, filters: AuditFilters) {
  await requireRole(actor, "owner");
  const where = whereOf(actor, filters);
  const [total, people] = await Promise.all([db.auditLog.count({ where }), currentMembers(actor.workspaceId)]);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const entries = await db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE, select: ENTRY_SELECT });
  const byId = new Map(people.map((p) => [p.id, p]));
  return { rows: toRows(entries, byId), total, page, pageCount, people: people.map((p) => ({ value: p.id, label: p.name ? `${p.name} (${p.email})` : p.email })) };
}

export const AUDIT_CSV_COLUMNS = ["When (UK time)", "Who", "Email", "What", "Action", "Details"] as const;

/** The filtered entries as CSV (owners only; cells a spreadsheet would run are neutralised); the download is itself audited. */
export async function auditCsv(actor: Actor, filters: AuditFilters): Promise<{ filename: string; csv: string }> {
  await requireRole(actor, "owner");
  const [entries, people] = await Promise.all([
    db.auditLog.findMany({ where: whereOf(actor, filters), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: CSV_LIMIT, select: ENTRY_SELECT }),
    currentMembers(actor.workspaceId),
  ]);
  const rows = toRows(entries, new Map(people.map((p) => [p.id, p])));
  const csv = toCsv(
    AUDIT_CSV_COLUMNS,
    rows.map((r) => [r.when, r.who, r.whoEmail, r.what, r.action, r.details]),
  );
  const applied = { person: filters.person, action: filters.action, from: filters.from, to: filters.to };
  await recordAudit({
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    action: "export.audit_csv",
    entity: "AuditLog",
    data: { rows: rows.length, filters: Object.fromEntries(Object.entries(applied).filter(([, v]) => v !== undefined)) },
  });
  return { filename: `audit-log-${formatIsoLondon(now())}.csv`, csv };
}
