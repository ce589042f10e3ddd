import "server-only";
import { formatUkDate, receiptDate, type WorkingDayCalendar } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { requireRole, roleAtLeast, type Actor } from "@/lib/auth/access";
import { calendarFor } from "@/lib/holidays/calendars";
import { fromDbDate } from "@/lib/requests/dates";
import { todayInLondon } from "@/lib/requests/queries";
import { statusLabels } from "@/lib/requests/status";
import { findBatchOrThrow } from "@/lib/findings/batch-access";
import { choiceLabels, findingsFiltersSchema, type AnswerChoiceName, type FindingsFilters, type QuestionTypeName, type Timeliness } from "@/lib/findings/schemas";
import { describeTimeliness, TIMELINESS_ORDER, timelinessLabels, timelinessOf, workingDaysToRespond } from "@/lib/findings/timeliness";
import { NO_REGION, type FindingsCell, type FindingsQuestion, type FindingsRow } from "@/lib/findings/types";
import type { Law, RequestStatus } from "@/lib/generated/prisma";

export const FINDINGS_PAGE_SIZE = 100;

interface StoredAnswer {
  questionId: string;
  choice: AnswerChoiceName | null;
  text: string | null;
  number: number | null;
  date: Date | null;
  quote: string | null;
}

/** An answer as one line of text for the table, the exports and the public page. */
export function displayAnswer(type: QuestionTypeName, a: Omit<StoredAnswer, "questionId" | "quote"> | null): string {
  if (!a) return "";
  // "Not answered" / "not held" code a question of any type.
  if (a.choice && (type === "choice" || a.choice === "not_answered" || a.choice === "not_held")) return choiceLabels[a.choice];
  if (type === "text") return a.text ?? "";
  if (type === "number") return a.number === null ? "" : a.number.toLocaleString("en-GB", { maximumFractionDigits: 6 });
  if (type === "date") return a.date ? formatUkDate(fromDbDate(a.date)!) : "";
  return "";
}

/**
 * The findings of one batch of one workspace, every row, unsorted and unfiltered. No role
 * check: getFindings checks the member, getPublicFindings the token. Selects only what
 * the table shows; no notes, no message bodies, no people.
 */
export async function loadFindings(workspaceId: string, batchId: string): Promise<{ questions: FindingsQuestion[]; rows: FindingsRow[]; today: string }> {
  const today = todayInLondon();
  const [questionRows, requests] = await Promise.all([
    db.question.findMany({ where: { batchId, workspaceId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, text: true, type: true } }),
    db.foiRequest.findMany({
      where: { batchId, workspaceId, deletedAt: null },
      orderBy: { reference: "asc" },
      select: {
        id: true,
        reference: true,
        law: true,
        status: true,
        receivedOn: true,
        dueOn: true,
        veryOverdueOn: true,
        answeredOn: true,
        answerApproximate: true,
        body: { select: { name: true, region: true } },
        answers: { where: { workspaceId }, select: { questionId: true, choice: true, text: true, number: true, date: true, quote: true } },
      },
    }),
  ]);
  const questions: FindingsQuestion[] = questionRows.map((q, i) => ({ id: q.id, position: i + 1, text: q.text, type: q.type }));
  const calendars = new Map<Law, WorkingDayCalendar>();
  for (const r of requests) if (!calendars.has(r.law)) calendars.set(r.law, await calendarFor(r.law));
  const rows = requests.map((r): FindingsRow => {
    const calendar = calendars.get(r.law)!;
    const dates = { status: r.status, receivedOn: fromDbDate(r.receivedOn), dueOn: fromDbDate(r.dueOn), veryOverdueOn: fromDbDate(r.veryOverdueOn), answeredOn: fromDbDate(r.answeredOn), answerApproximate: r.answerApproximate };
    const timeliness = timelinessOf(dates, today);
    const byQuestion = new Map(r.answers.map((a) => [a.questionId, a]));
    const cells = questions.map((q): FindingsCell => {
      const a = byQuestion.get(q.id) ?? null;
      return {
        questionId: q.id,
        display: displayAnswer(q.type, a),
        choice: a?.choice ?? null,
        quote: a?.quote ?? null,
        href: `/requests/${r.id}#answer-${q.id}`,
        recorded: a !== null,
      };
    });
    return {
      requestId: r.id,
      reference: r.reference,
      bodyName: r.body.name,
      region: r.body.region ?? NO_REGION,
      status: r.status,
      statusLabel: statusLabels[r.status],
      timeliness,
      timelinessLabel: timelinessLabels[timeliness],
      clockSummary: describeTimeliness(calendar, dates, today),
      workingDaysToRespond: workingDaysToRespond(calendar, dates),
      receivedOn: dates.receivedOn,
      dueOn: dates.dueOn,
      answeredOn: dates.answeredOn,
      cells,
    };
  });
  return { questions, rows, today };
}

