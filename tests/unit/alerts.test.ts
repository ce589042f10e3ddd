import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import fc from "fast-check";
import crypto from "node:crypto";
import { env } from "@/lib/env";
import { sign } from "@/lib/alerts/secrets";
import { buildCalendar as buildWorkingDays } from "@/lib/deadlines";
import { loadShippedHolidayData } from "@/lib/holidays/calendars";
import { buildCalendar, escapeText, foldLine } from "@/lib/alerts/ical";
import { ALERT_KINDS, ALERT_KIND_VALUES, describeAlert, whatToDo } from "@/lib/alerts/kinds";
import { alertSettingsSchema } from "@/lib/alerts/schemas";
import { addDays, daysBetween, londonParts, workingDaysFrom } from "@/lib/alerts/dates";

describe("alert kinds", () => {
  it("lists every kind once, in display order, with plain words and something to do", () => {
    expect(ALERT_KIND_VALUES).toEqual(["due_soon", "due_today", "overdue", "very_overdue", "review_overdue", "review_very_overdue", "clarification_waiting", "fee_waiting", "reply_received", "letter_bounced", "own_deadline_soon", "compliance_missed"]);
    for (const k of ALERT_KINDS) {
      expect(k.label).toMatch(/^[A-Z]/);
      expect(whatToDo(k.kind).length).toBeGreaterThan(10);
    }
    expect(describeAlert({ kind: "overdue", dueOn: "2021-08-31", bodyName: "Oxleas NHS Foundation Trust" })).toBe(
      "Overdue: Oxleas NHS Foundation Trust, was due Tuesday 31 August 2021",
    );
  });
});

describe("alert settings schema", () => {
  const prefs = Object.fromEntries(ALERT_KIND_VALUES.map((k) => [k, "email"]));
  it("accepts 00:00 to 23:59 and 1 to 10 working days only", () => {
    expect(alertSettingsSchema.safeParse({ digestTime: "00:00", dueSoonDays: 1, preferences: prefs }).success).toBe(true);
    expect(alertSettingsSchema.safeParse({ digestTime: "23:59", dueSoonDays: "10", preferences: prefs }).success).toBe(true);
    for (const digestTime of ["24:00", "8:00", "08:60", "", " ", "08:00:00", "０８:００"]) {
      expect(alertSettingsSchema.safeParse({ digestTime, dueSoonDays: 3, preferences: prefs }).success).toBe(false);
    }
    for (const dueSoonDays of [0, 11, -1, 2.5, "", "x", null]) {
      expect(alertSettingsSchema.safeParse({ digestTime: "08:00", dueSoonDays, preferences: prefs }).success).toBe(false);
    }
    expect(alertSettingsSchema.safeParse({ digestTime: "08:00", dueSoonDays: 3, preferences: { ...prefs, overdue: "sms" } }).success).toBe(false);
    expect(alertSettingsSchema.safeParse({ digestTime: "08:00", dueSoonDays: 3, preferences: {} }).success).toBe(false);
  });
});

describe("alert dates", () => {
  it("reads London's day and time across the clock changes", () => {
    expect(londonParts(new Date("2021-09-06T07:00:00Z"))).toEqual({ day: "2021-09-06", time: "08:00" }); // BST
    expect(londonParts(new Date("2021-12-06T08:00:00Z"))).toEqual({ day: "2021-12-06", time: "08:00" }); // GMT
    expect(londonParts(new Date("2021-09-06T23:30:00Z"))).toEqual({ day: "2021-09-07", time: "00:30" });
  });
  it("lists the days of a window (after, upTo]", () => {
    expect(daysBetween("2021-08-30", "2021-09-02")).toEqual(["2021-08-31", "2021-09-01", "2021-09-02"]);
    expect(daysBetween("2021-09-02", "2021-09-02")).toEqual([]);
    expect(addDays("2021-12-31", 1)).toBe("2022-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
  it("counts working days left and overdue across the bank holiday", () => {
    const calendar = buildWorkingDays(loadShippedHolidayData(), { law: "foia" });
    expect(workingDaysFrom(calendar, "2021-08-27", "2021-08-31")).toEqual({ workingDays: 1, label: "1 working day left" }); // Monday 30th a holiday
    expect(workingDaysFrom(calendar, "2021-08-31", "2021-08-31")).toEqual({ workingDays: 0, label: "Due today" });
    expect(workingDaysFrom(calendar, "2021-09-06", "2021-08-31")).toEqual({ workingDays: -4, label: "Overdue by 4 working days" });
  });
});

describe("the iCalendar writer", () => {
  it("escapes text per RFC 5545 and folds lines at 75 octets without splitting characters", () => {
    expect(escapeText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
    const folded = foldLine(`SUMMARY:${"é".repeat(100)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"é".repeat(100)}`);
  });

  it("round-trips any summary through a real parser (ical.js)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "grapheme" }), fc.string({ maxLength: 300 }), (summary, description) => {
        const ics = buildCalendar({
          name: "Test",
          now: new Date("2021-09-06T08:00:00Z"),
          events: [{ uid: "r1-due@foi-tracker", date: "2021-08-31", summary, description, sequence: 3 }],
        });
        expect(ics.endsWith("\r\n")).toBe(true);
        for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!;
        // Control characters other than newlines are dropped; everything else survives.
        const clean = (s: string) => s.replace(/\r\n|\r/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
        expect(String(event.getFirstPropertyValue("summary") ?? "")).toBe(clean(summary));
        expect(String(event.getFirstPropertyValue("description") ?? "")).toBe(clean(description));
        expect(String(event.getFirstPropertyValue("dtstart"))).toBe("2021-08-31");
        expect(String(event.getFirstPropertyValue("dtend"))).toBe("2021-09-01");
        expect(event.getFirstPropertyValue("uid")).toBe("r1-due@foi-tracker");
      }),
      { numRuns: 200 },
    );
  });
});

describe("signed alert links", () => {
  it("use the validated NEXTAUTH_SECRET from lib/env only, never process.env directly", () => {
    const settings = env();
    const saved = { validated: settings.NEXTAUTH_SECRET, raw: process.env.NEXTAUTH_SECRET };
    try {
      Object.assign(settings, { NEXTAUTH_SECRET: undefined });
      process.env.NEXTAUTH_SECRET = "p".repeat(40);
      expect(() => sign("unsubscribe", "payload")).toThrow(/NEXTAUTH_SECRET is not set/);
      Object.assign(settings, { NEXTAUTH_SECRET: "s".repeat(40) });
      expect(sign("unsubscribe", "payload")).toBe(crypto.createHmac("sha256", "s".repeat(40)).update("unsubscribe\npayload").digest("base64url"));
    } finally {
      Object.assign(settings, { NEXTAUTH_SECRET: saved.validated });
      if (saved.raw === undefined) delete process.env.NEXTAUTH_SECRET;
      else process.env.NEXTAUTH_SECRET = saved.raw;
    }
  });
});
