import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NotFoundError, ForbiddenError } from "@/lib/auth/errors";
import { deleteRequest } from "@/lib/requests/delete-request";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";
import { loadHolidayData } from "@/lib/holidays/calendars";
import type { Prisma } from "@/lib/generated/prisma";
import { runAlertSweep } from "@/lib/alerts/sweep";
import { runScheduledAlerts } from "@/lib/alerts/schedule";
import { listNotifications, markAllRead, markRead, unreadCount } from "@/lib/alerts/notifications";
import { alertCampaign, alertLines, dayRange, forgetSweeps, record, sendTo, setToday, storedDates } from "../support/alert-fixtures";
import { makeMember, makeWorkspace } from "../support/factories";

beforeEach(async () => {
  await forgetSweeps();
  setToday(undefined);
});
afterAll(() => setToday(undefined));

/** Runs the day's events at noon on that day, then that day's sweep, for every day in order. */
async function live(days: string[], events: Record<string, () => Promise<void>> = {}) {
  for (const day of days) {
    setToday(day);
    await events[day]?.();
    await runAlertSweep({ today: day });
  }
}

describe("a whole batch's life, day by day", () => {
  it("31 requests sent on Tuesday 17 August 2021 get exactly the expected alerts on exactly the expected days", { timeout: 180_000 }, async () => {
    const c = await alertCampaign();
    expect(c.trusts.length).toBeGreaterThanOrEqual(31);
    setToday("2021-08-17");
    const ids: string[] = [];
    for (const trust of c.trusts.slice(0, 31)) ids.push(await sendTo(c.editor, trust.id, "2021-08-17", `Band 7 posts: ${trust.name}`));
    const [clar, fee, answered1, answered2, withdrawn, deleted, extended, ...plain] = ids as [string, ...string[]];
    expect(plain).toHaveLength(24);

    // By hand (England and Wales, calendar convention): day 0 is Tuesday 17 August; the 20th
    // working day, skipping the summer bank holiday on Monday 30 August, is Wednesday 15
    // September (it would be the 14th without the holiday). The 40th is Wednesday 13 October.
    expect(await storedDates(plain[0]!)).toMatchObject({ receivedOn: "2021-08-17", dueOn: "2021-09-15", veryOverdueOn: "2021-10-13" });

    await live(dayRange("2021-08-17", "2021-10-26"), {
      "2021-08-24": () => record(c.editor, fee!, "fees_notice", "2021-08-24"),
      "2021-09-01": async () => {
        await record(c.editor, answered1!, "response_successful", "2021-09-01");
        await record(c.editor, answered2!, "response_refused", "2021-09-01", { exemptions: "s40" });
        await record(c.editor, withdrawn!, "withdrawn", "2021-09-01");
        await deleteRequest(c.owner, deleted!);
      },
      // Before its due date, naming a qualified exemption: the body gives itself until Wednesday
      // 29 September (FOIA s10(3), s17(2)).
      "2021-09-14": () => record(c.editor, extended!, "extension", "2021-09-14", { newDueDate: "2021-09-29", exemptions: "s43(2)" }),
      // After the first due date the body asks for clarification: too late to stop or restart
      // the clock (EIR reg 9(2); FOIA s1(3), s10(1)), so the first cycle runs on to very overdue.
      "2021-09-20": () => record(c.editor, clar!, "clarification_requested", "2021-09-20"),
      "2021-09-22": () => record(c.editor, clar!, "clarification_sent", "2021-09-22"),
    });

    expect(await storedDates(clar!)).toMatchObject({ receivedOn: "2021-08-17", dueOn: "2021-09-15", waitingSince: null });
    expect(await storedDates(extended!)).toMatchObject({ status: "extended", dueOn: "2021-09-29", veryOverdueOn: "2021-10-13" });
    expect(await storedDates(fee!)).toMatchObject({ status: "awaiting_fee", waitingSince: "2021-08-24", dueOn: null });

    const expected: string[] = [];
    const cycle1 = "2021-08-17";
    for (const id of plain) {
      expected.push(
        `2021-09-10 due_soon ${cycle1} ${id}`, // 3 working days before Wednesday 15 September
        `2021-09-15 due_today ${cycle1} ${id}`,
        `2021-09-16 overdue ${cycle1} ${id}`,
        `2021-10-14 very_overdue ${cycle1} ${id}`, // the day after the 40th working day
      );
    }
    // The extension moved the pending alerts: due today and overdue follow the new date.
    expected.push(
      `2021-09-10 due_soon ${cycle1} ${extended}`,
      `2021-09-29 due_today ${cycle1} ${extended}`,
      `2021-09-30 overdue ${cycle1} ${extended}`,
      `2021-10-14 very_overdue ${cycle1} ${extended}`,
    );
    expected.push(
      `2021-09-10 due_soon ${cycle1} ${clar}`,
      `2021-09-15 due_today ${cycle1} ${clar}`,
      `2021-09-16 overdue ${cycle1} ${clar}`,
      `2021-10-14 very_overdue ${cycle1} ${clar}`,
    );
    expected.push(`2021-08-25 fee_waiting 2021-08-24 ${fee}`);
    // Answered Wednesday 1 September: the campaign may ask for a review for 40 working days
    // (s45 Code para 5.3): Sep 2-3 (2), 6-24 (17), 27-Oct 22 (37), 25-27 (40); warned 5 working days before.
    expected.push(`2021-10-20 own_deadline_soon 2021-10-27 ${answered1}`, `2021-10-20 own_deadline_soon 2021-10-27 ${answered2}`);
    // withdrawn and deleted closed before any alert day: nothing.
    expect(await alertLines(c.ws.id)).toEqual(expected.sort());

    // Everyone in the workspace got each alert once.
    const notes = await db.notification.groupBy({ by: ["userId"], where: { workspaceId: c.ws.id }, _count: true });
    expect(notes.map((n) => n._count)).toEqual([expected.length, expected.length, expected.length]);
  });
});

