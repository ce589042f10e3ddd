import "server-only";
import { db } from "@/lib/db/client";
import { receiptDate } from "@/lib/deadlines/receipt-date";
import { now } from "@/lib/time";

/**
 * Raises an alert the moment something arrives (a reply, a bounce), as a statement for the
 * caller's batch transaction, only if the message it is about was stored by that transaction:
 * once per request, kind and day (the unique (request, kind, cycle), as for the daily sweep's
 * alerts), with a notification for every member who has not turned the kind off. Flat SQL with
 * plain parameters (nested fragments break in the built app).
 */
export function arrivalAlert(alert: { workspaceId: string; requestId: string; kind: "reply_received" | "letter_bounced"; on: string; messageId: string }) {
  const today = receiptDate(now());
  return db.$executeRaw`
    WITH inserted AS (
      INSERT INTO "Alert" (id, "workspaceId", "requestId", kind, cycle, "dueOn", "raisedOn")
      SELECT gen_random_uuid()::text, ${alert.workspaceId}, ${alert.requestId}, ${alert.kind}::"AlertKind", ${alert.on}::date, ${alert.on}::date, ${today}::date
      WHERE EXISTS (SELECT 1 FROM "Message" WHERE id = ${alert.messageId})
      ON CONFLICT ("requestId", kind, cycle) DO NOTHING
      RETURNING id, "workspaceId", kind
    )
    -- "In the app only" notifications are born digested, as the sweep's are.
    INSERT INTO "Notification" (id, "alertId", "userId", "workspaceId", "digestedAt")
    SELECT gen_random_uuid()::text, i.id, m."userId", i."workspaceId", CASE WHEN p.delivery = 'app' THEN CURRENT_TIMESTAMP END
    FROM inserted i
    JOIN "Membership" m ON m."workspaceId" = i."workspaceId"
    LEFT JOIN "AlertPreference" p ON p."userId" = m."userId" AND p.kind = i.kind
    WHERE p.delivery IS NULL OR p.delivery <> 'off'
    ON CONFLICT ("alertId", "userId") DO NOTHING`;
}
