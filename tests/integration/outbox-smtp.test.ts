import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { db } from "@/lib/db/client";
import { CLAIM_LEASE_MINUTES, deliver, markExpiredClaimsUnconfirmed, OUTBOX_CONCURRENCY, processOutbox, queueMail, queueMails } from "@/lib/mail/send-mail";
import { closeSmtpTransport, POOL_CONNECTIONS, SMTP_TIMEOUT_MS } from "@/lib/mail/transport";
import { unique } from "../support/factories";

// A real SMTP server in-process: the outbox talks to it over TCP like it would to any relay.
const received: Array<{ messageId: string; to: string; subject: string }> = [];
let reject: { code: number; message: string } | null = null;
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(_address, _session, callback) {
      if (reject) {
        const error = Object.assign(new Error(reject.message), { responseCode: reject.code });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({ messageId: mail.messageId ?? "", to: (mail.to && !Array.isArray(mail.to) ? mail.to.text : ""), subject: mail.subject ?? "" });
        callback();
      }, callback);
    },
  });
  // A reset connection from a client that went away is not the server failing.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as { port: number }).port;
  const { env } = await import("@/lib/env");
  // The transport reads SMTP_URL when it is first used.
  Object.assign(env(), { SMTP_URL: `smtp://127.0.0.1:${port}` });
});

