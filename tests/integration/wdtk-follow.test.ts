import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { markSent } from "@/lib/requests/mark-sent";
import { followRequestNow, followRequests, getFollowState } from "@/lib/whatdotheyknow/follow";
import { importRequest } from "@/lib/whatdotheyknow/import-request";
import { makeCampaign } from "../support/batch-fixtures";
import { fixtureRequests, startWdtkFixtureServer, type FixtureRequest, type WdtkFixtureServer } from "../support/wdtk-fixtures";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
let site: WdtkFixtureServer;
const url = (t: string) => `${site.origin}/request/${t}`;
const quick = { client: { minIntervalMs: 0, retryBaseMs: 10 } };

beforeAll(async () => {
  site = await startWdtkFixtureServer();
  Object.assign(env(), { WDTK_BASE_URL: site.origin, FOI_NOW: "2021-10-08T18:00:00Z" });
});
afterAll(async () => {
  Object.assign(env(), { WDTK_BASE_URL: "https://www.whatdotheyknow.com", FOI_NOW: undefined });
  await site.close();
});

/** A request waiting for its answer on the fixture site, under a name of its own. */
function waitingOnSite(urlTitle: string, id: number): FixtureRequest {
  const plain = fixtureRequests().find((f) => f.urlTitle === "band_7_posts_plain")!;
  return { ...plain, id, urlTitle, title: `Band 7 posts (${urlTitle})`, describedState: "waiting_response", events: [{ ...plain.events[0]!, id: id * 10, outgoing: { id: id * 10 + 1, text: "Dear Solent NHS Trust, ..." } }] };
}

async function state(workspaceId: string, requestId: string) {
  const request = await db.foiRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, dueOn: true, updatedAt: true } });
  const messages = await db.message.findMany({ where: { workspaceId, requestId }, orderBy: { sentAt: "asc" }, select: { id: true, direction: true, source: true, sourceKey: true, review: true, suggestion: true, externalUrl: true } });
  const events = await db.requestEvent.count({ where: { requestId } });
  return { request, messages, events };
}

