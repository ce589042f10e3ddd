import "server-only";
import { receiptDate } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { matchTrustNames, type MatchableBody } from "@/lib/bodies/match-trust-names";
import { aliasesForBodyKey } from "@/lib/outcomes/response-names";
import { londonInstant } from "@/lib/requests/dates";
import { markSent } from "@/lib/requests/mark-sent";
import { todayInLondon } from "@/lib/requests/queries";
import { extractPastedAddresses, parseRequestAddress, urlTitleWords, type PastedAddress } from "@/lib/whatdotheyknow/addresses";
import { siteBaseUrl } from "@/lib/whatdotheyknow/config";
import { BatchStateError, BatchValidationError } from "@/lib/batches/errors";
import { effectiveChannel } from "@/lib/batches/render";
import {
  checkPastedAddressesSchema,
  markPastedSentSchema,
  type PasteBackCandidate,
  type PasteBackPlan,
  type PasteBackRow,
} from "@/lib/batches/paste-back-schemas";

// A batch sent via WhatDoTheyKnow gets its requests' addresses back in one paste: each address
// is matched to its recipient (by the body's page link on WhatDoTheyKnow's batch page, by the
// name on the line, or by the words of the address), shown for a person to confirm, and the
// confirmed ones are marked sent together.

async function loadRecipients(workspaceId: string, batchId: string) {
  const batch = await db.batch.findFirst({ where: { id: batchId, workspaceId }, select: { id: true, state: true, channel: true, sentAt: true } });
  if (!batch) throw new BatchStateError("That batch is not in this workspace.");
  const recipients = await db.batchRecipient.findMany({
    where: { batchId, workspaceId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      channel: true,
      body: { select: { id: true, key: true, name: true, shortName: true, odsCode: true, wdtkSlug: true } },
      request: { select: { id: true, status: true, sentAt: true, externalUrl: true, deletedAt: true } },
    },
  });
  return { batch, recipients };
}

type Recipient = Awaited<ReturnType<typeof loadRecipients>>["recipients"][number];

/** Why a matched recipient cannot take an address now, or null when it can. */
function blockedReason(batch: { channel: Recipient["channel"] & string }, r: Recipient): string | null {
  if (!r.request || r.request.deletedAt) return `The request to ${r.body.name} was deleted: an owner can restore it under Deleted requests.`;
  if (r.request.status !== "draft") {
    return `${r.body.name} is already marked as sent${r.request.sentAt ? ` (${receiptDate(r.request.sentAt)})` : ""}${r.request.externalUrl ? `, with the address ${r.request.externalUrl}` : ""}.`;
  }
  const channel = effectiveChannel(batch, r);
  if (channel === "email") return `The letter to ${r.body.name} goes by email from the app, not via WhatDoTheyKnow.`;
  if (channel === "post") return `The letter to ${r.body.name} goes by post, not via WhatDoTheyKnow. Change its channel first.`;
  return null;
}

/** Recipients whose distinctive name words all appear in the address (a title such as "band_7_posts_at_solent"). */
function byAddressWords(address: PastedAddress, recipients: Recipient[]): Recipient[] {
  const words = new Set(urlTitleWords(address.urlTitle));
  const found = recipients.filter((r) => {
    if (r.body.shortName && words.has(r.body.shortName.toLowerCase())) return true;
    const distinctive = r.body.name
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/['\u2019]/g, "")
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !["nhs", "foundation", "trust", "and", "of", "the", "cic", "teaching", "university"].includes(w));
    return distinctive.length > 0 && distinctive.every((w) => words.has(w));
  });
  // "Birmingham" inside "Birmingham and Solihull": the longer name is the one meant.
  return found.filter((r) => !found.some((other) => other !== r && other.body.name.length > r.body.name.length && other.body.name.toLowerCase().includes(r.body.name.toLowerCase())));
}

/**
 * Step one: the addresses in the pasted text, each matched to a recipient of the batch or
 * refused with the reason. Writes nothing.
 */
