// For tests/browser/security.spec.ts: a request whose correspondence is hostile email HTML.
// The messages are written straight to the table, unsanitised, as if an older version had
// stored them or the sanitiser had missed something: what the page shows must still be safe.
import { newId, withClient } from "./browser-db";

/** A copy of the seeded NHS England request (so the other tests' data is untouched), with one incoming message per payload. */
export async function createRequestWithHostileMail(payloads: { name: string; html: string }[]): Promise<{ id: string; title: string }> {
  const id = newId();
  const title = `Hostile email test ${id.slice(-6)}`;
  await withClient(async (client) => {
    await client.query("BEGIN");
    await client.query(`CREATE TEMP TABLE hostile_copy ON COMMIT DROP AS SELECT * FROM "FoiRequest" WHERE "parentId" IS NULL AND "batchId" IS NULL AND "deletedAt" IS NULL ORDER BY reference LIMIT 1`);
    await client.query(
      `UPDATE hostile_copy SET id = $1, title = $2, reference = nextval(pg_get_serial_sequence('"FoiRequest"', 'reference'))`,
      [id, title],
    );
    const copied = await client.query(`INSERT INTO "FoiRequest" SELECT * FROM hostile_copy`);
    if (copied.rowCount !== 1) throw new Error("The seeded request to copy is missing.");
    // PostgreSQL cannot store NUL; a browser reads it as U+FFFD anyway.
    for (const [index, payload] of payloads.entries()) {
      await client.query(
        `INSERT INTO "Message" (id, "workspaceId", "requestId", direction, subject, "sentAt", "bodyText", "bodyHtml")
         SELECT $1, "workspaceId", id, 'incoming', $2, TIMESTAMP '2021-09-01 09:00:00' + ($3 || ' minutes')::interval, $4, $5 FROM "FoiRequest" WHERE id = $6`,
        [newId(), `Payload ${index}: ${payload.name}`, String(index), `Plain text of payload ${index}`, `<p>Formatted payload ${index}</p>${payload.html.replace(/\u0000/g, "\uFFFD")}`, id],
      );
    }
    await client.query("COMMIT");
  });
  return { id, title };
}

/** Removes a request made by createRequestWithHostileMail (and, by cascade, its messages), so later specs' counts see the seed as it was. */
export async function removeHostileRequest(id: string): Promise<void> {
  await withClient((client) => client.query(`DELETE FROM "FoiRequest" WHERE id = $1 AND title LIKE 'Hostile email test %'`, [id]));
}
