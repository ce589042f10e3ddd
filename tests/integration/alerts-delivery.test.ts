import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import ICAL from "ical.js";
import { db } from "@/lib/db/client";
import { processOutbox } from "@/lib/mail/send-mail";
import { runAlertSweep } from "@/lib/alerts/sweep";
import { sendDueDigests } from "@/lib/alerts/digest";
import { applyUnsubscribe, readUnsubscribeToken, unsubscribeUrl } from "@/lib/alerts/unsubscribe";
import { getAlertSettings, regenerateCalendarFeed, revokeCalendarFeed, updateAlertSettings } from "@/lib/alerts/settings";
import { calendarFeedFor } from "@/lib/alerts/calendar-feed";
import { alertCampaign, dayRange, forgetSweeps, record, sendTo, setToday } from "../support/alert-fixtures";

// A real SMTP server in-process: digests leave through the outbox over TCP.
const inbox: Array<{ to: string; subject: string; text: string }> = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        inbox.push({ to: mail.to && !Array.isArray(mail.to) ? mail.to.text : "", subject: mail.subject ?? "", text: mail.text ?? "" });
        callback();
      }, callback);
    },
  });
  // A reset connection from a client that went away is not the server failing.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  const { env } = await import("@/lib/env");
  Object.assign(env(), { SMTP_URL: `smtp://127.0.0.1:${port}` });
});

afterAll(async () => {
  const { env } = await import("@/lib/env");
  Object.assign(env(), { SMTP_URL: undefined });
  setToday(undefined);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  await forgetSweeps();
});

async function sweepDays(from: string, to: string) {
  for (const day of dayRange(from, to)) {
    setToday(day);
    await runAlertSweep({ today: day });
  }
}

let watched: string[] = [];

/**
 * Digests due at this London wall-clock time (BST in September: UTC+1), then the outbox.
 * Returns how many were queued for this test's people (other tests' people share the database).
 */
async function digestAt(londonIso: string) {
  const at = new Date(`${londonIso}+01:00`);
  setToday(at.toISOString());
  const before = await db.delivery.count({ where: { toAddress: { in: watched } } });
  await sendDueDigests(at);
  while ((await processOutbox()) > 0);
  return (await db.delivery.count({ where: { toAddress: { in: watched } } })) - before;
}

const to = (email: string) => inbox.filter((m) => m.to === email);