describe("exactly once", () => {
  async function smallBatch(n = 3) {
    const c = await alertCampaign();
    setToday("2021-08-17");
    const ids: string[] = [];
    for (const trust of c.trusts.slice(0, n)) ids.push(await sendTo(c.editor, trust.id, "2021-08-17"));
    return { ...c, ids };
  }

  it("a second sweep on the same day raises nothing new", async () => {
    const c = await smallBatch();
    await live(dayRange("2021-09-01", "2021-09-15"));
    const before = await alertLines(c.ws.id);
    const notes = await db.notification.count({ where: { workspaceId: c.ws.id } });
    const again = await runAlertSweep({ today: "2021-09-15" });
    expect(again.raised.filter((a) => a.workspaceId === c.ws.id)).toEqual([]);
    expect(await alertLines(c.ws.id)).toEqual(before);
    expect(await db.notification.count({ where: { workspaceId: c.ws.id } })).toBe(notes);
    expect(before.filter((l) => l.includes("due_today"))).toHaveLength(3);
  });

  it("two sweeps at once (two connections racing) raise and notify each alert once", async () => {
    const c = await smallBatch(5);
    await live(dayRange("2021-09-10", "2021-09-14"));
    setToday("2021-09-16");
    const [a, b] = await Promise.all([runAlertSweep({ today: "2021-09-16" }), runAlertSweep({ today: "2021-09-16" })]);
    const mine = (r: typeof a) => r.raised.filter((x) => x.workspaceId === c.ws.id);
    // The unique constraint lets exactly one of them insert each of the 5 "overdue" alerts (the
    // 15th's "due today" is no longer true on the 16th, so the catch-up does not raise it).
    expect(mine(a).length + mine(b).length).toBe(5);
    const lines = await alertLines(c.ws.id);
    expect(lines.filter((l) => l.startsWith("2021-09-16"))).toHaveLength(5);
    expect(new Set(lines.map((l) => l.split(" ").slice(1).join(" "))).size).toBe(lines.length);
    expect(await db.notification.count({ where: { workspaceId: c.ws.id } })).toBe(lines.length * 3);
  });

  it("a skipped week is caught up once, on the next run", async () => {
    const c = await smallBatch();
    await live(dayRange("2021-09-01", "2021-09-09"));
    expect(await alertLines(c.ws.id)).toEqual([]);
    // Nothing ran from Friday 10 to Thursday 16 September.
    setToday("2021-09-17");
    const result = await runAlertSweep({ today: "2021-09-17" });
    expect(result.days).toEqual(dayRange("2021-09-10", "2021-09-17"));
    const lines = await alertLines(c.ws.id);
    // Only what is still true on the 17th: overdue (due Wednesday 15 September), not "due soon"
    // (Friday 10th) or "due today" (15th) beside it; it says it should have come on the 16th.
    expect(lines).toEqual(c.ids.map((id) => `2021-09-17 overdue 2021-08-17 ${id}`).sort());
    expect(result.raised.filter((a) => a.workspaceId === c.ws.id).map((a) => a.expectedOn)).toEqual(c.ids.map(() => "2021-09-16"));
    await live(dayRange("2021-09-17", "2021-09-30"));
    expect(await alertLines(c.ws.id)).toEqual(lines);
  });

  it("a catch-up after a long gap (or an old --now) looks back 14 days at most: no 'due soon' or 'due today' for days long gone", async () => {
    const c = await smallBatch(1);
    // `alerts:run --now 2021-08-01`, then nothing until Friday 15 October (due Wednesday 15 September).
    setToday("2021-08-01");
    await runAlertSweep({ today: "2021-08-01" });
    setToday("2021-10-15");
    const result = await runAlertSweep({ today: "2021-10-15" });
    expect(result.days).toEqual(dayRange("2021-10-02", "2021-10-15"));
    // By the 15th the request is past its 40th working day (Wednesday 13 October): only the most
    // advanced state still true is raised, "very overdue", not "overdue" beside it.
    const kinds = (await alertLines(c.ws.id)).map((l) => l.split(" ")[1]);
    expect(kinds).toEqual(["very_overdue"]);
  });

  it("catch-up tells the truth: off from 29 December to 6 January, a request due 30 December gets 'Overdue' (should have come 31 December), never 'Due today'", async () => {
    const c = await alertCampaign();
    // Sent Mon 30 Nov 2026 (day 0). By hand (UK-wide): Dec 1-4 (4), 7-11 (9), 14-18 (14),
    // 21-24 (18), 25 h (Christmas), 28 h (Boxing Day substitute), 29 (19), 30 (20): due Wednesday 30 December.
    setToday("2026-11-30");
    const id = await sendTo(c.editor, c.trusts[0]!.id, "2026-11-30");
    expect(await storedDates(id)).toMatchObject({ dueOn: "2026-12-30" });
    await live(dayRange("2026-12-20", "2026-12-28"));
    // The app is off from 29 December; it comes back on Wednesday 6 January.
    setToday("2027-01-06");
    const result = await runAlertSweep({ today: "2027-01-06" });
    const mine = result.raised.filter((a) => a.requestId === id);
    expect(mine.map((a) => [a.kind, a.dueOn, a.expectedOn])).toEqual([["overdue", "2026-12-30", "2026-12-31"]]);
    const page = await listNotifications(c.viewer, { page: 1 });
    expect(page.items.find((i) => i.requestId === id)).toMatchObject({ kind: "overdue", expectedOn: "2026-12-31", lateNote: "Raised late: this alert was due on Thursday 31 December 2026 (alerts were not running then, or the entry was recorded later)." });
  });

  it("the worker's schedule claims the day once: a second worker's tick does not sweep", async () => {
    await smallBatch(1);
    setToday("2021-09-16");
    const at = new Date("2021-09-16T00:01:00Z");
    const [one, two] = await Promise.all([runScheduledAlerts(at), runScheduledAlerts(at)]);
    expect([one.sweep === null, two.sweep === null].sort()).toEqual([false, true]);
    expect((await runScheduledAlerts(new Date("2021-09-16T00:02:00Z"))).sweep).toBeNull();
    // The next day's first tick sweeps again, from where the last one finished.
    const next = await runScheduledAlerts(new Date("2021-09-17T00:01:00Z"));
    expect(next.sweep?.days).toEqual(["2021-09-17"]);
  });

  it("a dry run lists the same alerts and writes nothing", async () => {
    const c = await smallBatch(2);
    await live(dayRange("2021-09-01", "2021-09-14"));
    const runsBefore = await db.scheduledRun.count();
    const dry = await runAlertSweep({ today: "2021-09-15", dryRun: true });
    expect(dry.raised.filter((a) => a.workspaceId === c.ws.id).map((a) => a.kind)).toEqual(["due_today", "due_today"]);
    expect(dry.notifications).toBeGreaterThanOrEqual(6);
    expect(await db.scheduledRun.count()).toBe(runsBefore);
    expect((await alertLines(c.ws.id)).filter((l) => l.includes("due_today"))).toEqual([]);
    const real = await runAlertSweep({ today: "2021-09-15" });
    expect(real.raised.filter((a) => a.workspaceId === c.ws.id)).toEqual(dry.raised.filter((a) => a.workspaceId === c.ws.id));
  });

  it("a clarification or fee recorded late is still raised on the first sweep after it", async () => {
    const c = await smallBatch(1);
    await live(dayRange("2021-08-17", "2021-08-20"));
    setToday("2021-09-01");
    await record(c.editor, c.ids[0]!, "clarification_requested", "2021-08-19");
    await runAlertSweep({ today: "2021-08-21" });
    // Swept up to the 21st only (the day after the 20th): the entry dated the 19th is raised once.
    expect(await alertLines(c.ws.id)).toEqual([`2021-08-21 clarification_waiting 2021-08-19 ${c.ids[0]}`]);
  });
  it("a request logged after its due date is raised as overdue on the next sweep, once, and never as due soon or due today", async () => {
    const c = await alertCampaign();
    await live(dayRange("2021-09-01", "2021-09-20"));
    // Sent on 2 August (due Tuesday 31 August), but only logged on 20 September.
    setToday("2021-09-20");
    const id = await sendTo(c.editor, c.trusts[0]!.id, "2021-08-02");
    await live(dayRange("2021-09-21", "2021-09-23"));
    expect(await alertLines(c.ws.id)).toEqual([`2021-09-21 overdue 2021-08-02 ${id}`]);
  });
});