export async function checkPastedAddresses(actor: Actor, batchId: string, input: unknown): Promise<PasteBackPlan & { text: string; sentOn: string }> {
  await requireRole(actor, "editor");
  const parsed = checkPastedAddressesSchema.safeParse(input);
  if (!parsed.success) throw new BatchValidationError(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "text"), [i.message]])));
  const { text, sentOn } = parsed.data;
  const { batch, recipients } = await loadRecipients(actor.workspaceId, batchId);
  if (batch.state !== "sent") throw new BatchStateError("Send the batch first: its requests are created when it is sent.");

  const base = siteBaseUrl();
  const pasted = extractPastedAddresses(text, base);
  if (pasted.addresses.length === 0) {
    throw new BatchValidationError({ text: [`No WhatDoTheyKnow request address found. Each looks like ${base}/request/...`] }, "No request addresses found in what was pasted.");
  }

  const directory = await db.publicBody.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true, key: true, name: true, shortName: true, odsCode: true } });
  const asMatchable = (b: { id: string; key: string; name: string; shortName: string | null; odsCode: string | null }): MatchableBody => ({
    id: b.id,
    name: b.name,
    shortName: b.shortName,
    odsCode: b.odsCode,
    aliases: aliasesForBodyKey(b.key),
  });
  const recipientBodies = recipients.map((r) => ({ ...asMatchable(r.body), id: r.id }));
  const byId = new Map(recipients.map((r) => [r.id, r]));

  // Addresses already stored on requests in this workspace: an address belongs to one request.
  const known = await db.foiRequest.findMany({
    where: { workspaceId: actor.workspaceId, externalUrl: { in: pasted.addresses.map((a) => a.url) } },
    select: { externalUrl: true, body: { select: { name: true } } },
  });
  const knownBy = new Map(known.map((k) => [k.externalUrl, k.body.name]));

  const rows: PasteBackRow[] = [];
  const claimed = new Map<string, string>();
  for (const address of pasted.addresses) {
    const rowDate = address.sentOn ?? sentOn;
    const refuse = (reason: string) => rows.push({ state: "refused", url: address.url, line: address.line, reason });
    const owner = knownBy.get(address.url);
    if (owner) {
      refuse(`This address is already on the request to ${owner}.`);
      continue;
    }
    let found: Recipient[] = [];
    let how: "body_page" | "name" | "address" = "address";
    let ambiguous: PasteBackCandidate[] | null = null;
    const bySlug = address.bodyUrlName ? recipients.filter((r) => r.body.wdtkSlug && r.body.wdtkSlug === address.bodyUrlName) : [];
    if (bySlug.length === 1) {
      found = bySlug;
      how = "body_page";
    } else if (address.bodyName) {
      how = address.bodyUrlName ? "body_page" : "name";
      const match = matchTrustNames(address.bodyName, recipientBodies);
      if (match.matched.length === 1) found = [byId.get(match.matched[0].bodyId)!];
      else if (match.ambiguous.length === 1) ambiguous = match.ambiguous[0].candidates.map((c) => ({ recipientId: c.bodyId, bodyName: c.bodyName }));
      else {
        // Named, but not a recipient: say which body it is when the directory knows it.
        const elsewhere = matchTrustNames(address.bodyName, directory.map(asMatchable));
        const named = elsewhere.matched[0]?.bodyName;
        refuse(named ? `${named} is not a recipient of this batch.` : `“${address.bodyName}” is not a recipient of this batch.`);
        continue;
      }
    } else {
      found = byAddressWords(address, recipients);
      if (found.length > 1) ambiguous = found.map((r) => ({ recipientId: r.id, bodyName: r.body.name }));
      if (found.length === 0) {
        refuse("The address does not say which body it is for. Paste it with the body's name on the same line, or paste the HTML source of WhatDoTheyKnow's batch page.");
        continue;
      }
    }
    if (ambiguous) {
      const open = ambiguous.filter((c) => blockedReason(batch, byId.get(c.recipientId)!) === null);
      if (open.length === 0) refuse(`Every body it could be is already marked as sent or does not go via WhatDoTheyKnow: ${ambiguous.map((c) => c.bodyName).join(", ")}.`);
      else rows.push({ state: "ambiguous", url: address.url, line: address.line, sentOn: rowDate, candidates: open });
      continue;
    }
    const recipient = found[0];
    const blocked = blockedReason(batch, recipient);
    if (blocked) {
      refuse(blocked);
      continue;
    }
    const earlier = claimed.get(recipient.id);
    if (earlier) {
      refuse(`A second address for ${recipient.body.name}: ${earlier} is already matched to it.`);
      continue;
    }
    claimed.set(recipient.id, address.url);
    rows.push({ state: "matched", url: address.url, line: address.line, sentOn: rowDate, recipientId: recipient.id, bodyName: recipient.body.name, how });
  }
  return { rows, notAddresses: pasted.notAddresses, text, sentOn };
}

/**
 * Step two: the confirmed addresses, each stored as its request's address and marked sent on
 * its own date, in ONE transaction: one that cannot be (already sent, a date in the future, a
 * recipient named twice) and none is.
 */