// One collator: localeCompare with a locale builds a new one per call (slow for thousands of rows).
const collator = new Intl.Collator("en-GB", { numeric: true });

type SortKey = (row: FindingsRow) => string | number | null;

function sortKeyFor(sort: string, questions: FindingsQuestion[]): SortKey {
  switch (sort) {
    case "region":
      return (r) => r.region;
    case "status":
      return (r) => r.statusLabel;
    case "timeliness":
      return (r) => TIMELINESS_ORDER.indexOf(r.timeliness);
    case "days":
      return (r) => r.workingDaysToRespond;
    case "due":
      return (r) => r.dueOn;
    case "answered":
      return (r) => r.answeredOn;
    default: {
      const questionId = sort.startsWith("q:") ? sort.slice(2) : null;
      const question = questions.find((q) => q.id === questionId);
      if (!question) return (r) => r.bodyName;
      return (r) => {
        const cell = r.cells.find((c) => c.questionId === question.id);
        if (!cell || !cell.recorded) return null;
        return question.type === "number" ? Number(cell.display.replace(/,/g, "")) || cell.display : cell.display;
      };
    }
  }
}

/** Filters and sorts rows as the URL says (exported for the public page, which offers the same). */
export function filterAndSortRows(rows: FindingsRow[], questions: FindingsQuestion[], filters: FindingsFilters): FindingsRow[] {
  const q = filters.q?.toLowerCase();
  const filtered = rows.filter(
    (r) =>
      (!filters.status || r.status === filters.status) &&
      (!filters.timeliness || r.timeliness === filters.timeliness) &&
      (!filters.region || r.region === filters.region) &&
      (!q || r.bodyName.toLowerCase().includes(q) || r.cells.some((c) => c.display.toLowerCase().includes(q) || (c.quote ?? "").toLowerCase().includes(q))),
  );
  const key = sortKeyFor(filters.sort ?? "body", questions);
  const sign = filters.dir === "desc" ? -1 : 1;
  return filtered.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Empty values go last whichever way the column is sorted.
    if (ka === null || kb === null) return ka === kb ? collator.compare(a.bodyName, b.bodyName) : ka === null ? 1 : -1;
    const c = typeof ka === "number" && typeof kb === "number" ? ka - kb : collator.compare(String(ka), String(kb));
    return c !== 0 ? sign * c : collator.compare(a.bodyName, b.bodyName);
  });
}

export interface FindingsTotals {
  /** Requests in the batch (before filters). */
  requests: number;
  /** Rows after the filters. */
  shown: number;
  /** Requests answered (any response), before filters. */
  answered: number;
  byTimeliness: Record<Timeliness, number>;
  byStatus: Array<{ status: RequestStatus; label: string; count: number }>;
}

