import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ConflictError } from "@/lib/auth/errors";
import { importRequest } from "@/lib/whatdotheyknow/import-request";
import { makeCampaign } from "../support/batch-fixtures";
import { fixtureRequests, startWdtkFixtureServer, type WdtkFixtureServer } from "../support/wdtk-fixtures";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
let site: WdtkFixtureServer;
const url = (t: string) => `${site.origin}/request/${t}`;
// The client's pacing and backoff are tested on their own; here they would only slow the run.
const quick = { minIntervalMs: 0, retryBaseMs: 10 };

beforeAll(async () => {
  site = await startWdtkFixtureServer();
  Object.assign(env(), { WDTK_BASE_URL: site.origin, FOI_NOW: "2021-12-01T12:00:00Z" });
});
afterAll(async () => {
  Object.assign(env(), { WDTK_BASE_URL: "https://www.whatdotheyknow.com", FOI_NOW: undefined });
  await site.close();
});

async function snapshot(requestId: string) {
  const request = await db.foiRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, sentAt: true, dueOn: true, title: true, law: true, bodyId: true, externalUrl: true } });
  const messages = await db.message.findMany({ where: { requestId }, orderBy: { sentAt: "asc" }, select: { direction: true, sourceKey: true, externalUrl: true, externalAttachments: true, bodyText: true } });
  const events = await db.requestEvent.findMany({ where: { requestId }, orderBy: { occurredAt: "asc" }, select: { kind: true, occurredAt: true, result: true, approximate: true, messageId: true } });
  return { request, messages, events };
}

