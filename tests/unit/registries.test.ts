// One registry per kind of thing: every alert kind and every timeline event kind has all its
// facts, and the exhaustive switches that use them handle every kind without throwing.
import { describe, expect, it } from "vitest";
import { AlertKind as PrismaAlertKind, EventKind as PrismaEventKind, RequestStatus } from "@/lib/generated/prisma";
import type { AlertKind } from "@/lib/generated/prisma";
import { ALERT_KIND_REGISTRY, ALERT_KIND_VALUES, ALERT_SEVERITY, describeAlert } from "@/lib/alerts/kinds";
import { buildCalendar, computeClock, EVENT_KINDS, type EventKind } from "@/lib/deadlines";
import { loadShippedHolidayData } from "@/lib/holidays/calendars";
import { EVENT_KIND_REGISTRY } from "@/lib/requests/event-kinds";
import { eventLabels } from "@/lib/requests/labels";
import { nextStep } from "@/lib/requests/next-step";
import { applyEvent } from "@/lib/requests/timeline";

describe("the alert kind registry", () => {
  it("has every AlertKind of the database, once, in display order", () => {
    expect(Object.keys(ALERT_KIND_REGISTRY).sort()).toEqual(Object.values(PrismaAlertKind).sort());
    expect(ALERT_KIND_VALUES).toEqual(Object.keys(ALERT_KIND_REGISTRY));
  });

  it.each(Object.values(PrismaAlertKind))("%s has a label, when, what to do, date words and a severity of its own", (kind: AlertKind) => {
    const info = ALERT_KIND_REGISTRY[kind];
    expect(info.label).toMatch(/^[A-Z]/);
    expect(info.when.length).toBeGreaterThan(10);
    expect(info.whatToDo.length).toBeGreaterThan(10);
    expect(info.dateMeaning).toMatch(/^[A-Z0-9]/);
    expect(info.digestDateWords).toMatch(/^[A-Z0-9]/);
    expect(describeAlert({ kind, dueOn: "2021-08-31", bodyName: "Oxleas" })).toContain("Tuesday 31 August 2021");
    expect(typeof info.isDeadline).toBe("boolean");
    expect(Object.values(ALERT_SEVERITY).filter((s) => s === ALERT_SEVERITY[kind])).toHaveLength(1);
  });

  it("a registry missing a kind does not compile", () => {
    // @ts-expect-error due_today and the others are missing
    const partial = { due_soon: ALERT_KIND_REGISTRY.due_soon } satisfies Record<AlertKind, unknown>;
    expect(Object.keys(partial)).toHaveLength(1);
  });
});

describe("the timeline event kind registry", () => {
  const calendar = buildCalendar(loadShippedHolidayData(), { law: "foia" });

  it("has every EventKind of the database and of the clock, once", () => {
    expect(Object.keys(EVENT_KIND_REGISTRY).sort()).toEqual(Object.values(PrismaEventKind).sort());
    expect([...EVENT_KINDS].sort()).toEqual(Object.values(PrismaEventKind).sort());
  });

  it.each([...EVENT_KINDS])("%s has a label, allowed transitions from every status, and a clock effect", (kind: EventKind) => {
    expect(eventLabels[kind]).toBe(EVENT_KIND_REGISTRY[kind].label);
    expect(eventLabels[kind]).toMatch(/^[A-Z]/);
    for (const status of Object.values(RequestStatus)) {
      // Either a step or a reason in plain words: never an exception for an unknown kind.
      const step = applyEvent(status, { kind, at: "2021-08-10T12:00:00Z", result: "refused" });
      expect(step.ok ? step.status : step.reason.length > 10).toBeTruthy();
    }
    const clock = computeClock([{ kind: "sent", at: "2021-08-02" }, { kind, at: "2021-08-10" }], { law: "foia", calendar }, "2021-08-20");
    expect(clock.sentOn).toBe("2021-08-02");
  });

  it.each(Object.values(RequestStatus))("status %s has a next step", (status) => {
    const clock = computeClock([{ kind: "sent", at: "2021-08-02" }], { law: "foia", calendar }, "2021-08-20");
    expect(nextStep(status, clock).length).toBeGreaterThan(10);
  });

  it("a registry missing a kind does not compile", () => {
    // @ts-expect-error resent and the others are missing
    const partial = { sent: EVENT_KIND_REGISTRY.sent } satisfies Record<EventKind, unknown>;
    expect(Object.keys(partial)).toHaveLength(1);
  });
});
