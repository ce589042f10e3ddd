// Batches' integration fixtures: a campaign like the seeded one (the NHS England request with
// every trust's outcome), and a real SMTP server in-process that counts by Message-ID.
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { db } from "@/lib/db/client";
import { processOutbox } from "@/lib/mail/send-mail";
import { now } from "@/lib/time";
import { NHSE_REFERENCE } from "@/lib/seed/seed-database";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";
import { seedBodies } from "@/prisma/seed/bodies";
import { makeMember, makeWorkspace } from "./factories";

/** A test address for a trust's FOI team (the seeds have none: they are never invented). */
export const foiEmailFor = (key: string) => `foi.${key}@trusts.example.org`;

/**
 * A workspace with the directory, an owner, an editor and a viewer, and the NHS England
 * request (sent 2 August 2021, answered) with the outcome of each of the 55 trusts.
 * withEmails gives every trust an FOI email address.
 */
export async function makeCampaign(options: { withEmails?: boolean; mailbox?: string | null } = {}) {
  const workspace = await makeWorkspace({ withDirectory: true });
  if (options.mailbox !== undefined) await db.workspace.update({ where: { id: workspace.id }, data: { mailbox: options.mailbox } });
  const owner = await makeMember(workspace.id, "owner");
  const editor = await makeMember(workspace.id, "editor");
  const viewer = await makeMember(workspace.id, "viewer");
  const bodies = await db.publicBody.findMany({ where: { workspaceId: workspace.id }, select: { id: true, key: true, name: true } });
  const ids = new Map(bodies.map((b) => [b.key, b.id]));
  if (options.withEmails) {
    await db.$transaction(bodies.filter((b) => b.key !== "nhs-england").map((b) => db.publicBody.update({ where: { id: b.id }, data: { foiEmail: foiEmailFor(b.key) } })));
  }
  const sentAt = new Date("2021-08-02T12:00:00Z");
  const parent = await db.foiRequest.create({
    data: {
      workspaceId: workspace.id,
      bodyId: ids.get("nhs-england")!,
      title: "Funding for Band 7 LXP KUF roles in England",
      letter: "Dear NHS England, ...",
      channel: "whatdotheyknow",
      authorityRef: NHSE_REFERENCE,
      status: "successful",
      sentAt,
      events: {
        create: [
          { workspaceId: workspace.id, kind: "sent", occurredAt: sentAt },
          { workspaceId: workspace.id, kind: "response_successful", occurredAt: new Date("2021-08-31T12:00:00Z"), approximate: true },
        ],
      },
    },
    select: { id: true },
  });
  await unsafeRecomputeClock(parent.id);
  await db.bodyOutcome.createMany({
    data: seedBodies.filter((b) => b.kufOutcome).map((b) => ({ workspaceId: workspace.id, requestId: parent.id, bodyId: ids.get(b.key)!, outcome: b.kufOutcome! })),
  });
  const notApplied = seedBodies.filter((b) => b.kufOutcome === "did_not_apply" || b.kufOutcome === "applied_withdrew");
  return { workspace, owner, editor, viewer, ids, parentId: parent.id, notApplied };
}

export interface ReceivedMessage {
  messageId: string;
  to: string;
  from: string;
  replyTo: string;
  subject: string;
  text: string;
  inReplyTo: string;
  references: string[];
}

export interface TestSmtpServer {
  port: number;
  url: string;
  received: ReceivedMessage[];
  /** How many times each Message-ID was accepted. */
  countsByMessageId: () => Map<string, number>;
  /** Decides, per message, whether the server refuses it (code 4xx or 5xx) at RCPT TO. */
  refuse: ((to: string) => { code: number; message: string } | null) | null;
  /** Milliseconds to wait before accepting each message's data. */
  delayMs: number;
  close: () => Promise<void>;
}

/** A real SMTP server on a free port; what it accepts is parsed and kept in `received`. */
export async function startSmtpServer(options: { delayMs?: number; parse?: boolean } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMessage[] = [];
  const state: TestSmtpServer = {
    port: 0,
    url: "",
    received,
    countsByMessageId: () => {
      const counts = new Map<string, number>();
      for (const m of received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      return counts;
    },
    refuse: null,
    delayMs: options.delayMs ?? 0,
    close: async () => {},
  };
  const parse = options.parse ?? true;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // No DNS lookup of 127.0.0.1 per connection: the server should be as fast as it can be.
    disableReverseLookup: true,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const refusal = state.refuse?.(address.address);
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      callback();
    },
    onData(stream, _session, callback) {
      const done = (message: ReceivedMessage) => {
        const accept = () => {
          received.push(message);
          callback();
        };
        if (state.delayMs > 0) setTimeout(accept, state.delayMs);
        else accept();
      };
      if (!parse) {
        // The benchmark only needs the Message-ID header: skip the full MIME parse.
        let head = "";
        stream.on("data", (chunk: Buffer) => {
          if (head.length < 4096) head += chunk.toString("utf8");
        });
        stream.on("end", () => done({ messageId: /^Message-ID:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? "", to: "", from: "", replyTo: "", subject: "", text: "", inReplyTo: "", references: [] }));
        return;
      }
      simpleParser(stream).then(
        (mail) =>
          done({
            messageId: mail.messageId ?? "",
            to: mail.to && !Array.isArray(mail.to) ? mail.to.text : "",
            from: mail.from?.text ?? "",
            replyTo: mail.replyTo?.text ?? "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            inReplyTo: mail.inReplyTo ?? "",
            references: typeof mail.references === "string" ? [mail.references] : (mail.references ?? []),
          }),
        callback,
      );
    },
  });
  // A client that dies mid-conversation (the SIGKILLed worker) resets its connection: that is
  // what some tests do on purpose, not a failure of the server.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") console.error(`[test smtp] ${error.message}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.server.address() as { port: number }).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** Runs the outbox until nothing is due (what the worker does every few seconds). */
export async function drain(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await processOutbox(200);
    const due = await db.delivery.count({ where: { state: "pending", nextAttempt: { lte: now() } } });
    if (due === 0) return;
  }
  throw new Error("The outbox did not drain.");
}

/** Polls `check` every 20 ms until it holds, or fails naming `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