export async function markPastedSent(actor: Actor, batchId: string, input: unknown): Promise<{ marked: number }> {
  await requireRole(actor, "editor");
  const parsed = markPastedSentSchema.safeParse(input);
  if (!parsed.success) throw new BatchValidationError({ rows: [parsed.error.issues[0]?.message ?? "Check the addresses."] }, parsed.error.issues[0]?.message);
  const base = siteBaseUrl();
  const today = todayInLondon();

  return db.$transaction(
    async (tx) => {
      const batch = await tx.batch.findFirst({ where: { id: batchId, workspaceId: actor.workspaceId }, select: { id: true, state: true, channel: true, sentAt: true } });
      if (!batch) throw new BatchStateError("That batch is not in this workspace.");
      if (batch.state !== "sent") throw new BatchStateError("Send the batch first: its requests are created when it is sent.");
      const recipients = await tx.batchRecipient.findMany({
        where: { batchId, workspaceId: actor.workspaceId, id: { in: parsed.data.rows.map((r) => r.recipientId) } },
        select: {
          id: true,
          channel: true,
          body: { select: { id: true, key: true, name: true, shortName: true, odsCode: true, wdtkSlug: true } },
          request: { select: { id: true, status: true, sentAt: true, externalUrl: true, deletedAt: true, letter: true, title: true } },
        },
      });
      const byId = new Map(recipients.map((r) => [r.id, r]));
      const problems: string[] = [];
      const seenRecipients = new Set<string>();
      const seenUrls = new Set<string>();
      const letters = [];
      const updates: Array<{ requestId: string; url: string }> = [];
      for (const row of parsed.data.rows) {
        const recipient = byId.get(row.recipientId);
        const address = parseRequestAddress(row.url, base);
        if (!recipient) {
          problems.push("One of the chosen recipients is not in this batch.");
          continue;
        }
        const name = recipient.body.name;
        if (!address) problems.push(`${row.url} is not a request address on ${base}.`);
        else if (seenUrls.has(address.url)) problems.push(`${address.url} is chosen for two recipients.`);
        if (seenRecipients.has(recipient.id)) problems.push(`${name} is chosen for two addresses.`);
        const blocked = blockedReason(batch, recipient);
        if (blocked) problems.push(blocked);
        if (row.sentOn > today) problems.push(`The date for ${name} is in the future.`);
        else if (batch.sentAt && row.sentOn < receiptDate(batch.sentAt)) problems.push(`The date for ${name} is before the batch was sent (${receiptDate(batch.sentAt)}).`);
        seenRecipients.add(recipient.id);
        if (!address || !recipient.request) continue;
        seenUrls.add(address.url);
        updates.push({ requestId: recipient.request.id, url: address.url });
        letters.push({
          requestId: recipient.request.id,
          workspaceId: actor.workspaceId,
          sentAt: londonInstant(row.sentOn),
          message: { text: recipient.request.letter, subject: recipient.request.title, toAddress: null, fromName: null },
          createdById: actor.userId,
        });
      }
      if (updates.length) {
        const taken = await tx.foiRequest.findMany({
          where: { workspaceId: actor.workspaceId, externalUrl: { in: updates.map((u) => u.url) }, id: { notIn: updates.map((u) => u.requestId) } },
          select: { externalUrl: true, body: { select: { name: true } } },
        });
        for (const t of taken) problems.push(`${t.externalUrl} is already on the request to ${t.body.name}.`);
      }
      if (problems.length > 0) throw new BatchValidationError({ rows: problems }, `Nothing was marked as sent: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`);

      await tx.$executeRaw`
        UPDATE "FoiRequest" AS r SET "externalUrl" = v.url
        FROM (SELECT unnest(${updates.map((u) => u.requestId)}::text[]) AS id, unnest(${updates.map((u) => u.url)}::text[]) AS url) AS v
        WHERE r.id = v.id AND r."workspaceId" = ${actor.workspaceId}`;
      const marked = await markSent(letters, tx);
      if (marked.size !== letters.length) throw new BatchStateError("Some of these letters were marked as sent by someone else meanwhile: nothing was changed. Check the list again.");
      await recordAudit(
        {
          workspaceId: actor.workspaceId,
          userId: actor.userId,
          action: "batch.recipients.sent_pasted",
          entity: "Batch",
          entityId: batch.id,
          data: { marked: letters.length, addresses: updates.map((u) => u.url) },
        },
        tx,
      );
      return { marked: letters.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
