// The pages people load all day at scale: the dashboard's counts come from summaries the
// database keeps (RequestStatusCount, RunningDueCount), so they must be right straight after
// every kind of change;
// and the request list and a batch's page show one page of rows however large the table grows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { deleteRequest, restoreRequest } from "@/lib/requests/delete-request";
import { BODY_CHOICES_LIMIT, DASHBOARD_ROWS, getDashboard, listRequests, todayInLondon } from "@/lib/requests/queries";
import { getBatch, listBatches, RECIPIENTS_PER_PAGE } from "@/lib/batches/get-batch";
import { PROGRESS_BUCKETS } from "@/lib/batches/schemas";
import type { RequestStatus } from "@/lib/generated/prisma";
import { makeMember, makeWorkspace } from "../support/factories";

/** The counts worked out afresh from the table, to compare the kept summary with. */
async function countedNow(workspaceId: string) {
  const groups = await db.foiRequest.groupBy({ by: ["status"], where: { workspaceId, deletedAt: null }, _count: true });
  const byStatus = Object.fromEntries(groups.map((g) => [g.status, g._count])) as Partial<Record<RequestStatus, number>>;
  const total = groups.reduce((sum, g) => sum + g._count, 0);
  const today = new Date(`${todayInLondon()}T00:00:00Z`);
  const running = { workspaceId, deletedAt: null, status: { in: ["awaiting_response" as const, "extended" as const] } };
  const overdue = await db.foiRequest.count({ where: { ...running, dueOn: { lt: today } } });
  const dueOnOrAfterToday = await db.foiRequest.findMany({ where: { ...running, dueOn: { gte: today } }, select: { dueOn: true } });
  return { byStatus, total, overdue, dueOnOrAfterToday: dueOnOrAfterToday.map((r) => r.dueOn!.toISOString().slice(0, 10)) };
}

async function expectDashboardMatches(actor: { userId: string; workspaceId: string }) {
  const dashboard = await getDashboard(actor);
  const truth = await countedNow(actor.workspaceId);
  expect(Object.fromEntries(dashboard.byStatus.map((s) => [s.status, s.count]))).toEqual(truth.byStatus);
  expect(dashboard.total).toBe(truth.total);
  expect(dashboard.overdueCount).toBe(truth.overdue);
  expect(dashboard.dueSoonCount).toBe(truth.dueOnOrAfterToday.filter((due) => due <= dashboard.horizon).length);
  expect((await listRequests(actor)).total).toBe(truth.total);
  expect((await listRequests(actor, { overdue: "1" })).total).toBe(truth.overdue);
  expect((await listRequests(actor, { dueSoon: "1" })).total).toBe(dashboard.dueSoonCount);
  return dashboard;
}