describe("the email digest", () => {
  it("one per person per day, only with something new, grouped by kind, naming the trusts, at the person's time", { timeout: 120_000 }, async () => {
    const c = await alertCampaign();
    watched = [c.owner.email, c.editor.email, c.viewer.email];
    const [a, b, d] = c.trusts as [{ id: string; name: string }, { id: string; name: string }, { id: string; name: string }];
    // The editor wants alerts in the app only; the viewer wants the digest at 18:00.
    await updateAlertSettings(c.editor.userId, {
      digestTime: "08:00",
      dueSoonDays: 3,
      preferences: { due_soon: "app", due_today: "app", overdue: "app", very_overdue: "app", review_overdue: "app", review_very_overdue: "app", clarification_waiting: "app", fee_waiting: "app", reply_received: "app", letter_bounced: "app", own_deadline_soon: "app", compliance_missed: "app" },
    });
    await db.alertSettings.create({ data: { userId: c.viewer.userId, digestTime: "18:00" } });
    setToday("2021-08-17");
    const ids = [await sendTo(c.editor, a.id, "2021-08-17"), await sendTo(c.editor, b.id, "2021-08-17"), await sendTo(c.editor, d.id, "2021-08-17")];

    await sweepDays("2021-09-01", "2021-09-10");
    expect(await digestAt("2021-09-10T07:59:00")).toBe(0); // before 08:00 London
    expect(await digestAt("2021-09-10T08:00:00")).toBe(1);
    expect(await digestAt("2021-09-10T08:01:00")).toBe(0); // once a day
    expect(to(c.owner.email)).toHaveLength(1);
    expect(to(c.editor.email)).toHaveLength(0);
    expect(to(c.viewer.email)).toHaveLength(0);
    const first = to(c.owner.email)[0]!;
    expect(first.subject).toBe("FOI alerts: 3 new for Friday 10 September 2021");
    expect(first.text).toContain("Due soon (3)");
    for (const trust of [a, b, d]) expect(first.text).toContain(`* ${trust.name}: Band 7 Lived Experience posts`);
    expect(first.text).toContain("Due Wednesday 15 September 2021 (3 working days left)");
    for (const id of ids) expect(first.text).toContain(`/requests/${id}`);
    expect(await digestAt("2021-09-10T18:00:00")).toBe(1);
    expect(to(c.viewer.email)).toHaveLength(1);

    // Nothing new over the weekend and Monday: no email.
    await sweepDays("2021-09-11", "2021-09-13");
    for (const day of ["2021-09-11", "2021-09-12", "2021-09-13"]) expect(await digestAt(`${day}T09:00:00`)).toBe(0);
    expect(to(c.owner.email)).toHaveLength(1);

    // The sweep skips the 14th to 16th; the 17th catches up: one email with what is still true
    // (overdue, not the 15th's "due today"), saying when it should have come.
    setToday("2021-09-17");
    await runAlertSweep({ today: "2021-09-17" });
    expect(await digestAt("2021-09-17T08:30:00")).toBe(1);
    const second = to(c.owner.email)[1]!;
    expect(second.text).not.toContain("Due today");
    expect(second.text.indexOf("Overdue (3)")).toBeGreaterThan(0);
    expect(second.text).toContain("Raised late: this alert was due on Thursday 16 September 2021");
    // FOIA requests: the ICO takes a complaint about no response once the body was chased.
    expect(second.text).toContain("Late: send a chaser. Once you have chased it, you can complain to the ICO, or ask for an internal review.");
    expect(second.text).toContain("Was due Wednesday 15 September 2021 (Overdue by 2 working days)");

    // The unsubscribe link works without signing in, once applied (by POST, on the page).
    const link = /Stop all alert emails \(one click, no sign-in\): (\S+)/.exec(second.text)![1]!;
    const token = new URL(link).searchParams.get("token")!;
    expect(readUnsubscribeToken(token)).toEqual({ userId: c.owner.userId, kind: "all" });
    expect(await applyUnsubscribe(token)).toMatchObject({ ok: true });
    const prefs = (await getAlertSettings(c.owner.userId)).preferences;
    expect(Object.values(prefs).every((p) => p === "app")).toBe(true);
    // The 40th working day passes: in the app, but no email for the owner.
    await sweepDays("2021-09-18", "2021-10-14");
    await digestAt("2021-10-14T08:00:00");
    expect(to(c.owner.email)).toHaveLength(2);
    expect(await db.notification.count({ where: { userId: c.owner.userId, alert: { kind: "very_overdue" } } })).toBe(3);
  });

  it("'in the app only' alerts are never mailed, not even after the kind is switched to email later", async () => {
    const c = await alertCampaign();
    watched = [c.owner.email, c.editor.email];
    const prefs = (overdue: "app" | "email") =>
      ({ digestTime: "08:00", dueSoonDays: 3, preferences: { due_soon: "email", due_today: "email", overdue, very_overdue: "email", review_overdue: "email", review_very_overdue: "email", clarification_waiting: "email", fee_waiting: "email", reply_received: "email", letter_bounced: "email", own_deadline_soon: "email", compliance_missed: "email" } }) as const;
    await updateAlertSettings(c.owner.userId, prefs("app"));
    setToday("2021-08-17");
    await sendTo(c.editor, c.trusts[0]!.id, "2021-08-17");
    // Due Wednesday 15 September: "due today" that day, "overdue" on the 16th.
    await sweepDays("2021-09-14", "2021-09-16");
    const undigested = async (userId: string) => db.notification.count({ where: { userId, digestedAt: null } });
    // The owner's "overdue" is app-only from the start; the editor switches it after it was raised.
    expect(await db.notification.count({ where: { userId: c.owner.userId, digestedAt: null, alert: { kind: "overdue" } } })).toBe(0);
    await updateAlertSettings(c.editor.userId, prefs("app"));
    expect(await digestAt("2021-09-16T08:00:00")).toBe(2);
    for (const member of [c.owner, c.editor]) {
      const mail = to(member.email).at(-1)!;
      expect(mail.text).toContain("Due today (1)");
      expect(mail.text).not.toContain("Overdue (");
      // Nothing left for the digest scan to re-read every minute.
      expect(await undigested(member.userId)).toBe(0);
    }
    // Both switch "overdue" to email: only alerts raised from now on are mailed.
    await updateAlertSettings(c.owner.userId, prefs("email"));
    await updateAlertSettings(c.editor.userId, prefs("email"));
    await sweepDays("2021-09-17", "2021-09-17");
    expect(await digestAt("2021-09-17T08:00:00")).toBe(0);
  });

  it("two workers sending digests at once queue one email per person", async () => {
    const c = await alertCampaign();
    setToday("2021-08-17");
    await sendTo(c.editor, c.trusts[0]!.id, "2021-08-17");
    await sweepDays("2021-09-14", "2021-09-15");
    const at = new Date("2021-09-15T08:00:00+01:00");
    setToday(at.toISOString());
    const [x, y] = await Promise.all([sendDueDigests(at), sendDueDigests(at)]);
    expect(x.queued + y.queued).toBeGreaterThanOrEqual(3);
    for (const member of [c.owner, c.editor, c.viewer]) {
      expect(await db.delivery.count({ where: { dedupeKey: `digest:${member.userId}:2021-09-15` } })).toBe(1);
      expect(await db.notification.count({ where: { userId: member.userId, digestedAt: null } })).toBe(0);
    }
    // Nobody here gets a second one that day (other tests' people may get theirs).
    await sendDueDigests(new Date("2021-09-15T20:00:00+01:00"));
    for (const member of [c.owner, c.editor, c.viewer]) {
      expect(await db.delivery.count({ where: { toAddress: member.email } })).toBe(1);
    }
  });

  it("an unsubscribe token for one kind only turns that kind off; forged or altered tokens do nothing", async () => {
    const c = await alertCampaign();
    const url = unsubscribeUrl(c.owner.userId, "overdue");
    const token = new URL(url).searchParams.get("token")!;
    await db.alertPreference.create({ data: { userId: c.owner.userId, kind: "overdue", delivery: "off" } });
    const allToken = new URL(unsubscribeUrl(c.owner.userId, "all")).searchParams.get("token")!;
    // A double click: both at once, no error; "off" stays off, everything else becomes app only.
    const both = await Promise.all([applyUnsubscribe(allToken), applyUnsubscribe(allToken)]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect((await getAlertSettings(c.owner.userId)).preferences).toMatchObject({ overdue: "off", due_today: "app", fee_waiting: "app" });
    await db.alertPreference.deleteMany({ where: { userId: c.owner.userId } });
    expect(await applyUnsubscribe(token)).toMatchObject({ ok: true, what: expect.stringContaining("Overdue") });
    const prefs = (await getAlertSettings(c.owner.userId)).preferences;
    expect(prefs.overdue).toBe("app");
    expect(prefs.due_today).toBe("email");
    const [payload, sig] = token.split(".");
    const forged = `${Buffer.from(`${c.editor.userId}.all`).toString("base64url")}.${sig}`;
    for (const bad of [forged, `${payload}.${sig}x`, "", "a.b.c", "<script>", "x".repeat(10_000), undefined, 42]) {
      expect(readUnsubscribeToken(bad)).toBeNull();
      expect(await applyUnsubscribe(bad)).toMatchObject({ ok: false });
    }
    expect((await getAlertSettings(c.editor.userId)).preferences.overdue).toBe("email");
  });

  it("settings refuse bad input next to the field and save nothing half-way", async () => {
    const c = await alertCampaign();
    const good = { digestTime: "07:30", dueSoonDays: 5, preferences: Object.fromEntries(["due_soon", "due_today", "overdue", "very_overdue", "review_overdue", "review_very_overdue", "clarification_waiting", "fee_waiting", "reply_received", "letter_bounced", "own_deadline_soon", "compliance_missed"].map((k) => [k, "email"])) };
    for (const [input, field] of [
      [{ ...good, digestTime: "24:00" }, "digestTime"],
      [{ ...good, digestTime: "" }, "digestTime"],
      [{ ...good, digestTime: "<b>8</b>" }, "digestTime"],
      [{ ...good, dueSoonDays: 0 }, "dueSoonDays"],
      [{ ...good, dueSoonDays: 11 }, "dueSoonDays"],
      [{ ...good, dueSoonDays: "3.5" }, "dueSoonDays"],
      [{ ...good, preferences: { ...good.preferences, overdue: "sms" } }, "preferences.overdue"],
    ] as const) {
      const result = await updateAlertSettings(c.owner.userId, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors)).toContain(field);
    }
    expect(await getAlertSettings(c.owner.userId)).toMatchObject({ digestTime: "08:00", dueSoonDays: 3 });
    expect(await updateAlertSettings(c.owner.userId, good)).toEqual({ ok: true });
    expect(await getAlertSettings(c.owner.userId)).toMatchObject({ digestTime: "07:30", dueSoonDays: 5, hasCalendarFeed: false });
  });
});

