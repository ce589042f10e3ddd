import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkImapMailbox } from "@/lib/replies/imap";
import { decryptSecret, encryptSecret } from "@/lib/replies/secret-box";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

export const imapSettingsSchema = z.object({
  host: z.string({ message: "Enter the mail server, e.g. imap.gmail.com." }).trim().min(1, "Enter the mail server, e.g. imap.gmail.com.").max(253).regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/i, "Enter a host name such as imap.gmail.com, without https:// or a port."),
  port: z.preprocess(blank, z.coerce.number({ message: "Enter a port: 993 for TLS, 143 for STARTTLS." }).int("Enter a whole number.").min(1, "Enter a port from 1 to 65535.").max(65535, "Enter a port from 1 to 65535.").default(993)),
  security: z.enum(["tls", "starttls", "none"], { message: "Choose how the connection is secured." }),
  username: z.string({ message: "Enter the mailbox's user name (usually its address)." }).trim().min(1, "Enter the mailbox's user name (usually its address).").max(320),
  // Blank keeps the saved one: it is never shown again, so the form cannot fill it in.
  password: z.preprocess((v) => (typeof v === "string" && v !== "" ? v : undefined), z.string().max(1000).optional()),
  folder: z.preprocess(blank, z.string().max(200).default("INBOX")),
});

export type ImapMailboxView = {
  host: string;
  port: number;
  security: "tls" | "starttls" | "none";
  username: string;
  folder: string;
  lastPolledAt: Date | null;
  lastError: string | null;
};

/** The saved settings, without the password (owners only). */
export async function getImapMailbox(actor: Actor): Promise<ImapMailboxView | null> {
  await requireRole(actor, "owner");
  return db.imapMailbox.findUnique({
    where: { workspaceId: actor.workspaceId },
    select: { host: true, port: true, security: true, username: true, folder: true, lastPolledAt: true, lastError: true },
  });
}

export type SaveImapResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/**
 * Tests the mailbox step by step (DNS, connection and TLS, login, folder) and, unless only
 * testing, saves it with the password encrypted. Nothing is saved when the test fails: the
 * step that failed is named next to its field.
 */
export async function saveImapMailbox(actor: Actor, input: unknown, options: { testOnly?: boolean } = {}): Promise<SaveImapResult> {
  await requireRole(actor, "owner");
  const parsed = imapSettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Check the answers marked below.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const data = parsed.data;
  const saved = await db.imapMailbox.findUnique({ where: { workspaceId: actor.workspaceId }, select: { passwordEncrypted: true, host: true, username: true, folder: true } });
  const password = data.password ?? (saved ? decryptSecret(saved.passwordEncrypted) : null);
  if (!password) return { ok: false, message: "Check the answers marked below.", fieldErrors: { password: ["Enter the mailbox's password (an app password for Gmail or Microsoft 365)."] } };
  const check = await checkImapMailbox({ ...data, password });
  if (!check.ok) return { ok: false, message: check.message, fieldErrors: { [check.field]: [check.message] } };
  const connected = `Connected: the folder ${data.folder} has ${check.messages} message${check.messages === 1 ? "" : "s"}.`;
  if (options.testOnly) return { ok: true, message: connected };
  // Another server, account or folder: its UIDs mean nothing here, so reading starts afresh.
  const moved = !saved || saved.host !== data.host || saved.username !== data.username || saved.folder !== data.folder;
  const fields = { host: data.host, port: data.port, security: data.security, username: data.username, folder: data.folder, passwordEncrypted: encryptSecret(password), lastError: null };
  await db.$transaction(async (tx) => {
    await tx.imapMailbox.upsert({
      where: { workspaceId: actor.workspaceId },
      create: { workspaceId: actor.workspaceId, ...fields },
      update: { ...fields, ...(moved ? { uidValidity: null, lastUid: 0n } : {}) },
    });
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "workspace.imap_set", entity: "Workspace", entityId: actor.workspaceId, data: { host: data.host, port: data.port, security: data.security, username: data.username, folder: data.folder } },
      tx,
    );
  });
  return { ok: true, message: `${connected} Saved: the app reads it every minute.` };
}

export async function removeImapMailbox(actor: Actor): Promise<void> {
  await requireRole(actor, "owner");
  await db.$transaction(async (tx) => {
    const { count } = await tx.imapMailbox.deleteMany({ where: { workspaceId: actor.workspaceId } });
    if (count) await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "workspace.imap_remove", entity: "Workspace", entityId: actor.workspaceId }, tx);
  });
}