describe("importing a WhatDoTheyKnow request by its address", () => {
  it("creates the request with its body from the directory, its messages in and out, and its timeline; twice changes nothing", async () => {
    const { editor, ids } = await makeCampaign();
    const result = await importRequest(editor, { url: url("band_7_posts_plain") }, quick);
    expect(result).toMatchObject({ created: true, bodyCreated: false, messagesAdded: 2, eventsAdded: 1 });
    expect(result.line).toEqual({
      url: url("band_7_posts_plain"),
      title: "Band 7 posts (plain)",
      body: "Solent NHS Trust",
      law: "foia",
      sentOn: "2021-09-06",
      events: [
        { kind: "sent", on: "2021-09-06" },
        { kind: "response_successful", on: "2021-09-20" },
      ],
      messages: 2,
    });
    const first = await snapshot(result.requestId);
    expect(first.request).toMatchObject({ status: "successful", law: "foia", bodyId: ids.get("solent"), externalUrl: url("band_7_posts_plain"), title: "Band 7 posts (plain)" });
    expect(first.request.sentAt?.toISOString()).toBe("2021-09-06T09:00:00.000Z");
    expect(first.messages.map((m) => [m.direction, m.externalUrl])).toEqual([
      ["outgoing", `${url("band_7_posts_plain")}#outgoing-5001`],
      ["incoming", `${url("band_7_posts_plain")}#incoming-201`],
    ]);
    expect(first.events.map((e) => e.kind)).toEqual(["sent", "response_successful"]);
    expect(first.events.every((e) => e.messageId)).toBe(true);
    const follow = await db.wdtkFollow.findUniqueOrThrow({ where: { requestId: result.requestId } });
    expect(follow).toMatchObject({ siteState: "successful", url: url("band_7_posts_plain") });
    expect(follow.etag).toBeTruthy();

    const again = await importRequest(editor, { url: `${url("band_7_posts_plain")}#incoming-201` }, quick);
    expect(again).toMatchObject({ requestId: result.requestId, created: false, messagesAdded: 0, eventsAdded: 0, eventsDated: 0 });
    expect(await snapshot(result.requestId)).toEqual(first);
    expect(await db.auditLog.count({ where: { workspaceId: editor.workspaceId, action: "request.import_wdtk" } })).toBe(1);
  });

  it("clarification, refusal and internal review, attachments, and a body the directory does not have", async () => {
    const { editor } = await makeCampaign();
    const clarified = await importRequest(editor, { url: url("band_7_posts_clarified") }, quick);
    const c = await snapshot(clarified.requestId);
    expect(c.events.map((e) => e.kind)).toEqual(["sent", "clarification_requested", "clarification_sent", "response_successful"]);
    expect(c.messages).toHaveLength(5);
    expect(c.request.status).toBe("successful");

    const refused = await importRequest(editor, { url: url("band_7_posts_refused") }, quick);
    const r = await snapshot(refused.requestId);
    expect(r.events.map((e) => [e.kind, e.result])).toEqual([
      ["sent", null],
      ["response_refused", null],
      ["internal_review_requested", null],
      ["internal_review_answered", "partially_successful"],
    ]);
    expect(r.request.status).toBe("partially_successful");

    const withFiles = await importRequest(editor, { url: url("band_7_posts_attachments") }, quick);
    const a = await snapshot(withFiles.requestId);
    expect(a.request.status).toBe("awaiting_response");
    expect(a.messages[1]!.externalAttachments).toEqual([
      { filename: "FOI 21-123 response.pdf", url: `${url("band_7_posts_attachments")}/response/231/attach/2/FOI%2021-123%20response.pdf` },
      { filename: "Posts & roles.xlsx", url: `${url("band_7_posts_attachments")}/response/231/attach/3/Posts%20%26%20roles.xlsx` },
    ]);
    expect(await db.wdtkFollow.findUniqueOrThrow({ where: { requestId: withFiles.requestId }, select: { siteState: true } })).toEqual({ siteState: "waiting_classification" });

    const council = fixtureRequests().find((f) => f.urlTitle === "band_7_posts_plain")!;
    site.add({ ...council, id: 2001, urlTitle: "parking_fines_2021", title: "Parking fines 2021", body: { id: 55, urlName: "example_district_council", name: "Example District Council", shortName: null } });
    const elsewhere = await importRequest(editor, { url: url("parking_fines_2021") }, quick);
    expect(elsewhere.bodyCreated).toBe(true);
    const body = await db.publicBody.findFirstOrThrow({ where: { workspaceId: editor.workspaceId, wdtkSlug: "example_district_council" }, select: { name: true, id: true } });
    expect(body.name).toBe("Example District Council");
    expect((await importRequest(editor, { url: url("parking_fines_2021") }, quick)).bodyCreated).toBe(false);
  });

  it("a re-import replaces approximate dates with the real ones, and adds nothing twice", async () => {
    const { editor, ids } = await makeCampaign();
    const request = await db.foiRequest.create({
      data: {
        workspaceId: editor.workspaceId,
        bodyId: ids.get("solent")!,
        title: "Band 7 posts (plain)",
        letter: "Dear Solent NHS Trust, ...",
        channel: "whatdotheyknow",
        externalUrl: url("band_7_posts_plain"),
        status: "successful",
        sentAt: new Date("2021-09-06T09:00:00Z"),
        events: {
          create: [
            { workspaceId: editor.workspaceId, kind: "sent", occurredAt: new Date("2021-09-06T09:00:00Z") },
            { workspaceId: editor.workspaceId, kind: "response_successful", occurredAt: new Date("2021-09-30T12:00:00Z"), approximate: true },
          ],
        },
      },
      select: { id: true },
    });
    const result = await importRequest(editor, { url: url("band_7_posts_plain") }, quick);
    expect(result).toMatchObject({ requestId: request.id, created: false, messagesAdded: 2, eventsAdded: 0, eventsDated: 1 });
    const after = await snapshot(request.id);
    expect(after.events.map((e) => [e.kind, e.occurredAt.toISOString(), e.approximate])).toEqual([
      ["sent", "2021-09-06T09:00:00.000Z", false],
      ["response_successful", "2021-09-20T13:05:00.000Z", false],
    ]);
    expect(await importRequest(editor, { url: url("band_7_posts_plain") }, quick)).toMatchObject({ messagesAdded: 0, eventsAdded: 0, eventsDated: 0 });
  });

  it("hidden, removed and malformed requests are refused with the reason, and nothing is created", async () => {
    const { editor } = await makeCampaign();
    const before = await db.foiRequest.count({ where: { workspaceId: editor.workspaceId } });
    for (const [t, words] of [
      ["band_7_posts_hidden", /hidden/],
      ["band_7_posts_removed", /not on .* any more/],
      ["band_7_posts_malformed", /not send JSON/],
    ] as const) {
      const error = await importRequest(editor, { url: url(t) }, quick).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as Error).message).toMatch(words);
    }
    await expect(importRequest(editor, { url: "https://evil.example/request/x" }, quick)).rejects.toMatchObject({ kind: "invalid" });
    expect(await db.foiRequest.count({ where: { workspaceId: editor.workspaceId } })).toBe(before);
  });

  it("npm run wdtk:import -- <url> --dry-run prints the one JSON line and needs no database", { timeout: 60_000 }, async () => {
    const { stdout } = await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/wdtk-import.ts", url("band_7_posts_refused"), "--dry-run"], {
      cwd: root,
      // No database anywhere: DATABASE_URL unset and a data folder that does not exist.
      env: { ...process.env, APP_ENV: "test", DATABASE_URL: "", DATA_DIR: path.join(root, ".test-data", "no-such-folder"), WDTK_BASE_URL: site.origin },
      timeout: 60_000,
    });
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual({
      url: url("band_7_posts_refused"),
      title: "Band 7 posts (refused, reviewed)",
      body: "Solent NHS Trust",
      law: "foia",
      sentOn: "2021-09-06",
      events: [
        { kind: "sent", on: "2021-09-06" },
        { kind: "response_refused", on: "2021-09-27" },
        { kind: "internal_review_requested", on: "2021-09-28" },
        { kind: "internal_review_answered", on: "2021-10-22" },
      ],
      messages: 4,
    });
    expect(Object.keys(JSON.parse(stdout))).toEqual(["url", "title", "body", "law", "sentOn", "events", "messages"]);
  });
});