describe("changed due dates", () => {
  it("a new bank holiday before the alert day moves the pending alerts to the new due date", { timeout: 60_000 }, async () => {
    // 2027 (not 2021) so that the extra holiday cannot move other tests' dates in this database.
    const c = await alertCampaign();
    setToday("2027-03-01");
    const id = await sendTo(c.editor, c.trusts[0]!.id, "2027-03-01");
    // By hand: 20 working days after Monday 1 March 2027, skipping St Patrick's Day (17th, a UK
    // bank holiday in Northern Ireland), Good Friday (26th) and Easter Monday (29th), is Thursday 1 April.
    expect(await storedDates(id)).toMatchObject({ dueOn: "2027-04-01" });
    await live(dayRange("2027-03-15", "2027-03-23"));
    expect(await alertLines(c.ws.id)).toEqual([]);
    // A one-off bank holiday on Wednesday 10 March is announced: what the refresh job stores,
    // then the recompute it runs for every open request.
    const current = (await loadHolidayData()).data as Record<string, { events: { title: string; date: string; notes: string; bunting: boolean }[] }>;
    const changed = structuredClone(current);
    changed["england-and-wales"]!.events.push({ title: "One-off holiday", date: "2027-03-10", notes: "", bunting: true });
    const row = await db.holidayData.create({ data: { json: changed as unknown as Prisma.InputJsonValue, source: "test" }, select: { id: true } });
    try {
      await unsafeRecomputeClock(id);
      expect(await storedDates(id)).toMatchObject({ dueOn: "2027-04-02" });
      await live(dayRange("2027-03-24", "2027-04-05"));
      expect(await alertLines(c.ws.id)).toEqual([
        `2027-03-30 due_soon 2027-03-01 ${id}`, // 3 working days before Friday 2 April (it was Thursday 25 March)
        `2027-04-02 due_today 2027-03-01 ${id}`,
        `2027-04-03 overdue 2027-03-01 ${id}`,
      ]);
    } finally {
      await db.holidayData.delete({ where: { id: row.id } });
      await unsafeRecomputeClock(id);
    }
  });
});

