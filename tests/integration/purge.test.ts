// The daily purge against a real database: for each kind of row, one just past its limit
// (gone) and one just inside it (kept).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { queueMail } from "@/lib/mail/send-mail";
import { purgeExpiredData, runScheduledPurge, PURGE_TASK } from "@/lib/retention/purge";
import { sendTo } from "../support/alert-fixtures";
import { makeMember, makeWorkspace, unique } from "../support/factories";

const MINUTE = 60_000;
const DAY = 86_400_000;

async function requestWithEverything(actor: { userId: string; workspaceId: string }, bodyId: string, title: string) {
  const id = await sendTo(actor, bodyId, "2021-08-02", title);
  const { workspaceId } = actor;
  await db.message.create({
    data: {
      workspaceId,
      requestId: id,
      direction: "incoming",
      sentAt: new Date("2021-08-20T10:00:00Z"),
      bodyText: "Our reply",
      attachments: { create: { workspaceId, filename: "reply.pdf", contentType: "application/pdf", size: 3, sha256: "x", data: Buffer.from("pdf") } },
    },
  });
  await queueMail({ to: "foi@trust.example.org", subject: `Chaser ${title}`, text: "Dear trust", workspaceId, requestId: id, dedupeKey: `chaser:${id}:2021-09-01` });
  const alert = await db.alert.create({
    data: { workspaceId, requestId: id, kind: "overdue", cycle: new Date("2021-08-02"), dueOn: new Date("2021-08-31"), raisedOn: new Date("2021-09-01") },
  });
  await db.notification.create({ data: { alertId: alert.id, userId: actor.userId, workspaceId } });
  await db.bodyOutcome.create({ data: { workspaceId, requestId: id, bodyId, outcome: "funded" } });
  return id;
}

async function rowsOf(requestId: string) {
  const [requests, events, messages, attachments, deliveries, alerts, notifications, outcomes] = await Promise.all([
    db.foiRequest.count({ where: { id: requestId } }),
    db.requestEvent.count({ where: { requestId } }),
    db.message.count({ where: { requestId } }),
    db.attachment.count({ where: { message: { requestId } } }),
    db.delivery.count({ where: { dedupeKey: { startsWith: `chaser:${requestId}:` } } }),
    db.alert.count({ where: { requestId } }),
    db.notification.count({ where: { alert: { requestId } } }),
    db.bodyOutcome.count({ where: { requestId } }),
  ]);
  return { requests, events, messages, attachments, deliveries, alerts, notifications, outcomes };
}

