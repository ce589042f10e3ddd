import "server-only";
import type { WorkingDayCalendar } from "@/lib/deadlines";
import { db, Prisma } from "@/lib/db/client";
import type { EventKind, Law, ReceiptConvention } from "@/lib/generated/prisma";
import { calendarFor } from "@/lib/holidays/calendars";
import { storedClockColumns } from "@/lib/requests/stored-clock";

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/**
 * Recomputes requests' clocks from their timelines and stores the dates the dashboard indexes
 * on: the only writer of those columns. Called after every change to a timeline (inside its
 * transaction) and whenever the holiday data changes. Two statements for any number of
 * requests (a group of 500 delivered letters is not 500 round trips). Unscoped: callers have
 * already checked the requests belong to the actor. Returns the ids it found.
 */
export async function unsafeRecomputeClocks(client: Client, requestIds: readonly string[]): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  // One statement for every request and its timeline, oldest entry first.
  const requests = await client.$queryRaw<Array<{ id: string; law: Law; convention: ReceiptConvention; kinds: EventKind[]; at: string[]; newDue: Array<string | null>; exemptions: string[]; approximate: boolean[]; notRequired: boolean[] }>>`
    SELECT r.id, r.law::text AS law, w."receiptConvention"::text AS convention,
      COALESCE(e.kinds, '{}') AS kinds, COALESCE(e.at, '{}') AS at, COALESCE(e.new_due, '{}') AS "newDue",
      COALESCE(e.exemptions, '{}') AS exemptions, COALESCE(e.approximate, '{}') AS approximate, COALESCE(e.not_required, '{}') AS "notRequired"
    FROM "FoiRequest" r JOIN "Workspace" w ON w.id = r."workspaceId"
    LEFT JOIN LATERAL (
      SELECT array_agg(kind::text ORDER BY "occurredAt", "createdAt") AS kinds,
        array_agg(to_char("occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ORDER BY "occurredAt", "createdAt") AS at,
        array_agg("newDueOn"::text ORDER BY "occurredAt", "createdAt") AS new_due,
        -- One text per event (arrays of arrays must be rectangular); exemptions never hold a newline.
        array_agg(array_to_string(exemptions, chr(10)) ORDER BY "occurredAt", "createdAt") AS exemptions,
        array_agg(approximate ORDER BY "occurredAt", "createdAt") AS approximate,
        array_agg("notReasonablyRequired" ORDER BY "occurredAt", "createdAt") AS not_required
      FROM "RequestEvent" WHERE "requestId" = r.id
    ) e ON true
    WHERE r.id = ANY(${[...new Set(requestIds)]}::text[])`;
  if (requests.length === 0) return new Set();
  const calendars = new Map<Law, WorkingDayCalendar>();
  for (const law of new Set(requests.map((r) => r.law))) calendars.set(law, await calendarFor(law));
  const rows = requests.map((r) => {
    const events = r.kinds.map((kind, i) => ({
      kind,
      occurredAt: new Date(r.at[i]!),
      newDueOn: r.newDue[i] ? new Date(`${r.newDue[i]}T00:00:00Z`) : null,
      exemptions: (r.exemptions[i] ?? "").split("\n").filter(Boolean),
      approximate: r.approximate[i] === true,
      notReasonablyRequired: r.notRequired[i] === true,
    }));
    return { id: r.id, ...storedClockColumns({ law: r.law, receiptConvention: r.convention, calendar: calendars.get(r.law)!, events }) };
  });
  const col = (pick: (r: (typeof rows)[number]) => string | null) => rows.map(pick);
  await client.$executeRaw`
    UPDATE "FoiRequest" AS r SET
      "receivedOn" = v.received_on, "dueOn" = v.due_on, "veryOverdueOn" = v.very_overdue_on, "reviewDueOn" = v.review_due_on,
      "reviewRequestedOn" = v.review_requested_on, "reviewVeryOverdueOn" = v.review_very_overdue_on, "waitingSince" = v.waiting_since,
      "answeredOn" = v.answered_on, "answerApproximate" = v.answer_approximate, "ownDeadlineOn" = v.own_on, "ownDeadlineKind" = v.own_kind,
      "ownDeadlineWarnOn" = v.own_warn_on, "complianceDueOn" = v.compliance_on, "clockProjected" = v.projected, "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${col((r) => r.id)}::text[], ${col((r) => r.receivedOn)}::date[], ${col((r) => r.dueOn)}::date[], ${col((r) => r.veryOverdueOn)}::date[],
      ${col((r) => r.reviewDueOn)}::date[], ${col((r) => r.reviewRequestedOn)}::date[], ${col((r) => r.reviewVeryOverdueOn)}::date[],
      ${col((r) => r.waitingSince)}::date[], ${col((r) => r.answeredOn)}::date[], ${rows.map((r) => r.answerApproximate)}::boolean[],
      ${col((r) => r.ownDeadlineOn)}::date[], ${col((r) => r.ownDeadlineKind)}::text[], ${col((r) => r.ownDeadlineWarnOn)}::date[], ${col((r) => r.complianceDueOn)}::date[],
      ${rows.map((r) => r.clockProjected)}::boolean[]
    ) AS v(id, received_on, due_on, very_overdue_on, review_due_on, review_requested_on, review_very_overdue_on, waiting_since, answered_on, answer_approximate,
      own_on, own_kind, own_warn_on, compliance_on, projected)
    WHERE r.id = v.id`;
  return new Set(rows.map((r) => r.id));
}

/** One request: see unsafeRecomputeClocks. Throws Prisma's not-found error (P2025) when it is gone. */
export async function unsafeRecomputeClock(requestId: string, client: Client = db): Promise<void> {
  const found = await unsafeRecomputeClocks(client, [requestId]);
  if (!found.has(requestId)) {
    throw new Prisma.PrismaClientKnownRequestError(`No request ${requestId} to recompute.`, { code: "P2025", clientVersion: Prisma.prismaVersion.client });
  }
}