describe("the calendar feed", () => {
  function events(ics: string) {
    const vcal = new ICAL.Component(ICAL.parse(ics));
    return vcal.getAllSubcomponents("vevent").map((e) => ({
      uid: String(e.getFirstPropertyValue("uid")),
      start: String(e.getFirstPropertyValue("dtstart")),
      summary: String(e.getFirstPropertyValue("summary")),
      description: String(e.getFirstPropertyValue("description")),
      sequence: Number(e.getFirstPropertyValue("sequence")),
    }));
  }

  it("parses, has the due and review dates as all-day events with stable UIDs, follows changes, and a revoked address gives nothing", async () => {
    const c = await alertCampaign();
    setToday("2021-08-17");
    const title = "Band 7 posts; funding, “lived experience”\nand a very long title that has to be folded because it goes on and on past seventy-five octets 🚀";
    const [one, two, three] = [
      await sendTo(c.editor, c.trusts[0]!.id, "2021-08-17", title),
      await sendTo(c.editor, c.trusts[1]!.id, "2021-08-17"),
      await sendTo(c.editor, c.trusts[2]!.id, "2021-08-17"),
    ];
    const { url } = await regenerateCalendarFeed(c.viewer.userId);
    const token = /\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;
    expect((await getAlertSettings(c.viewer.userId)).hasCalendarFeed).toBe(true);
    const ics = (await calendarFeedFor(token))!;
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const first = events(ics).filter((e) => [one, two, three].some((id) => e.uid.startsWith(id!)));
    expect(first.map((e) => [e.uid, e.start]).sort()).toEqual(
      [
        [`${one}-due@foi-tracker`, "2021-09-15"],
        [`${two}-due@foi-tracker`, "2021-09-15"],
        [`${three}-due@foi-tracker`, "2021-09-15"],
      ].sort(),
    );
    const withTitle = first.find((e) => e.uid.startsWith(one!))!;
    expect(withTitle.summary).toBe(`FOI due: ${c.trusts[0]!.name} (${title})`);
    expect(withTitle.description).toContain(`/requests/${one}`);

    // An extension moves the event in place (same UID, higher SEQUENCE); an answer removes
    // it; a refusal then an internal review adds the review date.
    setToday("2021-09-10");
    await record(c.editor, one!, "extension", "2021-09-10", { newDueDate: "2021-09-29", exemptions: "s43(2)" });
    await record(c.editor, two!, "response_successful", "2021-09-10");
    await record(c.editor, three!, "response_refused", "2021-09-08", { exemptions: "s43" });
    await record(c.editor, three!, "internal_review_requested", "2021-09-10");
    const after = events((await calendarFeedFor(token))!).filter((e) => [one, two, three].some((id) => e.uid.startsWith(id!)));
    expect(after.map((e) => [e.uid, e.start]).sort()).toEqual(
      [
        [`${one}-due@foi-tracker`, "2021-09-29"],
        // 20 working days after Friday 10 September 2021.
        [`${three}-review@foi-tracker`, "2021-10-08"],
        // s45 Code para 5.3: the campaign's own deadline to ask for a review of the answer of
        // Friday 10 September, 40 working days later: Sep 13-17 (5), 20-Oct 1 (15), Oct 4-29 (35), Nov 1-5 (40).
        [`${two}-own@foi-tracker`, "2021-11-05"],
      ].sort(),
    );
    expect(after.find((e) => e.uid.startsWith(one!))!.sequence).toBeGreaterThanOrEqual(withTitle.sequence);

    // Another person's feed is theirs only; a revoked or replaced address gives nothing.
    const other = await alertCampaign();
    const { url: otherUrl } = await regenerateCalendarFeed(other.owner.userId);
    const otherEvents = events((await calendarFeedFor(/\/calendar\/([^/]+)\.ics$/.exec(otherUrl)![1]!))!);
    expect(otherEvents.some((e) => [one, two, three].some((id) => e.uid.startsWith(id!)))).toBe(false);
    const { url: newUrl } = await regenerateCalendarFeed(c.viewer.userId);
    expect(await calendarFeedFor(token)).toBeNull();
    const newToken = /\/calendar\/([^/]+)\.ics$/.exec(newUrl)![1]!;
    expect(await calendarFeedFor(newToken)).toContain("BEGIN:VCALENDAR");
    await revokeCalendarFeed(c.viewer.userId);
    expect(await calendarFeedFor(newToken)).toBeNull();
    expect((await getAlertSettings(c.viewer.userId)).hasCalendarFeed).toBe(false);
    for (const bad of ["", "x", "../etc/passwd", "a".repeat(5000), undefined]) expect(await calendarFeedFor(bad)).toBeNull();
  });
  it("leaves out due dates more than 90 days ago, so long-overdue requests cannot push the coming dates past the cap", async () => {
    const c = await alertCampaign();
    setToday("2021-09-06");
    const [old, recent, coming] = [
      await sendTo(c.editor, c.trusts[0]!.id, "2021-01-04"), // due Monday 1 February 2021
      await sendTo(c.editor, c.trusts[1]!.id, "2021-05-17"), // due in June: within 90 days
      await sendTo(c.editor, c.trusts[2]!.id, "2021-08-17"), // due Wednesday 15 September 2021
    ];
    const { url } = await regenerateCalendarFeed(c.owner.userId);
    const uids = events((await calendarFeedFor(/\/calendar\/([^/]+)\.ics$/.exec(url)![1]!))!).map((e) => e.uid);
    expect(uids).toContain(`${recent}-due@foi-tracker`);
    expect(uids).toContain(`${coming}-due@foi-tracker`);
    expect(uids).not.toContain(`${old}-due@foi-tracker`);
  });
});
