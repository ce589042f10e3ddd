import { describe, expect, it } from "vitest";
import { batchSentSummary, countBuckets, progressBucket, type RecipientFacts } from "@/lib/batches/progress";
import { bulkActionSchema, markSentSchema, PROGRESS_BUCKETS, recipientEditSchema, startBatchSchema } from "@/lib/batches/schemas";
import { DID_NOT_APPLY_FOLLOW_UP, GENERIC_TEMPLATE, QUESTIONS_PLACEHOLDER, suggestTemplate } from "@/lib/batches/suggested-templates";
import { parseTemplate, renderTemplate } from "@/lib/batches/merge-fields";

const base: RecipientFacts = { status: null, delivery: null, dueOn: null, acknowledged: false, today: "2021-10-07" };

describe("progress buckets", () => {
  it.each<[string, Partial<RecipientFacts>, string]>([
    ["no request yet", {}, "drafted"],
    ["a draft with nothing queued (WhatDoTheyKnow, post)", { status: "draft" }, "drafted"],
    ["its email waits", { status: "draft", delivery: "pending" }, "queued"],
    ["its email is being sent", { status: "draft", delivery: "sending" }, "queued"],
    ["its email failed", { status: "draft", delivery: "failed" }, "failed"],
    ["its email could not be confirmed", { status: "draft", delivery: "unconfirmed" }, "failed"],
    ["sent, not yet due", { status: "awaiting_response", delivery: "sent", dueOn: "2021-10-08" }, "sent"],
    ["due today is not overdue", { status: "awaiting_response", dueOn: "2021-10-07" }, "sent"],
    ["past its due date", { status: "awaiting_response", dueOn: "2021-10-04" }, "overdue"],
    ["extended and past the new date", { status: "extended", dueOn: "2021-10-06" }, "overdue"],
    ["acknowledged, not due", { status: "awaiting_response", dueOn: "2021-10-08", acknowledged: true }, "acknowledged"],
    ["acknowledged but overdue: overdue wins", { status: "awaiting_response", dueOn: "2021-10-04", acknowledged: true }, "overdue"],
    ["clock paused for clarification", { status: "awaiting_clarification", dueOn: "2021-10-04" }, "sent"],
    ["answered in full", { status: "successful", dueOn: "2021-10-04" }, "answered"],
    ["refused", { status: "refused" }, "answered"],
    ["in internal review", { status: "internal_review" }, "answered"],
    ["withdrawn", { status: "withdrawn" }, "answered"],
    ["sent by other means after its email failed", { status: "awaiting_response", delivery: "failed", dueOn: "2021-10-08" }, "sent"],
  ])("%s", (_name, facts, bucket) => {
    expect(progressBucket({ ...base, ...facts })).toBe(bucket);
  });

  it("counts every bucket, zeros included", () => {
    expect(countBuckets(["sent", "sent", "overdue"])).toEqual({ drafted: 0, queued: 0, sent: 2, failed: 0, acknowledged: 0, answered: 0, overdue: 1, total: 3 });
    expect(Object.keys(countBuckets([])).sort()).toEqual([...PROGRESS_BUCKETS, "total"].sort());
  });
});

describe("what a batch's heading says was sent", () => {
  const counts = (buckets: Parameters<typeof countBuckets>[0]) => countBuckets(buckets);
  it("says requests were created, not sent, while letters via WhatDoTheyKnow or post wait for their address or posting date", () => {
    expect(batchSentSummary("sent", "Monday 30 November 2026", counts(Array(31).fill("drafted")))).toBe("Requests created on Monday 30 November 2026; 0 of 31 sent");
    expect(batchSentSummary("sent", "Monday 30 November 2026", counts([...Array(29).fill("drafted"), "sent", "acknowledged"]))).toBe("Requests created on Monday 30 November 2026; 2 of 31 sent");
    expect(batchSentSummary("sent", "Monday 30 November 2026", counts(["queued", "failed", "sent"]))).toBe("Requests created on Monday 30 November 2026; 1 of 3 sent");
  });
  it("says sent once every letter has gone, and draft before anything was created", () => {
    expect(batchSentSummary("sent", "Monday 30 November 2026", counts(["sent", "answered", "overdue", "acknowledged"]))).toBe("Sent Monday 30 November 2026");
    expect(batchSentSummary("draft", null, counts(["drafted"]))).toBe("Draft: nothing has been sent yet");
  });
});