describe("internal reviews", () => {
  it("raise 'review overdue' the day after the review's 20th working day and 'very overdue' after its 40th; nothing while the request is answered", { timeout: 60_000 }, async () => {
    const c = await alertCampaign();
    setToday("2021-08-17");
    const id = await sendTo(c.editor, c.trusts[0]!.id, "2021-08-17");
    setToday("2021-09-10");
    await record(c.editor, id, "response_refused", "2021-09-08", { exemptions: "s43" });
    await record(c.editor, id, "internal_review_requested", "2021-09-10");
    // By hand: 20 working days after Friday 10 September is Friday 8 October; 40 is Friday 5 November.
    expect(await storedDates(id)).toMatchObject({ status: "internal_review", reviewRequestedOn: "2021-09-10", reviewDueOn: "2021-10-08", reviewVeryOverdueOn: "2021-11-05" });
    await live(dayRange("2021-09-10", "2021-11-08"));
    // The first sweep (Friday 10 September) finds the request already answered: no "due soon".
    expect(await alertLines(c.ws.id)).toEqual([
      `2021-10-09 review_overdue 2021-09-10 ${id}`,
      `2021-11-06 review_very_overdue 2021-09-10 ${id}`,
    ]);
  });
});

describe("the campaign's own deadlines", () => {
  it("s45 Code para 5.3: 'Your deadline soon' 5 working days before the review deadline; FOIA s57 appeal and s54 steps: alerted, the missed steps the day after", { timeout: 60_000 }, async () => {
    const c = await alertCampaign();
    setToday("2021-08-17");
    const answered = await sendTo(c.editor, c.trusts[0]!.id, "2021-08-17");
    const decided = await sendTo(c.editor, c.trusts[1]!.id, "2021-08-17");
    setToday("2021-10-01");
    // Refused Wed 8 Sep: ask for a review within 40 working days: Sep 9-10 (2), 13-17 (7), 20-24 (12),
    // 27-Oct 1 (17), Oct 4-8 (22), 11-15 (27), 18-22 (32), 25-29 (37), Nov 1-3 (40): Wed 3 Nov;
    // 5 working days before: Nov 2, 1, Oct 29, 28, 27.
    await record(c.editor, answered, "response_refused", "2021-09-08", { exemptions: "s43" });
    // Decision notice of Fri 1 Oct: appeal by Fri 29 Oct (28 days; 5 wd before: Oct 22); steps by Fri 29 Oct.
    await record(c.editor, decided, "response_refused", "2021-09-08", { exemptions: "s43" });
    await record(c.editor, decided, "ico_complaint", "2021-09-10");
    await record(c.editor, decided, "ico_decision", "2021-10-01", { result: "successful", newDueDate: "2021-10-29" });
    await live(dayRange("2021-10-20", "2021-11-05"));
    expect(await alertLines(c.ws.id)).toEqual(
      [
        `2021-10-22 own_deadline_soon 2021-10-29 ${decided}`,
        `2021-10-27 own_deadline_soon 2021-11-03 ${answered}`,
        `2021-10-30 compliance_missed 2021-10-29 ${decided}`,
      ].sort(),
    );
  });
});

