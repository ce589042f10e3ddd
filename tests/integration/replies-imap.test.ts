import crypto from "node:crypto";
import net from "node:net";
import hoodiecrow from "hoodiecrow-imap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/auth/errors";
import { createRequest } from "@/lib/requests/create-request";
import { checkImapMailbox } from "@/lib/replies/imap";
import { getImapMailbox, saveImapMailbox } from "@/lib/replies/imap-settings";
import { pollMailbox } from "@/lib/replies/imap-poll";
import { makeMember, makeWorkspace } from "../support/factories";

// A real IMAP server in this process (hoodiecrow-imap, made for testing IMAP clients), spoken
// to by the app's own client (imapflow) over TCP.
const server = hoodiecrow({
  plugins: ["ID", "SASL-IR", "AUTH-PLAIN", "NAMESPACE", "ENABLE", "LITERALPLUS", "UNSELECT", "SPECIAL-USE"],
  storage: { INBOX: { messages: [] }, "": { folders: { Archive: { messages: [] } } } },
  users: { campaign: { password: "app-password-123" } },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as { port: number }).port;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

const settings = (overrides: Record<string, unknown> = {}) => ({ host: "127.0.0.1", port, security: "none" as const, username: "campaign", password: "app-password-123", folder: "INBOX", ...overrides });

function reply(letterId: string, n: number): string {
  return [
    "From: Oxleas FOI <foi@oxleas.example.nhs.uk>",
    "To: campaign@lxp.example",
    `Subject: RE: Band 7 posts (${n})`,
    `Message-ID: <reply-${n}-${letterId}>`,
    `In-Reply-To: <${letterId}>`,
    "Date: Fri, 27 Aug 2021 10:00:00 +0100",
    "",
    "Thank you for your request, which we received on 2 August 2021. You should receive a response by 31 August 2021.",
    "",
  ].join("\r\n");
}

async function campaign() {
  const ws = await makeWorkspace({ withDirectory: true });
  const owner = await makeMember(ws.id, "owner");
  const editor = await makeMember(ws.id, "editor");
  const body = await db.publicBody.findFirstOrThrow({ where: { workspaceId: ws.id, key: "oxleas" }, select: { id: true } });
  const created = await createRequest(owner, { title: "Band 7 posts", letter: "Dear trust", law: "foia", channel: "email", bodyId: body.id, sentDate: "2021-08-02" });
  if (!created.ok) throw new Error("not created");
  const letterId = `${crypto.randomUUID()}@foi-tracker.test`;
  await db.delivery.create({ data: { workspaceId: ws.id, requestId: created.requestId, toAddress: "foi@oxleas.example.nhs.uk", subject: "x", text: "x", messageId: `<${letterId}>`, transport: "smtp", state: "sent" } });
  return { ws, owner, editor, requestId: created.requestId, letterId };
}

describe("the campaign mailbox over IMAP", () => {
  it("names the step that failed: login, folder, connection, DNS", async () => {
    expect(await checkImapMailbox(settings())).toMatchObject({ ok: true });
    expect(await checkImapMailbox(settings({ password: "wrong" }))).toMatchObject({ ok: false, stage: "login", field: "password" });
    expect(await checkImapMailbox(settings({ folder: "Replies" }))).toMatchObject({ ok: false, stage: "folder", field: "folder" });
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer();
      probe.listen(0, "127.0.0.1", () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    expect(await checkImapMailbox(settings({ port: closed }))).toMatchObject({ ok: false, stage: "connection", field: "port" });
    expect(await checkImapMailbox(settings({ host: "no-such-host.invalid" }))).toMatchObject({ ok: false, stage: "dns", field: "host" });
  });

  it("saves only a mailbox that works, owners only, and never shows or stores the password in clear", async () => {
    const c = await campaign();
    await expect(saveImapMailbox(c.editor, settings())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await saveImapMailbox(c.owner, settings({ password: "wrong" }))).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringMatching(/login failed/)] } });
    expect(await db.imapMailbox.count({ where: { workspaceId: c.ws.id } })).toBe(0);
    expect(await saveImapMailbox(c.owner, settings())).toMatchObject({ ok: true });
    const row = await db.imapMailbox.findUniqueOrThrow({ where: { workspaceId: c.ws.id } });
    expect(row.passwordEncrypted).not.toContain("app-password-123");
    expect(JSON.stringify(await getImapMailbox(c.owner))).not.toContain("app-password");
    const audit = await db.auditLog.findFirstOrThrow({ where: { workspaceId: c.ws.id, action: "workspace.imap_set" } });
    expect(JSON.stringify(audit.data)).not.toContain("app-password");
    // A blank password keeps the saved one.
    expect(await saveImapMailbox(c.owner, { ...settings(), password: "" })).toMatchObject({ ok: true });
  });

  it("files each new message once, remembers where it got to, and survives a crash before remembering", async () => {
    const c = await campaign();
    expect(await saveImapMailbox(c.owner, settings())).toMatchObject({ ok: true });
    server.appendMessage("INBOX", [], new Date("2021-08-27T09:00:00Z"), reply(c.letterId, 1));
    server.appendMessage("INBOX", [], new Date("2021-08-27T09:05:00Z"), reply(c.letterId, 2));
    expect(await pollMailbox(c.ws.id)).toMatchObject({ filed: 2, error: null });
    const count = () => db.message.count({ where: { workspaceId: c.ws.id, source: "imap", requestId: c.requestId } });
    expect(await count()).toBe(2);
    expect(await pollMailbox(c.ws.id)).toMatchObject({ filed: 0 });
    server.appendMessage("INBOX", [], new Date("2021-08-28T09:00:00Z"), reply(c.letterId, 3));
    expect(await pollMailbox(c.ws.id)).toMatchObject({ filed: 1 });
    expect(await count()).toBe(3);
    // As if the worker died after storing but before remembering the UIDs: read again, stored once.
    await db.imapMailbox.update({ where: { workspaceId: c.ws.id }, data: { lastUid: 0n } });
    expect(await pollMailbox(c.ws.id)).toMatchObject({ error: null });
    expect(await count()).toBe(3);
    // The folder rebuilt (a new UIDVALIDITY): everything is read again, nothing duplicated.
    server.getMailbox("INBOX")!.uidvalidity += 1;
    expect(await pollMailbox(c.ws.id)).toMatchObject({ error: null });
    expect(await count()).toBe(3);
  });

  it("records what went wrong when the mailbox stops working", async () => {
    const c = await campaign();
    expect(await saveImapMailbox(c.owner, settings())).toMatchObject({ ok: true });
    await db.imapMailbox.update({ where: { workspaceId: c.ws.id }, data: { folder: "Gone" } });
    const result = await pollMailbox(c.ws.id);
    expect(result?.error).toBeTruthy();
    expect((await getImapMailbox(c.owner))?.lastError).toBe(result?.error);
  });
});