describe("suggested letters", () => {
  it("the did-not-apply follow-up (s1(1) recorded information, s40(2) job titles, s16 advice before a cost refusal) uses only known merge fields", () => {
    const s = suggestTemplate({ parentIsNhsEngland: true, outcome: "did_not_apply", count: 31 });
    expect(s.name).toBe("Follow-up: did not apply (31 trusts)");
    expect(parseTemplate(s.template)).toMatchObject({ ok: true });
    expect(parseTemplate(s.titleTemplate)).toMatchObject({ ok: true });
    expect(s.template).toBe(DID_NOT_APPLY_FOLLOW_UP.template);
    // KUF is the Knowledge and Understanding Framework (NHS England's answer to FOI-2108-1525161); no "Keyworker".
    expect(s.template).toMatch(/Knowledge and Understanding Framework \(KUF\)/);
    expect(s.template + s.titleTemplate).not.toMatch(/Keyworker/i);
    expect(s.template).toMatch(/recorded information/);
    expect(s.template).toMatch(/between 1 November 2020 and 31 March 2021/);
    expect(s.template).toMatch(/job titles \(not the names\).*section 40\(2\)/s);
    expect(s.template).toMatch(/short timescales.*Covid-19/s);
    expect(s.template).toMatch(/reply to its NHS England regional mental health team/);
    expect(s.template).toMatch(/cost limit.*section 16 of the Act/s);
    expect(s.template).toMatch(/Lived Experience Professionals .* involved in, that decision/);
    expect(s.template).toMatch(/Band 7 or above/);
  });

  it("other sources get the generic letter, which cannot be sent until the questions are written", () => {
    expect(suggestTemplate({ parentIsNhsEngland: false, outcome: null, count: 1 }).name).toBe("New batch (1 body)");
    expect(suggestTemplate({ parentIsNhsEngland: true, outcome: "funded", count: 24 }).name).toBe("Follow-up: applied and funded (24 bodies)");
    expect(GENERIC_TEMPLATE.template).toContain(QUESTIONS_PLACEHOLDER);
    expect(parseTemplate(GENERIC_TEMPLATE.template)).toMatchObject({ ok: true });
  });

  it("renders names with '&', apostrophes and braces as plain text", () => {
    const values = (name: string) => ({ body: { name, shortName: null }, parent: { reference: "FOI-2108-1525161", sentOn: "2021-08-02", title: "Funding" }, outcome: "did_not_apply" as const, sender: { name: "LXP Revolution" }, today: "2021-09-06" });
    for (const name of ["South West London and St George's Mental Health NHS Trust", "Lancashire & South Cumbria NHS Foundation Trust", "{{today}} <b>Trust</b>"]) {
      const letter = renderTemplate(DID_NOT_APPLY_FOLLOW_UP.template, values(name));
      expect(letter.startsWith(`Dear ${name},\n`)).toBe(true);
      expect(letter).toContain("FOI-2108-1525161 of Monday 2 August 2021");
      expect(letter).toContain("listed your trust as: Did not apply.");
      expect(letter.trimEnd().endsWith("LXP Revolution\nMonday 6 September 2021")).toBe(true);
      expect(renderTemplate(DID_NOT_APPLY_FOLLOW_UP.titleTemplate, values(name))).toContain(name);
    }
  });
});

describe("batch inputs", () => {
  it("bulk actions: one request id from a form becomes a list; unknown actions and kinds are refused", () => {
    expect(bulkActionSchema.parse({ action: "chaser", requestIds: "r1" })).toEqual({ action: "chaser", requestIds: ["r1"] });
    expect(bulkActionSchema.safeParse({ action: "chaser", requestIds: [] }).success).toBe(false);
    expect(bulkActionSchema.safeParse({ action: "delete", requestIds: ["r1"] }).success).toBe(false);
    expect(bulkActionSchema.safeParse({ action: "status", kind: "sent", on: "2021-10-07", requestIds: ["r1"] }).success).toBe(false);
    expect(bulkActionSchema.safeParse({ action: "status", kind: "acknowledged", on: "2021-02-29", requestIds: ["r1"] }).success).toBe(false);
    expect(bulkActionSchema.safeParse({ action: "note", note: " ", requestIds: ["r1"] }).success).toBe(false);
    expect(bulkActionSchema.safeParse({ action: "note", note: "x".repeat(10_001), requestIds: ["r1"] }).success).toBe(false);
  });

  it("marking sent: a real date, and only a WhatDoTheyKnow request address", () => {
    expect(markSentSchema.parse({ sentOn: "2021-09-06", url: "" })).toEqual({ sentOn: "2021-09-06" });
    expect(markSentSchema.parse({ sentOn: "2021-09-06", url: " https://www.whatdotheyknow.com/request/why_not " }).url).toBe("https://www.whatdotheyknow.com/request/why_not");
    for (const url of ["http://www.whatdotheyknow.com/request/x", "https://whatdotheyknow.com.evil.example/request/x", "javascript:alert(1)", "https://www.whatdotheyknow.com/body/x"]) {
      expect(markSentSchema.safeParse({ sentOn: "2021-09-06", url }).success).toBe(false);
    }
    expect(markSentSchema.safeParse({ sentOn: "06/09/2021" }).success).toBe(false);
  });

  it("a recipient's letter and channel: blank means back to the batch's", () => {
    expect(recipientEditSchema.parse({ letter: "  ", channel: "" })).toEqual({ letter: null, channel: null });
    expect(recipientEditSchema.parse({})).toEqual({});
    expect(recipientEditSchema.safeParse({ channel: "portal" }).success).toBe(false);
  });

  it("starting: a parent's outcome or a list of bodies", () => {
    expect(startBatchSchema.safeParse({ parentId: "p", outcome: "did_not_apply" }).success).toBe(true);
    expect(startBatchSchema.parse({ bodyIds: "b1" })).toEqual({ bodyIds: ["b1"] });
    expect(startBatchSchema.safeParse({ parentId: "p", outcome: "maybe" }).success).toBe(false);
    expect(startBatchSchema.safeParse({ bodyIds: Array.from({ length: 2001 }, (_, i) => `b${i}`) }).success).toBe(false);
  });
});