afterAll(async () => {
  const { env } = await import("@/lib/env");
  Object.assign(env(), { SMTP_URL: undefined });
  closeSmtpTransport();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("outbox over real SMTP", () => {
  it("delivers once with its stable Message-ID; a second deliver() of the same row sends nothing", async () => {
    const to = `${unique("trust")}@example.org`;
    const id = await queueMail({ to, subject: "FOI request [FOI #1]", text: "Dear trust" });
    const row = await db.delivery.findUniqueOrThrow({ where: { id }, select: { messageId: true, transport: true } });
    expect(row.transport).toBe("smtp");
    expect(await deliver(id)).toBe("sent");
    expect(await deliver(id)).toBe("skipped");
    const copies = received.filter((m) => m.to === to);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.messageId).toBe(row.messageId);
  });

  it("retries a temporary refusal (4xx) later and stops on a permanent one (5xx) with the reason", async () => {
    const to = `${unique("busy")}@example.org`;
    reject = { code: 451, message: "Try again later" };
    const id = await queueMail({ to, subject: "Temporary", text: "x" });
    expect(await deliver(id)).toBe("retry");
    const waiting = await db.delivery.findUniqueOrThrow({ where: { id }, select: { state: true, attempts: true, lastError: true, nextAttempt: true } });
    expect(waiting).toMatchObject({ state: "pending", attempts: 1 });
    expect(waiting.lastError).toMatch(/Try again later/);
    expect(waiting.nextAttempt.getTime()).toBeGreaterThan(Date.now());
    reject = null;
    expect(await deliver(id)).toBe("skipped"); // not before its retry time
    await db.delivery.update({ where: { id }, data: { nextAttempt: new Date(Date.now() - 1000) } });
    expect(await deliver(id)).toBe("sent");
    expect(received.filter((m) => m.to === to)).toHaveLength(1);

    const refusedTo = `${unique("gone")}@example.org`;
    reject = { code: 550, message: "No such mailbox" };
    const refused = await queueMail({ to: refusedTo, subject: "Permanent", text: "x" });
    expect(await deliver(refused)).toBe("failed");
    reject = null;
    const failed = await db.delivery.findUniqueOrThrow({ where: { id: refused }, select: { state: true, lastError: true } });
    expect(failed.state).toBe("failed");
    expect(failed.lastError).toMatch(/No such mailbox/);
    expect(received.filter((m) => m.to === refusedTo)).toHaveLength(0);
  });

  it("keeps no usable token after sending a sign-in link", async () => {
    const to = `${unique("link")}@example.org`;
    const id = await queueMail({ to, subject: "Your sign-in link", text: "http://localhost/x?token=secret", redactAfterSend: true });
    expect(await deliver(id)).toBe("sent");
    const sent = await db.delivery.findUniqueOrThrow({ where: { id }, select: { text: true } });
    expect(sent.text).not.toContain("secret");
  });

  it("never resends a letter's claim left by a dead worker: it becomes unconfirmed, for a person to decide", async () => {
    const stuckTo = `${unique("stuck")}@example.org`;
    const stuck = await queueMail({ to: stuckTo, subject: "Stuck", text: "x", dedupeKey: `request:${unique("stuck")}` });
    // Claimed nine minutes ago: still within the lease, so another worker leaves it alone.
    await db.delivery.update({ where: { id: stuck }, data: { state: "sending", claimedAt: new Date(Date.now() - 9 * 60_000), attempts: 1 } });
    await processOutbox();
    expect((await db.delivery.findUniqueOrThrow({ where: { id: stuck }, select: { state: true } })).state).toBe("sending");
    // Eleven minutes: the worker died between the SMTP conversation and recording it.
    await db.delivery.update({ where: { id: stuck }, data: { claimedAt: new Date(Date.now() - 11 * 60_000) } });
    await processOutbox();
    const row = await db.delivery.findUniqueOrThrow({ where: { id: stuck }, select: { state: true, lastError: true, attempts: true } });
    expect(row).toMatchObject({ state: "unconfirmed", attempts: 1 });
    expect(row.lastError).toMatch(/could not confirm this letter was sent/);
    expect(await deliver(stuck)).toBe("skipped");
    await processOutbox();
    expect(received.filter((m) => m.to === stuckTo)).toHaveLength(0);
  });

  it("a sign-in link, invitation or digest left by a dead worker goes back to pending and is sent once", async () => {
    const keys = ["signin", "invite", "digest"].map((k) => `${unique(k)}:1`);
    const ids = [
      ...(await Promise.all(keys.map((dedupeKey) => queueMail({ to: `${dedupeKey.replace(/:/g, "-")}@example.org`, subject: "Harmless", text: "x", dedupeKey })))),
      await queueMail({ to: `${unique("nokey")}@example.org`, subject: "Harmless", text: "x" }),
    ];
    const chaser = await queueMail({ to: `${unique("chaser")}@example.org`, subject: "Chaser", text: "x", dedupeKey: `chaser:${unique("c")}:2021-10-05` });
    await db.delivery.updateMany({ where: { id: { in: [...ids, chaser] } }, data: { state: "sending", claimedAt: new Date(Date.now() - 11 * 60_000), attempts: 1 } });
    expect(await markExpiredClaimsUnconfirmed()).toBe(1);
    const rows = await db.delivery.findMany({ where: { id: { in: ids } }, select: { state: true, claimedAt: true } });
    expect(rows.every((r) => r.state === "pending" && r.claimedAt === null)).toBe(true);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: chaser } })).state).toBe("unconfirmed");
    await processOutbox();
    const sent = await db.delivery.findMany({ where: { id: { in: ids } }, select: { state: true, messageId: true } });
    expect(sent.every((r) => r.state === "sent")).toBe(true);
    for (const row of sent) expect(received.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: chaser } })).state).toBe("unconfirmed");
  });

  it("gives up on a silent relay well within the claim lease, even queued behind a full pool", () => {
    // Connect, greeting and socket timeouts each apply once per message; a lane may wait for
    // one other message on its connection first.
    const queuedBehind = Math.ceil(OUTBOX_CONCURRENCY / POOL_CONNECTIONS);
    expect(3 * SMTP_TIMEOUT_MS * queuedBehind).toBeLessThan(CLAIM_LEASE_MINUTES * 60_000);
  });

  it("queues many in one statement, once per dedupe key, and sends them concurrently, each once", async () => {
    const tag = unique("many");
    const mails = Array.from({ length: 12 }, (_, i) => ({ to: `${tag}-${i}@example.org`, subject: `Letter ${i}`, text: "x", dedupeKey: `${tag}:${i}` }));
    expect(await queueMails(mails)).toBe(12);
    expect(await queueMails(mails.slice(0, 3))).toBe(0);
    expect(await queueMail(mails[0]!)).toBe((await db.delivery.findUniqueOrThrow({ where: { dedupeKey: `${tag}:0` } })).id);
    await processOutbox(50, { concurrency: 4 });
    const rows = await db.delivery.findMany({ where: { dedupeKey: { startsWith: `${tag}:` } }, select: { state: true, messageId: true } });
    expect(rows.every((r) => r.state === "sent")).toBe(true);
    for (const row of rows) expect(received.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
  });

  it("two workers draining at once send each message once (claims skip each other's rows)", async () => {
    const tag = unique("race");
    await queueMails(Array.from({ length: 20 }, (_, i) => ({ to: `${tag}-${i}@example.org`, subject: `Race ${i}`, text: "x", dedupeKey: `${tag}:${i}` })));
    const [a, b] = await Promise.all([processOutbox(100, { concurrency: 3 }), processOutbox(100, { concurrency: 3 })]);
    const rows = await db.delivery.findMany({ where: { dedupeKey: { startsWith: `${tag}:` } }, select: { state: true, messageId: true } });
    expect(a + b).toBe(20);
    expect(rows.every((r) => r.state === "sent")).toBe(true);
    for (const row of rows) expect(received.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
  });

  it("refuses to queue a message with a bad address", async () => {
    await expect(queueMail({ to: "not-an-address", subject: "x", text: "x" })).rejects.toThrow();
  });
});
