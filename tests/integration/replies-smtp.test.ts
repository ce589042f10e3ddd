import crypto from "node:crypto";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRequest } from "@/lib/requests/create-request";
import { inboundAddress } from "@/lib/replies/inbound-address";
import { startInboundSmtp } from "@/lib/replies/smtp-listener";
import { makeMember, makeWorkspace } from "../support/factories";

let listener: { port: number; close: () => Promise<void> };
const errors: Error[] = [];

beforeAll(async () => {
  // A free port, as the other in-process mail servers of the tests use.
  listener = await startInboundSmtp(0, "127.0.0.1", { onError: (e) => errors.push(e) });
});
afterAll(async () => listener.close());

const transport = () => nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });

async function campaign() {
  const ws = await makeWorkspace({ withDirectory: true });
  const editor = await makeMember(ws.id, "editor");
  const body = await db.publicBody.findFirstOrThrow({ where: { workspaceId: ws.id, key: "oxleas" }, select: { id: true } });
  await db.publicBody.update({ where: { id: body.id }, data: { foiEmail: "foi@oxleas.example.nhs.uk" } });
  const created = await createRequest(editor, { title: "Band 7 posts", letter: "Dear trust", law: "foia", channel: "email", bodyId: body.id, sentDate: "2021-08-02" });
  if (!created.ok) throw new Error("not created");
  const letterId = `${crypto.randomUUID()}@foi-tracker.test`;
  await db.delivery.create({
    data: { workspaceId: ws.id, requestId: created.requestId, toAddress: "foi@oxleas.example.nhs.uk", subject: "Band 7 posts", text: "Dear trust", messageId: `<${letterId}>`, transport: "smtp", state: "sent", dedupeKey: `request:${created.requestId}` },
  });
  return { ws, requestId: created.requestId, letterId };
}

describe("the inbound SMTP route", () => {
  it("files a reply sent by a real SMTP client to the workspace's address, once, with its attachment", async () => {
    const c = await campaign();
    const mail = {
      from: "Oxleas FOI <foi@oxleas.example.nhs.uk>",
      to: inboundAddress(c.ws.slug),
      subject: "RE: Band 7 posts",
      inReplyTo: `<${c.letterId}>`,
      references: [`<${c.letterId}>`],
      messageId: `<${crypto.randomUUID()}@oxleas.example.nhs.uk>`,
      date: new Date("2021-08-27T10:00:00Z"),
      text: "We need to extend the deadline and now aim to respond by 20 September 2021.",
      attachments: [{ filename: "letter.pdf", content: Buffer.from("%PDF-1.4\n%%EOF\n"), contentType: "application/pdf" }],
    };
    await transport().sendMail(mail);
    await transport().sendMail(mail);
    const stored = await db.message.findMany({ where: { workspaceId: c.ws.id, source: "smtp" }, select: { requestId: true, review: true, suggestion: true, _count: { select: { attachments: true } } } });
    expect(stored).toEqual([{ requestId: c.requestId, review: "pending", suggestion: expect.objectContaining({ kind: "extension", newDueOn: "2021-09-20" }), _count: { attachments: 1 } }]);
    expect(errors).toEqual([]);
  });

  it("refuses mail for an address that is not a workspace's", async () => {
    await expect(transport().sendMail({ from: "a@example.org", to: `nobody-${crypto.randomUUID().slice(0, 6)}@localhost`, subject: "x", text: "x" })).rejects.toThrow(/550/);
    await expect(transport().sendMail({ from: "a@example.org", to: "someone@elsewhere.example", subject: "x", text: "x" })).rejects.toThrow(/550/);
  });

  it("a Postfix bounce marks our letter failed with the server's reason and raises an alert", async () => {
    const c = await campaign();
    const boundary = "B0UND";
    const dsn = [
      "From: MAILER-DAEMON@mail.example.org (Mail Delivery System)",
      `To: ${inboundAddress(c.ws.slug)}`,
      "Subject: Undelivered Mail Returned to Sender",
      "Auto-Submitted: auto-replied",
      `Message-ID: <${crypto.randomUUID()}@mail.example.org>`,
      "Date: Tue, 3 Aug 2021 09:00:00 +0100",
      "MIME-Version: 1.0",
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: text/plain",
      "",
      "I'm sorry to have to inform you that your message could not be delivered.",
      "<foi@oxleas.example.nhs.uk>: host mx.oxleas.example.nhs.uk said: 550 5.1.1 User unknown",
      "",
      `--${boundary}`,
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mail.example.org",
      "",
      "Final-Recipient: rfc822; foi@oxleas.example.nhs.uk",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 <foi@oxleas.example.nhs.uk>: Recipient address rejected: User unknown",
      "",
      `--${boundary}`,
      "Content-Type: text/rfc822-headers",
      "",
      `Message-ID: <${c.letterId}>`,
      "Subject: Band 7 posts",
      "",
      `--${boundary}--`,
      "",
    ].join("\r\n");
    await transport().sendMail({ envelope: { from: "", to: inboundAddress(c.ws.slug) }, raw: dsn });
    const delivery = await db.delivery.findFirstOrThrow({ where: { requestId: c.requestId } });
    expect(delivery.state).toBe("failed");
    expect(delivery.lastError).toContain("Recipient address rejected: User unknown");
    expect(await db.alert.count({ where: { requestId: c.requestId, kind: "letter_bounced" } })).toBe(1);
    const message = await db.message.findFirstOrThrow({ where: { workspaceId: c.ws.id, source: "smtp" } });
    expect(message).toMatchObject({ requestId: c.requestId, review: "none", suggestion: null });
  });
});
