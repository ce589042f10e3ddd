import { describe, expect, it } from "vitest";
import { parseRequestJson, parseRequestPage, WdtkFormatError } from "@/lib/whatdotheyknow/parse";
import { buildThread } from "@/lib/whatdotheyknow/thread";
import { WDTK_STATES, wdtkStatusDiffers } from "@/lib/whatdotheyknow/states";
import { fixtureRequests, requestJson, requestPage } from "../../support/wdtk-fixtures";

const ORIGIN = "http://127.0.0.1:9";
const fixture = (urlTitle: string) => fixtureRequests().find((r) => r.urlTitle === urlTitle)!;
const threadOf = (urlTitle: string) => {
  const r = fixture(urlTitle);
  return buildThread(parseRequestJson(JSON.stringify(requestJson(r, ORIGIN))), parseRequestPage(requestPage(r), ORIGIN), ORIGIN);
};
const kinds = (urlTitle: string) => threadOf(urlTitle).events.map((e) => [e.kind, e.on, e.result ?? null]);

describe("a WhatDoTheyKnow request read from its JSON and page", () => {
  it("a plain successful request: title, body, law, sent date, both messages with their words and links", () => {
    const t = threadOf("band_7_posts_plain");
    expect(t).toMatchObject({
      url: `${ORIGIN}/request/band_7_posts_plain`,
      title: "Band 7 posts (plain)",
      body: { name: "Solent NHS Trust", urlName: "solent_nhs_trust" },
      law: "foia",
      sentAt: "2021-09-06T09:00:00.000Z",
      state: "successful",
    });
    expect(t.messages.map((m) => [m.direction, m.sourceKey, m.externalUrl])).toEqual([
      ["outgoing", "127.0.0.1:9/outgoing/5001", `${ORIGIN}/request/band_7_posts_plain#outgoing-5001`],
      ["incoming", "127.0.0.1:9/incoming/201", `${ORIGIN}/request/band_7_posts_plain#incoming-201`],
    ]);
    expect(t.messages[1]).toMatchObject({ fromName: "FOI Team, Solent NHS Trust", text: "Dear LXP Revolution,\n\nWe hold 2 Band 7 Lived Experience posts.\n\nRegards,\nFOI Team" });
    expect(kinds("band_7_posts_plain")).toEqual([
      ["sent", "2021-09-06", null],
      ["response_successful", "2021-09-20", null],
    ]);
  });

  it("clarification asked and sent; an extension letter is only a message (its meaning is in its words)", () => {
    expect(kinds("band_7_posts_clarified")).toEqual([
      ["sent", "2021-09-06", null],
      ["clarification_requested", "2021-09-10", null],
      ["clarification_sent", "2021-09-13", null],
      ["response_successful", "2021-11-04", null],
    ]);
    expect(threadOf("band_7_posts_clarified").messages).toHaveLength(5);
  });

  it("a refusal, the internal review asked for and answered (with what it decided)", () => {
    expect(kinds("band_7_posts_refused")).toEqual([
      ["sent", "2021-09-06", null],
      ["response_refused", "2021-09-27", null],
      ["internal_review_requested", "2021-09-28", null],
      ["internal_review_answered", "2021-10-22", "partially_successful"],
    ]);
  });

  it("attachments: each with its file name and download address; an undescribed reply makes no entry", () => {
    const t = threadOf("band_7_posts_attachments");
    expect(t.state).toBe("waiting_classification");
    expect(t.messages[1]!.externalAttachments).toEqual([
      { filename: "FOI 21-123 response.pdf", url: `${ORIGIN}/request/band_7_posts_attachments/response/231/attach/2/FOI%2021-123%20response.pdf` },
      { filename: "Posts & roles.xlsx", url: `${ORIGIN}/request/band_7_posts_attachments/response/231/attach/3/Posts%20%26%20roles.xlsx` },
    ]);
    expect(t.messages[1]!.text).toBe("Please see the attached response and spreadsheet.");
    expect(t.events.map((e) => e.kind)).toEqual(["sent"]);
  });

  it("malformed JSON, or JSON of another shape, is refused with what was wrong", () => {
    expect(() => parseRequestJson('{"id": 1, ')).toThrow(WdtkFormatError);
    expect(() => parseRequestJson(JSON.stringify({ ...requestJson(fixture("band_7_posts_plain"), ORIGIN), public_body: null }))).toThrow(/public_body/);
  });
});

describe("WhatDoTheyKnow's states beside ours", () => {
  it("every state Alaveteli describes has a label, and differing ones are told apart", () => {
    for (const state of ["waiting_response", "waiting_clarification", "gone_postal", "not_held", "rejected", "successful", "partially_successful", "internal_review", "error_message", "requires_admin", "user_withdrawn", "attention_requested", "vexatious", "not_foi"]) {
      expect(WDTK_STATES).toHaveProperty(state);
    }
    expect(wdtkStatusDiffers("successful", "successful")).toBe(false);
    expect(wdtkStatusDiffers("rejected", "refused")).toBe(false);
    expect(wdtkStatusDiffers("waiting_response", "extended")).toBe(false);
    expect(wdtkStatusDiffers("successful", "awaiting_response")).toBe(true);
    expect(wdtkStatusDiffers("waiting_classification", "awaiting_response")).toBe(true);
  });
});