describe("the daily purge", () => {
  it("deletes each kind of row just past its limit and keeps the one just inside it", async () => {
    const at = new Date();
    const ws = await makeWorkspace({ withDirectory: true });
    const owner = await makeMember(ws.id, "owner");
    const trust = await db.publicBody.findFirstOrThrow({ where: { workspaceId: ws.id, kind: "nhs_trust" }, select: { id: true } });

    // Sign-in attempts: kept a day.
    const email = `${unique("guess")}@example.org`;
    await db.loginAttempt.createMany({
      data: [
        { email, ip: "203.0.113.1", succeeded: false, createdAt: new Date(at.getTime() - DAY - MINUTE) },
        { email, ip: "203.0.113.2", succeeded: false, createdAt: new Date(at.getTime() - DAY + MINUTE) },
      ],
    });
    // Sign-in links: gone once expired.
    const identifier = `${unique("link")}@example.org`;
    await db.verificationToken.createMany({
      data: [
        { identifier, token: unique("expired"), expires: new Date(at.getTime() - 1000) },
        { identifier, token: unique("valid"), expires: new Date(at.getTime() + MINUTE) },
      ],
    });
    // Invitations: expired or withdrawn more than 30 days ago.
    const invitation = (tag: string, data: { expiresAt: Date; revokedAt?: Date; acceptedAt?: Date }) =>
      db.invitation.create({ data: { workspaceId: ws.id, email: `${tag}@example.org`, role: "viewer", tokenHash: unique(tag), invitedById: owner.userId, ...data }, select: { email: true } });
    const future = new Date(at.getTime() + 5 * DAY);
    await invitation("expired-31-days", { expiresAt: new Date(at.getTime() - 30 * DAY - MINUTE) });
    await invitation("expired-29-days", { expiresAt: new Date(at.getTime() - 30 * DAY + MINUTE) });
    await invitation("revoked-31-days", { expiresAt: future, revokedAt: new Date(at.getTime() - 30 * DAY - MINUTE) });
    await invitation("revoked-29-days", { expiresAt: future, revokedAt: new Date(at.getTime() - 30 * DAY + MINUTE) });
    await invitation("accepted-long-ago", { expiresAt: new Date(at.getTime() - 90 * DAY), acceptedAt: new Date(at.getTime() - 95 * DAY) });
    // Requests deleted more than 30 days ago, with all that belongs to them.
    const old = await requestWithEverything(owner, trust.id, "Deleted 30 days and a minute ago");
    const recent = await requestWithEverything(owner, trust.id, "Deleted 30 days less a minute ago");
    const live = await requestWithEverything(owner, trust.id, "Not deleted");
    await db.foiRequest.update({ where: { id: old }, data: { deletedAt: new Date(at.getTime() - 30 * DAY - MINUTE), deletedById: owner.userId } });
    await db.foiRequest.update({ where: { id: recent }, data: { deletedAt: new Date(at.getTime() - 30 * DAY + MINUTE), deletedById: owner.userId } });

    const counts = await purgeExpiredData(at);
    expect(counts.loginAttempts).toBeGreaterThanOrEqual(1);
    expect(counts.verificationTokens).toBeGreaterThanOrEqual(1);
    expect(counts.invitations).toBeGreaterThanOrEqual(2);
    expect(counts.requests).toBeGreaterThanOrEqual(1);

    expect((await db.loginAttempt.findMany({ where: { email }, select: { ip: true } })).map((a) => a.ip)).toEqual(["203.0.113.2"]);
    expect((await db.verificationToken.findMany({ where: { identifier }, select: { token: true } })).map((t) => t.token.split("-")[0])).toEqual(["valid"]);
    const invitations = await db.invitation.findMany({ where: { workspaceId: ws.id }, select: { email: true }, orderBy: { email: "asc" } });
    expect(invitations.map((i) => i.email)).toEqual(["accepted-long-ago@example.org", "expired-29-days@example.org", "revoked-29-days@example.org"]);

    expect(await rowsOf(old)).toEqual({ requests: 0, events: 0, messages: 0, attachments: 0, deliveries: 0, alerts: 0, notifications: 0, outcomes: 0 });
    const everything = { requests: 1, events: 1, messages: 1, attachments: 1, deliveries: 1, alerts: 1, notifications: 1, outcomes: 1 };
    expect(await rowsOf(recent)).toEqual(everything);
    expect(await rowsOf(live)).toEqual(everything);

    const audit = await db.auditLog.findMany({ where: { workspaceId: ws.id, action: "request.purge" }, select: { entity: true, data: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "FoiRequest", data: { count: 1, requestIds: [old] } });

    // A second run the same day finds nothing more of these.
    await purgeExpiredData(at);
    expect(await rowsOf(recent)).toEqual(everything);
    expect(await db.auditLog.count({ where: { workspaceId: ws.id, action: "request.purge" } })).toBe(1);
  });

  it("runs once a day, whichever worker asks first", async () => {
    const at = new Date("2031-03-04T09:00:00Z");
    await db.scheduledRun.deleteMany({ where: { task: PURGE_TASK } });
    const [first, second] = await Promise.all([runScheduledPurge(at), runScheduledPurge(at)]);
    expect([first, second].filter((r) => r !== null)).toHaveLength(1);
    expect(await runScheduledPurge(new Date("2031-03-04T18:00:00Z"))).toBeNull();
    expect(await runScheduledPurge(new Date("2031-03-05T09:00:00Z"))).not.toBeNull();
    const runs = await db.scheduledRun.findMany({ where: { task: PURGE_TASK }, select: { finishedAt: true } });
    expect(runs).toHaveLength(2);
    for (const run of runs) expect(run.finishedAt).not.toBeNull();
    await db.scheduledRun.deleteMany({ where: { task: PURGE_TASK } });
  });
});