describe("notifications", () => {
  it("lists, counts and marks read the actor's own notifications only; other people's ids are not found", async () => {
    const c = await alertCampaign();
    const other = await makeWorkspace();
    const stranger = await makeMember(other.id, "owner");
    setToday("2021-08-17");
    const id = await sendTo(c.editor, c.trusts[0]!.id, "2021-08-17", "Trusts <script>alert(1)</script> “posts”");
    await live(dayRange("2021-09-14", "2021-09-16"));
    setToday("2021-09-16");
    expect(await unreadCount(c.viewer)).toBe(3);
    const page = await listNotifications(c.viewer, { page: 1 });
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({
      kind: "overdue",
      label: "Overdue",
      requestId: id,
      requestTitle: "Trusts <script>alert(1)</script> “posts”",
      bodyName: c.trusts[0]!.name,
      dueOn: "2021-09-15",
      dueLabel: "Wednesday 15 September 2021",
      workingDays: -1,
      workingDaysLabel: "Overdue by 1 working day",
      readAt: null,
    });
    expect(page.items.map((i) => i.kind)).toEqual(["overdue", "due_today", "due_soon"]);
    await expect(markRead(stranger, page.items[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markRead({ userId: stranger.userId, workspaceId: c.ws.id }, page.items[0]!.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markRead(c.editor, page.items[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markRead(c.viewer, "")).rejects.toBeInstanceOf(NotFoundError);
    await markRead(c.viewer, page.items[0]!.id);
    expect(await unreadCount(c.viewer)).toBe(2);
    expect(await unreadCount(c.editor)).toBe(3);
    // The header's badge stops counting at its limit ("99+"); the notifications page counts all.
    expect(await unreadCount(c.editor, { upTo: 2 })).toBe(2);
    expect(await unreadCount(c.editor, { upTo: 5 })).toBe(3);
    expect((await listNotifications(c.viewer, { page: 1, unread: true })).total).toBe(2);
    expect(await markAllRead(c.viewer)).toBe(2);
    expect(await unreadCount(c.viewer)).toBe(0);
    expect(await unreadCount(stranger)).toBe(0);
    // A page beyond the end shows the last page; a nonsense page the first.
    expect((await listNotifications(c.viewer, { page: 99 })).page).toBe(1);
    expect((await listNotifications(c.viewer, { page: "abc" })).page).toBe(1);
  });

  it("after a gap, alerts raised in one catch-up read by the date they are about, then the most urgent first (Overdue above Due today)", async () => {
    const c = await alertCampaign();
    setToday("2021-08-17");
    for (const trust of c.trusts.slice(0, 2)) await sendTo(c.editor, trust.id, "2021-08-17");
    await live(dayRange("2021-09-01", "2021-09-09"));
    // Nothing ran from Friday 10 to Thursday 16 September; one catch-up raises what is still true.
    setToday("2021-09-17");
    await runAlertSweep({ today: "2021-09-17" });
    const page = await listNotifications(c.viewer, { page: 1 });
    expect(page.items.map((i) => `${i.dueOn} ${i.kind}`)).toEqual(["2021-09-15 overdue", "2021-09-15 overdue"]);
    expect((await listNotifications(c.viewer, { page: 1, unread: true })).items.map((i) => i.kind)).toEqual(page.items.map((i) => i.kind));
  });

  it("'due soon' shows for each person only within their own number of working days; 'off' kinds are not created", async () => {
    const c = await alertCampaign();
    await db.alertSettings.create({ data: { userId: c.owner.userId, dueSoonDays: 5 } });
    await db.alertSettings.create({ data: { userId: c.viewer.userId, dueSoonDays: 1 } });
    await db.alertPreference.create({ data: { userId: c.editor.userId, kind: "due_soon", delivery: "off" } });
    setToday("2021-08-17");
    await sendTo(c.editor, c.trusts[0]!.id, "2021-08-17");
    // The owner wants 5 working days: raised Wednesday 8 September for everyone at once.
    await live(dayRange("2021-09-01", "2021-09-08"));
    expect((await alertLines(c.ws.id)).map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual(["2021-09-08 due_soon"]);
    expect(await unreadCount(c.owner)).toBe(1);
    expect(await unreadCount(c.viewer)).toBe(0); // hidden until 1 working day before
    expect(await db.notification.count({ where: { userId: c.editor.userId } })).toBe(0);
    setToday("2021-09-14");
    expect(await unreadCount(c.viewer)).toBe(1);
  });
});