function daysAgo(n: number): Date {
  const d = new Date(`${todayInLondon()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d;
}

describe("the dashboard's counts", () => {
  it("are right straight after inserts, status changes, deletes, restores, rollbacks and another workspace's changes", async () => {
    const workspace = await makeWorkspace();
    const other = await makeWorkspace();
    const owner = await makeMember(workspace.id, "owner");
    const body = await db.publicBody.create({ data: { workspaceId: workspace.id, key: "t", name: "Trust", kind: "nhs_trust" }, select: { id: true } });
    const otherBody = await db.publicBody.create({ data: { workspaceId: other.id, key: "t", name: "Trust", kind: "nhs_trust" }, select: { id: true } });
    const base = { workspaceId: workspace.id, bodyId: body.id, letter: "Dear Trust", channel: "email" as const };

    let dashboard = await expectDashboardMatches(owner);
    expect(dashboard.total).toBe(0);

    // Many in one statement, as a batch sends them.
    await db.foiRequest.createMany({
      data: [
        ...Array.from({ length: 12 }, (_, i) => ({ ...base, title: `Draft ${i}`, status: "draft" as const })),
        ...Array.from({ length: 7 }, (_, i) => ({ ...base, title: `Late ${i}`, status: "awaiting_response" as const, dueOn: daysAgo(10 + i) })),
        ...Array.from({ length: 4 }, (_, i) => ({ ...base, title: `Running ${i}`, status: "extended" as const, dueOn: daysAgo(-20 - i) })),
      ],
    });
    dashboard = await expectDashboardMatches(owner);
    expect(dashboard.total).toBe(23);
    expect(dashboard.overdueCount).toBe(7);

    // A due date moved (an extension, a clarification): the per-date counts follow it.
    const soon = await db.foiRequest.findFirstOrThrow({ where: { workspaceId: workspace.id, status: "extended" }, select: { id: true } });
    await db.foiRequest.update({ where: { id: soon.id }, data: { dueOn: daysAgo(0) } });
    dashboard = await expectDashboardMatches(owner);
    expect(dashboard.dueSoonCount).toBe(1);
    await db.foiRequest.update({ where: { id: soon.id }, data: { dueOn: daysAgo(1) } });
    dashboard = await expectDashboardMatches(owner);
    expect(dashboard.overdueCount).toBe(8);
    expect(dashboard.dueSoonCount).toBe(0);
    await db.foiRequest.update({ where: { id: soon.id }, data: { dueOn: daysAgo(-21) } });
    dashboard = await expectDashboardMatches(owner);
    expect(dashboard.overdueCount).toBe(7);

    // A status change, one row and many.
    const late = await db.foiRequest.findMany({ where: { workspaceId: workspace.id, status: "awaiting_response" }, select: { id: true }, orderBy: { title: "asc" } });
    await db.foiRequest.update({ where: { id: late[0]!.id }, data: { status: "successful" } });
    await db.foiRequest.updateMany({ where: { id: { in: [late[1]!.id, late[2]!.id] } }, data: { status: "refused" } });
    dashboard = await expectDashboardMatches(owner);
    expect(dashboard.overdueCount).toBe(4);
    expect(dashboard.byStatus.find((s) => s.status === "refused")?.count).toBe(2);

    // Soft delete and restore through the services; a delete for good.
    await deleteRequest(owner, late[3]!.id);
    dashboard = await expectDashboardMatches(owner);
    expect(dashboard.total).toBe(22);
    await restoreRequest(owner, late[3]!.id);
    await expectDashboardMatches(owner);
    await db.foiRequest.delete({ where: { id: late[4]!.id } });
    dashboard = await expectDashboardMatches(owner);
    expect(dashboard.total).toBe(22);

    // A change rolled back leaves the counts as they were.
    await expect(
      db.$transaction(async (tx) => {
        await tx.foiRequest.updateMany({ where: { workspaceId: workspace.id, status: "draft" }, data: { status: "withdrawn" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    dashboard = await expectDashboardMatches(owner);
    expect(dashboard.byStatus.find((s) => s.status === "draft")?.count).toBe(12);

    // Raw SQL writers (the alert sweep, purges) are counted too; another workspace is not.
    await db.$executeRaw`UPDATE "FoiRequest" SET status = 'withdrawn' WHERE "workspaceId" = ${workspace.id} AND title = 'Draft 0'`;
    await db.foiRequest.createMany({ data: Array.from({ length: 5 }, (_, i) => ({ workspaceId: other.id, bodyId: otherBody.id, title: `Other ${i}`, letter: "x", channel: "email" as const })) });
    dashboard = await expectDashboardMatches(owner);
    expect(dashboard.byStatus.find((s) => s.status === "withdrawn")?.count).toBe(1);
    expect(dashboard.total).toBe(22);
  });
});

/** A batch's counts worked out afresh, from its filtered views (which count every recipient in the app, never reused). */
async function batchCountsNow(actor: { userId: string; workspaceId: string }, batchId: string) {
  const counts: Record<string, number> = {};
  for (const bucket of PROGRESS_BUCKETS) counts[bucket] = (await getBatch(actor, batchId, { status: bucket })).filteredTotal;
  return counts;
}

async function expectBatchProgressMatches(actor: { userId: string; workspaceId: string }, batchId: string) {
  const page = await getBatch(actor, batchId, {});
  const { total, ...byBucket } = page.progress;
  expect(byBucket).toEqual(await batchCountsNow(actor, batchId));
  const listed = (await listBatches(actor)).rows.find((r) => r.id === batchId)!;
  expect(listed.progress).toEqual(page.progress);
  return { ...page.progress, total, needsAttention: page.needsAttention };
}

const progressVersion = async (batchId: string) =>
  (await db.batchProgressVersion.findMany({ where: { batchId }, select: { version: true } })).reduce((sum, slot) => sum + slot.version, 0n);

describe("a batch's progress counts", () => {
  it("are reused while nothing they read has changed, and right straight after every kind of change", async () => {
    const workspace = await makeWorkspace();
    const owner = await makeMember(workspace.id, "owner");
    await db.publicBody.createMany({ data: Array.from({ length: 6 }, (_, i) => ({ workspaceId: workspace.id, key: `t${i}`, name: `Trust ${i}`, kind: "nhs_trust" as const })) });
    const bodies = await db.publicBody.findMany({ where: { workspaceId: workspace.id }, select: { id: true }, orderBy: { key: "asc" } });
    const batch = await db.batch.create({ data: { workspaceId: workspace.id, name: "Sent", titleTemplate: "Q", template: "x", state: "sent", sentAt: daysAgo(5) }, select: { id: true } });
    const requests = await Promise.all(
      bodies.slice(0, 5).map((b, i) =>
        db.foiRequest.create({
          data: { workspaceId: workspace.id, bodyId: b.id, batchId: batch.id, title: `Q ${i}`, letter: "x", channel: "email", status: "awaiting_response", dueOn: daysAgo(-10) },
          select: { id: true },
        }),
      ),
    );
    await db.batchRecipient.createMany({ data: requests.map((r, i) => ({ workspaceId: workspace.id, batchId: batch.id, bodyId: bodies[i]!.id, position: i, requestId: r.id })) });
    const [a, b, c, d, e] = requests.map((r) => r.id) as [string, string, string, string, string];

    let progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.sent).toBe(5);

    // Reused: a change made with the triggers switched off does not move the version, so the page
    // keeps the counts it worked out (this is what makes the page cheap, and why every writer
    // must go through the triggers).
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`UPDATE "FoiRequest" SET status = 'successful' WHERE id = ${a}`;
    });
    expect((await getBatch(owner, batch.id, {})).progress.answered).toBe(0);
    expect((await getBatch(owner, batch.id, { status: "answered" })).filteredTotal).toBe(1);
    await db.$executeRaw`UPDATE "FoiRequest" SET status = 'awaiting_response' WHERE id = ${a}`;
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.answered).toBe(0);

    // A change that the counts do not read leaves the version alone.
    const before = await progressVersion(batch.id);
    await db.foiRequest.update({ where: { id: a }, data: { title: "Renamed" } });
    await db.delivery.create({ data: { workspaceId: workspace.id, requestId: b, dedupeKey: `request:${b}`, toAddress: "foi@example.org", subject: "Q", text: "x", messageId: `<${b}@test>`, transport: "smtp", state: "sent" } });
    const afterDelivery = await progressVersion(batch.id);
    expect(afterDelivery).toBeGreaterThan(before);
    await db.delivery.update({ where: { dedupeKey: `request:${b}` }, data: { attempts: 2 } });
    await db.requestEvent.create({ data: { workspaceId: workspace.id, requestId: a, kind: "note", occurredAt: daysAgo(1), note: "Rang them" } });
    expect(await progressVersion(batch.id)).toBe(afterDelivery);

    // A status change (answered), a due date moved into the past (overdue).
    await db.foiRequest.update({ where: { id: a }, data: { status: "successful" } });
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.answered).toBe(1);
    await db.$executeRaw`UPDATE "FoiRequest" SET "dueOn" = ${daysAgo(2)} WHERE id = ${c}`;
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.overdue).toBe(1);

    // An acknowledgement recorded, then taken back.
    const ack = await db.requestEvent.create({ data: { workspaceId: workspace.id, requestId: d, kind: "acknowledged", occurredAt: daysAgo(1) }, select: { id: true } });
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.acknowledged).toBe(1);
    await db.requestEvent.delete({ where: { id: ack.id } });
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.acknowledged).toBe(0);

    // A letter that failed (a person must look at it), then went; then its delivery row removed.
    await db.delivery.update({ where: { dedupeKey: `request:${b}` }, data: { state: "failed", lastError: "550" } });
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.needsAttention).toBe(1);
    await db.delivery.update({ where: { dedupeKey: `request:${b}` }, data: { state: "sent", lastError: null } });
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.needsAttention).toBe(0);
    await db.delivery.delete({ where: { dedupeKey: `request:${b}` } });
    await expectBatchProgressMatches(owner, batch.id);

    // Soft delete and restore; a request deleted for good (its recipient is left without one).
    await deleteRequest(owner, e);
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.drafted).toBe(1);
    await restoreRequest(owner, e);
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.drafted).toBe(0);
    await db.foiRequest.delete({ where: { id: e } });
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.drafted).toBe(1);

    // A recipient added, then removed; a change rolled back leaves the version as it was.
    const added = await db.batchRecipient.create({ data: { workspaceId: workspace.id, batchId: batch.id, bodyId: bodies[5]!.id, position: 5 }, select: { id: true } });
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.total).toBe(6);
    await db.batchRecipient.delete({ where: { id: added.id } });
    progress = await expectBatchProgressMatches(owner, batch.id);
    expect(progress.total).toBe(5);
    const settled = await progressVersion(batch.id);
    await expect(
      db.$transaction(async (tx) => {
        await tx.foiRequest.updateMany({ where: { batchId: batch.id }, data: { status: "withdrawn" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await progressVersion(batch.id)).toBe(settled);
    await expectBatchProgressMatches(owner, batch.id);

    // Deleting the batch takes its recipients and its version with it.
    await db.batch.delete({ where: { id: batch.id } });
    expect(await db.batchProgressVersion.count({ where: { batchId: batch.id } })).toBe(0);
  });
});

describe("pages stay one page long as the table grows", () => {
  it("the request list shows 50 of 5,000 requests, with the right total and page count", async () => {
    const workspace = await makeWorkspace();
    const viewer = await makeMember(workspace.id, "viewer");
    const body = await db.publicBody.create({ data: { workspaceId: workspace.id, key: "t", name: "Trust", kind: "nhs_trust" }, select: { id: true } });
    await db.foiRequest.createMany({
      data: Array.from({ length: 5_000 }, (_, i) => ({
        workspaceId: workspace.id,
        bodyId: body.id,
        title: `Request ${i}`,
        letter: "Dear Trust",
        channel: "email" as const,
        status: i % 2 ? ("awaiting_response" as const) : ("successful" as const),
        dueOn: daysAgo(i % 300),
      })),
    });
    const first = await listRequests(viewer);
    expect(first.rows).toHaveLength(50);
    expect(first.total).toBe(5_000);
    expect(first.pageCount).toBe(100);
    // Earliest due first, as the list's default order says.
    const dues = first.rows.map((r) => r.dueOn!);
    expect(dues).toEqual([...dues].sort());
    const last = await listRequests(viewer, { page: "100" });
    expect(last.rows).toHaveLength(50);
    expect(new Set([...first.rows, ...last.rows].map((r) => r.id)).size).toBe(100);
    const running = await listRequests(viewer, { status: "awaiting_response" });
    expect(running.rows).toHaveLength(50);
    expect(running.total).toBe(2_500);
    const overdue = await listRequests(viewer, { overdue: "1" });
    expect(overdue.total).toBe(await db.foiRequest.count({ where: { workspaceId: workspace.id, status: "awaiting_response", dueOn: { lt: daysAgo(0) } } }));
    expect(overdue.rows.every((r) => r.clock?.state === "overdue" || r.clock?.state === "very_overdue")).toBe(true);
    // The dashboard shows the first DASHBOARD_ROWS of each list and the count of all of them.
    const dashboard = await getDashboard(viewer);
    expect(dashboard.overdue).toHaveLength(DASHBOARD_ROWS);
    expect(dashboard.overdueCount).toBe(overdue.total);
    expect(dashboard.overdue.map((r) => r.due)).toEqual(overdue.rows.slice(0, DASHBOARD_ROWS).map((r) => r.dueOn));
  });

  it("the body filter is a list of choices for a few bodies and a typed name beyond BODY_CHOICES_LIMIT", async () => {
    const workspace = await makeWorkspace();
    const viewer = await makeMember(workspace.id, "viewer");
    const count = BODY_CHOICES_LIMIT + 1;
    await db.publicBody.createMany({ data: Array.from({ length: count }, (_, i) => ({ workspaceId: workspace.id, key: `t${i}`, name: `Trust ${String(i).padStart(4, "0")}`, kind: "nhs_trust" as const })) });
    const bodies = await db.publicBody.findMany({ where: { workspaceId: workspace.id }, select: { id: true, name: true }, orderBy: { key: "asc" } });
    await db.foiRequest.createMany({ data: bodies.slice(0, 3).map((b) => ({ workspaceId: workspace.id, bodyId: b.id, title: `To ${b.name}`, letter: "x", channel: "email" as const })) });
    expect((await listRequests(viewer)).bodies).toHaveLength(3);
    await db.foiRequest.createMany({ data: bodies.slice(3).map((b) => ({ workspaceId: workspace.id, bodyId: b.id, title: `To ${b.name}`, letter: "x", channel: "email" as const })) });
    const many = await listRequests(viewer);
    expect(many.bodies).toBeNull();
    const named = await listRequests(viewer, { bodyName: "trust 0042" });
    expect(named.total).toBe(1);
    expect(named.rows.map((r) => r.body.name)).toEqual(["Trust 0042"]);
  });

  it("a sent batch's default view, counted and paged in the database, agrees with every filtered view and with the recipients' order", async () => {
    const workspace = await makeWorkspace();
    const viewer = await makeMember(workspace.id, "viewer");
    const n = 130;
    await db.publicBody.createMany({
      data: Array.from({ length: n }, (_, i) => ({ workspaceId: workspace.id, key: `t${i}`, name: `Trust ${String(i).padStart(4, "0")}`, kind: "nhs_trust" as const })),
    });
    const bodies = await db.publicBody.findMany({ where: { workspaceId: workspace.id }, select: { id: true }, orderBy: { key: "asc" } });
    const batch = await db.batch.create({ data: { workspaceId: workspace.id, name: "Sent", titleTemplate: "Q", template: "Dear {{body.name}}", state: "sent", sentAt: daysAgo(30) }, select: { id: true } });
    // Every bucket: overdue, sent, answered, acknowledged, not created (drafted), and a failed letter.
    const requests = await Promise.all(
      bodies.map((b, i) =>
        i % 6 === 4
          ? null
          : db.foiRequest.create({
              data: {
                workspaceId: workspace.id,
                bodyId: b.id,
                batchId: batch.id,
                title: `Q ${i}`,
                letter: "x",
                channel: "email",
                status: i % 6 === 2 ? "successful" : i % 6 === 5 ? "draft" : "awaiting_response",
                dueOn: i % 6 === 0 ? daysAgo(3) : i % 6 === 5 ? null : daysAgo(-15),
              },
              select: { id: true },
            }),
      ),
    );
    await db.batchRecipient.createMany({
      // Positions not in body order, so the page order is the batch's own.
      data: bodies.map((b, i) => ({ workspaceId: workspace.id, batchId: batch.id, bodyId: b.id, position: (i * 7) % n, requestId: requests[i]?.id ?? null })),
    });
    for (const [i, r] of requests.entries()) {
      if (r && i % 6 === 3) await db.requestEvent.create({ data: { workspaceId: workspace.id, requestId: r.id, kind: "acknowledged", occurredAt: daysAgo(20) } });
      if (r && i % 6 === 5)
        await db.delivery.create({
          data: { workspaceId: workspace.id, requestId: r.id, dedupeKey: `request:${r.id}`, toAddress: "foi@example.org", subject: "Q", text: "x", messageId: `<${r.id}@test>`, transport: "smtp", state: "failed", lastError: "550" },
        });
    }

    const first = await getBatch(viewer, batch.id, {});
    expect(first.progress.total).toBe(n);
    expect(first.filteredTotal).toBe(n);
    expect(first.pageCount).toBe(Math.ceil(n / RECIPIENTS_PER_PAGE));
    expect(first.needsAttention).toBe(bodies.filter((_, i) => i % 6 === 5).length);
    for (const bucket of ["overdue", "sent", "answered", "acknowledged", "drafted", "failed"] as const) {
      expect(first.progress[bucket]).toBeGreaterThan(0);
      // The filtered view counts every recipient in the app; the default view counted them in the database.
      expect((await getBatch(viewer, batch.id, { status: bucket })).filteredTotal).toBe(first.progress[bucket]);
    }
    const second = await getBatch(viewer, batch.id, { page: "2" });
    const byPosition = await db.batchRecipient.findMany({ where: { batchId: batch.id }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
    expect(second.recipients.map((r) => r.id)).toEqual(byPosition.slice(RECIPIENTS_PER_PAGE, 2 * RECIPIENTS_PER_PAGE).map((r) => r.id));
    // Each row's bucket is the same whichever way the page was chosen.
    const searched = await getBatch(viewer, batch.id, { q: second.recipients[0]!.bodyName });
    expect(searched.recipients[0]!.progressBucket).toBe(second.recipients[0]!.progressBucket);
  });

  it("a batch of 1,000 recipients shows one page of them and counts all 1,000", async () => {
    const workspace = await makeWorkspace();
    const viewer = await makeMember(workspace.id, "viewer");
    await db.publicBody.createMany({
      data: Array.from({ length: 1_000 }, (_, i) => ({ workspaceId: workspace.id, key: `t${i}`, name: `Trust ${String(i).padStart(4, "0")}`, kind: "nhs_trust" as const, foiEmail: `foi${i}@example.org` })),
    });
    const bodies = await db.publicBody.findMany({ where: { workspaceId: workspace.id }, select: { id: true }, orderBy: { key: "asc" } });
    const batch = await db.batch.create({ data: { workspaceId: workspace.id, name: "Big", titleTemplate: "Q", template: "Dear {{body.name}}" }, select: { id: true } });
    await db.batchRecipient.createMany({ data: bodies.map((b, i) => ({ workspaceId: workspace.id, batchId: batch.id, bodyId: b.id, position: i })) });

    const page = await getBatch(viewer, batch.id, {});
    expect(page.recipients).toHaveLength(RECIPIENTS_PER_PAGE);
    expect(page.progress.total).toBe(1_000);
    expect(page.progress.drafted).toBe(1_000);
    expect(page.pageCount).toBe(Math.ceil(1_000 / RECIPIENTS_PER_PAGE));
    // Filtering and sorting still see every recipient, not only the page.
    const found = await getBatch(viewer, batch.id, { q: "trust 0999" });
    expect(found.recipients.map((r) => r.bodyName)).toEqual(["Trust 0999"]);
    const byName = await getBatch(viewer, batch.id, { sort: "name", page: "20" });
    expect(byName.recipients.at(-1)!.bodyName).toBe("Trust 0999");
  });
});
