import { describe, expect, it } from "vitest";
import { possibleNextEvents, replayTimeline, type TimelineEntry } from "@/lib/requests/timeline";

const at = (day: number) => `2021-08-${String(day).padStart(2, "0")}T12:00:00.000Z`;
const e = (kind: TimelineEntry["kind"], day: number, result?: TimelineEntry["result"]): TimelineEntry => ({ kind, at: at(day), result });

describe("request lifecycle", () => {
  it.each<[string, TimelineEntry[], string]>([
    ["sent", [e("sent", 2)], "awaiting_response"],
    ["acknowledged keeps waiting", [e("sent", 2), e("acknowledged", 3)], "awaiting_response"],
    ["clarification round trip", [e("sent", 2), e("clarification_requested", 4), e("clarification_sent", 5)], "awaiting_response"],
    ["fees round trip", [e("sent", 2), e("fees_notice", 4)], "awaiting_fee"],
    ["fee paid", [e("sent", 2), e("fees_notice", 4), e("fee_paid", 6)], "awaiting_response"],
    ["extension", [e("sent", 2), e("extension", 20)], "extended"],
    // FOIA s17(2): a body may revise its estimate; the clock decides which notice counts.
    ["a revised extension (s17(2))", [e("sent", 2), e("extension", 20), e("extension", 21)], "extended"],
    ["answered after an extension", [e("sent", 2), e("extension", 20), e("response_partial", 25)], "partially_successful"],
    ["refused then review", [e("sent", 2), e("response_refused", 20), e("internal_review_requested", 21)], "internal_review"],
    ["review upholds", [e("sent", 2), e("response_refused", 10), e("internal_review_requested", 11), e("internal_review_answered", 20, "refused")], "refused"],
    ["review after a long delay", [e("sent", 2), e("internal_review_requested", 30)], "internal_review"],
    ["ICO after review", [e("sent", 2), e("response_refused", 10), e("internal_review_requested", 11), e("internal_review_answered", 20, "refused"), e("ico_complaint", 21)], "ico_complaint"],
    ["ICO decides", [e("sent", 2), e("response_refused", 3), e("internal_review_requested", 4), e("ico_complaint", 25), e("ico_decision", 30, "successful")], "successful"],
    ["withdrawn", [e("sent", 2), e("withdrawn", 3)], "withdrawn"],
    ["notes anywhere", [e("note", 1), e("sent", 2), e("note", 3)], "awaiting_response"],
    ["order comes from the dates, not the input", [e("response_successful", 20), e("sent", 2)], "successful"],
  ])("%s", (_name, entries, status) => {
    expect(replayTimeline(entries)).toEqual({ ok: true, status });
  });

  it.each<[string, TimelineEntry[], RegExp]>([
    ["review answer before a review", [e("sent", 2), e("response_refused", 10), e("internal_review_answered", 12, "refused")], /asked for an internal review first/],
    ["anything before sending", [e("acknowledged", 2)], /sent first/],
    ["two responses", [e("sent", 2), e("response_successful", 10), e("response_refused", 11)], /already been answered/],
    ["clarification sent without a request", [e("sent", 2), e("clarification_sent", 3)], /request for clarification first/],
    ["fee paid without a notice", [e("sent", 2), e("fee_paid", 3)], /fees notice first/],
    ["an extension after the answer", [e("sent", 2), e("response_refused", 10), e("extension", 21)], /while you are waiting/],
    ["ICO decision without a complaint", [e("sent", 2), e("response_refused", 10), e("ico_decision", 12, "successful")], /complaint to the ICO first/],
    ["a review answer without a result", [e("sent", 2), e("response_refused", 10), e("internal_review_requested", 11), e("internal_review_answered", 12, null)], /what the internal review decided/],
    ["after withdrawal", [e("sent", 2), e("withdrawn", 3), e("response_successful", 4)], /withdrawn/],
    ["sent twice", [e("sent", 2), e("sent", 3)], /already been sent/],
  ])("refuses %s", (_name, entries, reason) => {
    const result = replayTimeline(entries);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("offers only the events that can follow", () => {
    expect(possibleNextEvents("awaiting_clarification")).toEqual(expect.arrayContaining(["clarification_sent", "response_successful", "withdrawn", "note"]));
    expect(possibleNextEvents("awaiting_clarification")).not.toContain("fee_paid");
    expect(possibleNextEvents("refused")).toEqual(["internal_review_requested", "ico_complaint", "withdrawn", "note"]);
    expect(possibleNextEvents("withdrawn")).toEqual(["note"]);
  });
});
