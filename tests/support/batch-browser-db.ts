// Direct database access for the batches browser test: FOI email addresses for the batch's
// trusts (the seed invents none; the spec types two through the trust page and sets the
// rest here), and a clean-up that leaves the database as the other specs expect it.
import { withClient } from "./browser-db";

/** Every address the batches spec gives a trust ends with this, so the clean-up finds them. */
export const TEST_MAIL_DOMAIN = "batch-test.example";


/** An address for a trust, from its name: "St George's" and "&" are fine in the name. */
export function testAddressFor(name: string): string {
  const local = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "")
    .slice(0, 60);
  return `foi.${local}@${TEST_MAIL_DOMAIN}`;
}

/** Gives every recipient of the batch without an FOI email a test address; returns how many. */
export async function giveBatchRecipientsAddresses(batchId: string): Promise<number> {
  return withClient(async (client) => {
    const rows = await client.query<{ id: string; name: string }>(
      `SELECT b.id, b.name FROM "BatchRecipient" r JOIN "PublicBody" b ON b.id = r."bodyId" WHERE r."batchId" = $1 AND b."foiEmail" IS NULL`,
      [batchId],
    );
    await client.query("BEGIN");
    for (const row of rows.rows) await client.query(`UPDATE "PublicBody" SET "foiEmail" = $2 WHERE id = $1`, [row.id, testAddressFor(row.name)]);
    await client.query("COMMIT");
    return rows.rowCount ?? 0;
  });
}

/**
 * Removes the batch and everything sending it made (its requests with their events and
 * messages, the outbox rows), and the test addresses: the specs after this one count
 * requests and trusts as the seed made them.
 */
export async function removeBatchAndAddresses(batchId: string): Promise<void> {
  await withClient(async (client) => {
    await client.query("BEGIN");
    await client.query(`DELETE FROM "Delivery" WHERE "requestId" IN (SELECT id FROM "FoiRequest" WHERE "batchId" = $1)`, [batchId]);
    await client.query(`DELETE FROM "FoiRequest" WHERE "batchId" = $1`, [batchId]);
    await client.query(`DELETE FROM "Batch" WHERE id = $1`, [batchId]);
    await client.query(`UPDATE "PublicBody" SET "foiEmail" = NULL WHERE "foiEmail" LIKE $1`, [`%@${TEST_MAIL_DOMAIN}`]);
    await client.query("COMMIT");
  });
}
