// The findings browser test's data: a sent follow-up batch of three of the seeded
// "did not apply" trusts, made with plain SQL (`pg`, like browser-db.ts) so the test does
// not depend on the batches UI. Dates are fixed around BROWSER_TODAY (Monday 6 September
// 2021) and the stored clock columns match what lib/deadlines computes for them:
// received Monday 2 August 2021 → due Tuesday 31 August (30 August is a bank holiday),
// very overdue from Tuesday 28 September.
import { newId, withClient } from "./browser-db";


export interface FindingsRequestFixture {
  id: string;
  bodyName: string;
  /** The incoming response message (null for the trust that has not answered). */
  messageId: string | null;
  messageSubject: string | null;
  attachmentName: string | null;
}

export interface FindingsFixture {
  batchId: string;
  batchName: string;
  /** On time, late (answered 3 September), not answered (overdue), in that order. */
  requests: FindingsRequestFixture[];
}

// Noon in London on a summer day is 11:00 UTC.
const at = (day: string) => new Date(`${day}T11:00:00Z`);
const date = (day: string) => new Date(`${day}T00:00:00Z`);

const PLAN = [
  { answeredOn: "2021-08-20", kind: "response_successful", status: "successful" },
  { answeredOn: "2021-09-03", kind: "response_partial", status: "partially_successful" },
  { answeredOn: null, kind: null, status: "awaiting_response" },
] as const;

/** The response text the test quotes from. */
export const RESPONSE_TEXT = "Dear LXP Revolution,\n\nThe trust did not apply because the funding window closed before our board met.\n\nYours sincerely,\nFOI team";
export const QUOTE = "the funding window closed before our board met";

/** Creates the batch, its three requests with sent and response events, messages and one attachment. */
export async function createFindingsBatch(name: string): Promise<FindingsFixture> {
  return withClient(async (client) => {
    await client.query("BEGIN");
    try {
      const ws = await client.query<{ id: string; ownerId: string }>(
        `SELECT w.id, m."userId" AS "ownerId" FROM "Workspace" w JOIN "Membership" m ON m."workspaceId" = w.id AND m.role = 'owner' WHERE w.slug = $1 ORDER BY m."createdAt" LIMIT 1`,
        ["lxp-revolution"],
      );
      if (ws.rowCount !== 1) throw new Error("The seeded workspace lxp-revolution is missing.");
      const { id: workspaceId, ownerId } = ws.rows[0]!;
      const bodies = await client.query<{ id: string; name: string }>(
        `SELECT DISTINCT b.id, b.name FROM "PublicBody" b JOIN "BodyOutcome" o ON o."bodyId" = b.id
         WHERE b."workspaceId" = $1 AND o.outcome = 'did_not_apply' ORDER BY b.name LIMIT 3`,
        [workspaceId],
      );
      if (bodies.rowCount !== 3) throw new Error("Expected at least three did-not-apply trusts in the seed.");
      const batchId = newId();
      await client.query(
        `INSERT INTO "Batch" (id, "workspaceId", name, law, channel, "titleTemplate", template, state, "createdById", "sentAt", "updatedAt")
         VALUES ($1, $2, $3, 'foia', 'email', 'Band 7 Lived Experience posts at {{trust}}', 'Dear {{trust}}, why did the trust not apply?', 'sent', $4, $5, now())`,
        [batchId, workspaceId, name, ownerId, at("2021-08-02")],
      );
      const requests: FindingsRequestFixture[] = [];
      for (const [i, body] of bodies.rows.entries()) {
        const plan = PLAN[i]!;
        const requestId = newId();
        await client.query(
          `INSERT INTO "FoiRequest" (id, "workspaceId", "bodyId", "batchId", law, title, letter, channel, status, "sentAt", "receivedOn", "dueOn", "veryOverdueOn", "answeredOn", "createdById", "updatedAt")
           VALUES ($1, $2, $3, $4, 'foia', $5, $6, 'email', $7, $8, $9, $10, $11, $12, $13, now())`,
          [
            requestId,
            workspaceId,
            body.id,
            batchId,
            `Band 7 Lived Experience posts at ${body.name}`,
            `Dear ${body.name},\n\nWhy did the trust not apply for the Band 7 KUF funding?\n\nLXP Revolution`,
            plan.status,
            at("2021-08-02"),
            date("2021-08-02"),
            date("2021-08-31"),
            date("2021-09-28"),
            plan.answeredOn ? date(plan.answeredOn) : null,
            ownerId,
          ],
        );
        await client.query(`INSERT INTO "RequestEvent" (id, "workspaceId", "requestId", kind, "occurredAt", "createdById") VALUES ($1, $2, $3, 'sent', $4, $5)`, [
          newId(),
          workspaceId,
          requestId,
          at("2021-08-02"),
          ownerId,
        ]);
        let messageId: string | null = null;
        let messageSubject: string | null = null;
        let attachmentName: string | null = null;
        if (plan.answeredOn && plan.kind) {
          messageId = newId();
          messageSubject = `Response to your FOI request (${body.name})`;
          await client.query(
            `INSERT INTO "Message" (id, "workspaceId", "requestId", direction, "fromName", subject, "sentAt", "bodyText") VALUES ($1, $2, $3, 'incoming', $4, $5, $6, $7)`,
            [messageId, workspaceId, requestId, "Private Sender Person", messageSubject, at(plan.answeredOn), RESPONSE_TEXT],
          );
          await client.query(`INSERT INTO "RequestEvent" (id, "workspaceId", "requestId", kind, "occurredAt", "messageId", "createdById") VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
            newId(),
            workspaceId,
            requestId,
            plan.kind,
            at(plan.answeredOn),
            messageId,
            ownerId,
          ]);
          attachmentName = "response-letter.pdf";
          const data = Buffer.from("%PDF-1.4\n%%EOF\n");
          await client.query(
            `INSERT INTO "Attachment" (id, "workspaceId", "messageId", filename, "contentType", size, sha256, data) VALUES ($1, $2, $3, $4, 'application/pdf', $5, 'test', $6)`,
            [newId(), workspaceId, messageId, attachmentName, data.byteLength, data],
          );
        }
        requests.push({ id: requestId, bodyName: body.name, messageId, messageSubject, attachmentName });
      }
      await client.query("COMMIT");
      return { batchId, batchName: name, requests };
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}

/** Removes the batch and its requests (events, messages, answers and questions go with them). */
export async function removeFindingsBatch(batchId: string): Promise<void> {
  await withClient(async (client) => {
    await client.query("BEGIN");
    await client.query(`DELETE FROM "FoiRequest" WHERE "batchId" = $1`, [batchId]);
    await client.query(`DELETE FROM "Batch" WHERE id = $1`, [batchId]);
    await client.query("COMMIT");
  });
}