/**
 * The findings table of a batch (viewer and up; another workspace's batch: NotFoundError).
 * Options (from the URL, odd values ignored): sort ("body" | "region" | "status" |
 * "timeliness" | "days" | "due" | "answered" | "q:<questionId>"), dir ("asc" | "desc"),
 * status (a RequestStatus), timeliness, region (as in `regions`), q (words in the trust
 * name or an answer), page.
 *
 * Returns `rows`: every row that passes the filters, sorted (give them to chartData so the
 * charts follow the filters); `pageRows`: this page of them for the table
 * (FINDINGS_PAGE_SIZE a page); `regions`/`statuses`: the filter choices present in the
 * batch; `totals` (before filters, except `shown`); `role`/`canEdit`/`isOwner` for the
 * controls; `batch.publicToken` (null when the public page is off); `today` (YYYY-MM-DD).
 */
export async function getFindings(actor: Actor, batchId: string, options: Partial<Record<keyof FindingsFilters, unknown>> = {}) {
  const role = await requireRole(actor, "viewer");
  const batch = await findBatchOrThrow(actor.workspaceId, batchId);
  const filters = findingsFiltersSchema.parse(options);
  const { questions, rows: all, today } = await loadFindings(actor.workspaceId, batch.id);
  const rows = filterAndSortRows(all, questions, filters);
  const pageCount = Math.max(1, Math.ceil(rows.length / FINDINGS_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const byTimeliness = Object.fromEntries(TIMELINESS_ORDER.map((t) => [t, all.filter((r) => r.timeliness === t).length])) as Record<Timeliness, number>;
  const statusCounts = new Map<RequestStatus, number>();
  for (const r of all) statusCounts.set(r.status as RequestStatus, (statusCounts.get(r.status as RequestStatus) ?? 0) + 1);
  return {
    batch: {
      id: batch.id,
      name: batch.name,
      state: batch.state,
      sentOn: batch.sentAt ? receiptDate(batch.sentAt) : null,
      publicToken: batch.publicToken,
      publicSince: batch.publicSince ? batch.publicSince.toISOString() : null,
    },
    role,
    canEdit: roleAtLeast(role, "editor"),
    isOwner: role === "owner",
    today,
    filters: { ...filters, page },
    questions,
    rows,
    pageRows: rows.slice((page - 1) * FINDINGS_PAGE_SIZE, page * FINDINGS_PAGE_SIZE),
    page,
    pageCount,
    regions: [...new Set(all.map((r) => r.region))].sort((a, b) => (a === NO_REGION ? 1 : b === NO_REGION ? -1 : collator.compare(a, b))),
    statuses: [...statusCounts.entries()].map(([status, count]) => ({ status, label: statusLabels[status], count })).sort((a, b) => a.label.localeCompare(b.label)),
    totals: {
      requests: all.length,
      shown: rows.length,
      answered: all.filter((r) => r.answeredOn !== null).length,
      byTimeliness,
      byStatus: [...statusCounts.entries()].map(([status, count]) => ({ status, label: statusLabels[status], count })).sort((a, b) => b.count - a.count),
    } satisfies FindingsTotals,
  };
}
export type Findings = Awaited<ReturnType<typeof getFindings>>;

/**
 * The workspace's batches for the findings index (viewer and up), newest first, a page at a
 * time: id, name, state, sentOn, how many requests and questions, public page on or off.
 */
export async function listFindingsBatches(actor: Actor, page = 1) {
  await requireRole(actor, "viewer");
  const take = 50;
  const safePage = Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
  const [total, batches] = await Promise.all([
    db.batch.count({ where: { workspaceId: actor.workspaceId } }),
    db.batch.findMany({
      where: { workspaceId: actor.workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (safePage - 1) * take,
      take,
      select: { id: true, name: true, state: true, sentAt: true, publicToken: true, _count: { select: { requests: { where: { deletedAt: null } }, questions: true } } },
    }),
  ]);
  return {
    page: safePage,
    pageCount: Math.max(1, Math.ceil(total / take)),
    total,
    batches: batches.map((b) => ({
      id: b.id,
      name: b.name,
      state: b.state,
      sentOn: b.sentAt ? receiptDate(b.sentAt) : null,
      requests: b._count.requests,
      questions: b._count.questions,
      isPublic: b.publicToken !== null,
    })),
  };
}