describe("following WhatDoTheyKnow requests", () => {
  it("a new reply is filed on its request with a suggested event; following again changes nothing; the site's status is shown, never applied", async () => {
    const { editor, workspace } = await makeCampaign();
    site.add(waitingOnSite("followed_one", 3001));
    const imported = await importRequest(editor, { url: url("followed_one") }, quick.client);
    const before = await state(editor.workspaceId, imported.requestId);
    expect(before.request.status).toBe("awaiting_response");

    site.addReply("followed_one", {
      id: 3101,
      eventId: 3102,
      createdAt: "2021-10-04T16:00:00.000+01:00",
      state: null,
      text: "Dear LXP Revolution,\n\nWe need more time to consider the public interest (section 43). We now aim to respond by 1 November 2021.",
    });
    const dry = await followRequests({ workspaceId: editor.workspaceId, dryRun: true, ...quick });
    expect(dry).toMatchObject({ dryRun: true, checked: 1, newMessages: 1 });
    expect(await state(editor.workspaceId, imported.requestId)).toEqual(before);

    const first = await followRequests({ workspaceId: editor.workspaceId, ...quick });
    expect(first).toMatchObject({ checked: 1, updated: 1, newMessages: 1, failed: 0 });
    const after = await state(editor.workspaceId, imported.requestId);
    const reply = after.messages.find((m) => m.sourceKey?.endsWith("/incoming/3101"))!;
    expect(reply).toMatchObject({ direction: "incoming", source: "whatdotheyknow", review: "pending", externalUrl: `${url("followed_one")}#incoming-3101` });
    expect(reply.suggestion).toMatchObject({ kind: "extension", on: "2021-10-04" });
    // Filed, not applied: the timeline, status and clock are as they were.
    expect(after.events).toBe(before.events);
    expect(after.request.status).toBe("awaiting_response");
    expect(after.request.dueOn).toEqual(before.request.dueOn);
    expect(await getFollowState(editor, imported.requestId)).toMatchObject({ siteState: "waiting_classification", differs: true, lastError: null });

    const logBefore = site.log.length;
    const second = await followRequests({ workspaceId: editor.workspaceId, ...quick });
    expect(second).toMatchObject({ checked: 1, unchanged: 1, updated: 0, newMessages: 0 });
    expect(site.log.slice(logBefore).map((l) => l.status)).toEqual([304]);
    expect(await state(editor.workspaceId, imported.requestId)).toEqual(after);
    expect(await db.auditLog.count({ where: { workspaceId: workspace.id, action: "request.follow_wdtk" } })).toBe(1);

    // The requester calls it successful on the site: shown beside ours, ours unchanged.
    site.addReply("followed_one", { id: 3103, eventId: 3104, createdAt: "2021-10-08T10:00:00.000+01:00", state: "successful", text: "Please find the information you asked for." });
    const third = await followRequestNow(editor, imported.requestId);
    expect(third).toMatchObject({ newMessages: 1, statusDiffers: 1 });
    expect(await getFollowState(editor, imported.requestId)).toMatchObject({ siteState: "successful", differs: true });
    expect((await state(editor.workspaceId, imported.requestId)).request.status).toBe("awaiting_response");
  });

  it("a request marked sent from the app keeps its own letter once; removed and unreachable requests are noted and nothing else changes", async () => {
    const { editor, ids } = await makeCampaign();
    site.add(waitingOnSite("followed_two", 3002));
    site.addReply("followed_two", { id: 3201, eventId: 3202, createdAt: "2021-09-07T09:00:00.000+01:00", state: "waiting_response", text: "We acknowledge your request." });
    const mk = async (externalUrl: string) => {
      const r = await db.foiRequest.create({
        data: { workspaceId: editor.workspaceId, bodyId: ids.get("solent")!, title: "Band 7 posts", letter: "Dear Solent NHS Trust, ...", channel: "whatdotheyknow", externalUrl },
        select: { id: true },
      });
      await markSent([{ requestId: r.id, workspaceId: editor.workspaceId, sentAt: new Date("2021-09-06T09:00:00Z"), message: { text: "Dear Solent NHS Trust, ...", subject: "Band 7 posts", toAddress: null } }]);
      return r.id;
    };
    const ours = await mk(url("followed_two"));
    const removed = await mk(url("band_7_posts_removed"));
    const unreachable = await mk(url("band_7_posts_unreachable"));
    const removedBefore = await state(editor.workspaceId, removed);

    const summary = await followRequests({ workspaceId: editor.workspaceId, ...quick });
    expect(summary).toMatchObject({ checked: 3, newMessages: 1, failed: 2 });
    const mine = await state(editor.workspaceId, ours);
    expect(mine.messages.map((m) => [m.direction, m.source])).toEqual([
      ["outgoing", "manual"],
      ["incoming", "whatdotheyknow"],
    ]);
    expect(mine.messages[1]!.suggestion).toMatchObject({ kind: "acknowledged" });
    expect(await getFollowState(editor, removed)).toMatchObject({ lastErrorKind: "removed", lastError: expect.stringMatching(/not on .* any more/) });
    expect(await getFollowState(editor, unreachable)).toMatchObject({ lastErrorKind: "network" });
    expect(await state(editor.workspaceId, removed)).toEqual(removedBefore);

    const again = await followRequests({ workspaceId: editor.workspaceId, ...quick });
    expect(again).toMatchObject({ newMessages: 0, updated: 0 });
    expect(await state(editor.workspaceId, ours)).toEqual(mine);
  });

  it("npm run wdtk:sync prints a JSON summary; run twice, the second changes nothing", { timeout: 120_000 }, async () => {
    const { editor, workspace } = await makeCampaign();
    site.add(waitingOnSite("followed_three", 3003));
    await importRequest(editor, { url: url("followed_three") }, quick.client);
    site.addReply("followed_three", { id: 3301, eventId: 3302, createdAt: "2021-09-08T09:00:00.000+01:00", state: "rejected", text: "We refuse this request under section 40(2)." });
    const sync = async () => {
      const { stdout } = await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/wdtk-sync.ts", "--workspace", workspace.slug], {
        cwd: root,
        env: { ...process.env, APP_ENV: "test", DATABASE_URL: process.env.DATABASE_URL, WDTK_BASE_URL: site.origin, FOI_NOW: "2021-10-08T18:00:00Z" },
        timeout: 60_000,
      });
      return JSON.parse(stdout.trim());
    };
    expect(await sync()).toEqual({ dryRun: false, checked: 1, unchanged: 0, updated: 1, newMessages: 1, statusDiffers: 1, failed: 0, changed: [{ url: url("followed_three"), newMessages: 1 }] });
    expect(await sync()).toEqual({ dryRun: false, checked: 1, unchanged: 1, updated: 0, newMessages: 0, statusDiffers: 1, failed: 0, changed: [] });
  });
});
