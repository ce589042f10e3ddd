import "server-only";
import { db } from "@/lib/db/client";
import { now } from "@/lib/time";
import { fileReply } from "@/lib/replies/file-reply";
import { describeImapFailure, imapClient } from "@/lib/replies/imap";
import { parseIncomingMail } from "@/lib/replies/parse-mail";
import { decryptSecret } from "@/lib/replies/secret-box";

/** A poll whose worker died is taken over after this long. */
const CLAIM_MINUTES = 10;
/** At most this many messages a poll; the next poll (a minute later) takes the rest. */
const PER_POLL = 500;
/** On the very first read, only mail from this long before the campaign's first letter (or from the last 30 days). */
const FIRST_READ_MARGIN_DAYS = 7;

export interface PollResult {
  workspaceId: string;
  filed: number;
  error: string | null;
}

async function firstReadSince(workspaceId: string): Promise<Date> {
  const first = await db.foiRequest.findFirst({ where: { workspaceId, sentAt: { not: null } }, orderBy: { sentAt: "asc" }, select: { sentAt: true } });
  const from = first?.sentAt ?? new Date(now().getTime() - 30 * 86_400_000);
  return new Date(from.getTime() - FIRST_READ_MARGIN_DAYS * 86_400_000);
}

/**
 * Reads one workspace's mailbox: every message after the last UID remembered, in UID order.
 * Each is stored first (fileReply: once per Message-ID, whatever happens), then its UID
 * remembered, so a crash between the two reads that message again and stores nothing new,
 * and a crash before it loses nothing. A new UIDVALIDITY (the folder was rebuilt) starts again
 * from the first message; Message-IDs keep that from duplicating anything. Returns null when
 * another worker is reading it.
 */
export async function pollMailbox(workspaceId: string, signal?: AbortSignal): Promise<PollResult | null> {
  const started = now();
  const claimed = await db.imapMailbox.updateMany({
    where: { workspaceId, OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(started.getTime() - CLAIM_MINUTES * 60_000) } }] },
    data: { claimedAt: started },
  });
  if (claimed.count === 0) return null;
  const row = await db.imapMailbox.findUniqueOrThrow({ where: { workspaceId } });
  let filed = 0;
  let error: string | null = null;
  const password = decryptSecret(row.passwordEncrypted);
  const settings = { host: row.host, port: row.port, security: row.security, username: row.username, password: password ?? "", folder: row.folder };
  const client = imapClient(settings);
  client.on("error", () => {});
  try {
    if (password === null) throw Object.assign(new Error("The saved password cannot be read (MAIL_SECRET_KEY changed?): an owner must enter it again."), { code: "SECRET" });
    await client.connect();
    const lock = await client.getMailboxLock(row.folder, { readOnly: true });
    try {
      const validity = BigInt(client.mailbox ? client.mailbox.uidValidity : 0);
      let lastUid = row.uidValidity === validity ? row.lastUid : 0n;
      if (row.uidValidity !== validity) await db.imapMailbox.update({ where: { workspaceId }, data: { uidValidity: validity, lastUid: 0n } });
      const found =
        row.uidValidity === null
          ? await client.search({ since: await firstReadSince(workspaceId) }, { uid: true })
          : await client.search({ uid: `${lastUid + 1n}:*` }, { uid: true });
      // "n:*" names the last message even when its UID is below n: only UIDs above the last one count.
      const uids = (found || []).map(BigInt).filter((uid) => uid > lastUid).sort((a, b) => (a < b ? -1 : 1)).slice(0, PER_POLL);
      for (const uid of uids) {
        if (signal?.aborted) break;
        const message = await client.fetchOne(String(uid), { source: true, internalDate: true }, { uid: true });
        if (message && message.source) {
          const received = message.internalDate instanceof Date ? message.internalDate : undefined;
          await fileReply(workspaceId, await parseIncomingMail(message.source, "imap", received));
          filed++;
        }
        // Only after the message is stored.
        await db.imapMailbox.updateMany({ where: { workspaceId, lastUid: { lt: uid } }, data: { lastUid: uid } });
        lastUid = uid;
      }
    } finally {
      lock.release();
    }
  } catch (failure) {
    const coded = failure as Error & { code?: string };
    error = coded.code === "SECRET" ? coded.message : describeImapFailure(failure, settings).message;
  } finally {
    await client.logout().catch(() => client.close());
    await db.imapMailbox.updateMany({ where: { workspaceId, claimedAt: started }, data: { claimedAt: null, lastPolledAt: now(), lastError: error } });
  }
  return { workspaceId, filed, error };
}

/** Every workspace's mailbox, one after the other (the worker's job, once a minute). */
export async function pollAllMailboxes(signal?: AbortSignal): Promise<PollResult[]> {
  const rows = await db.imapMailbox.findMany({ select: { workspaceId: true }, orderBy: { lastPolledAt: { sort: "asc", nulls: "first" } } });
  const results: PollResult[] = [];
  for (const { workspaceId } of rows) {
    if (signal?.aborted) break;
    const result = await pollMailbox(workspaceId, signal);
    if (result) results.push(result);
  }
  return results;
}
