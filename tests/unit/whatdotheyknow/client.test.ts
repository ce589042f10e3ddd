import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { fetchThread, WdtkError } from "@/lib/whatdotheyknow/client";
import { startWdtkFixtureServer, type WdtkFixtureServer } from "../../support/wdtk-fixtures";

let site: WdtkFixtureServer;
// Fast retries and no pacing, except where pacing is the test.
const quick = { minIntervalMs: 0, retryBaseMs: 10, timeoutMs: 5_000 };

beforeAll(async () => {
  site = await startWdtkFixtureServer();
  Object.assign(env(), { WDTK_BASE_URL: site.origin, WDTK_CONTACT: "campaign@lxp-revolution.example" });
});
afterAll(async () => {
  Object.assign(env(), { WDTK_BASE_URL: "https://www.whatdotheyknow.com", WDTK_CONTACT: undefined });
  await site.close();
});

const url = (t: string) => `${site.origin}/request/${t}`;
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof WdtkError ? e.failure : e));

describe("the WhatDoTheyKnow client", () => {
  it("names the app and whom to contact, and asks again with the ETag: an unchanged request is a 304", async () => {
    const first = await fetchThread(url("band_7_posts_plain"), {}, quick);
    expect(first.status).toBe("ok");
    if (first.status !== "ok") return;
    expect(first.thread.messages).toHaveLength(2);
    const seen = site.log.filter((l) => l.path.startsWith("/request/band_7_posts_plain"));
    expect(seen.map((l) => l.path)).toEqual(["/request/band_7_posts_plain.json", "/request/band_7_posts_plain"]);
    expect(seen[0]!.userAgent).toMatch(/^FOI-Tracker\/.*contact campaign@lxp-revolution\.example/);

    const again = await fetchThread(url("band_7_posts_plain"), { etag: first.etag, lastModified: first.lastModified }, quick);
    expect(again).toEqual({ status: "not_modified" });
    const last = site.log.at(-1)!;
    expect([last.path, last.status, last.ifNoneMatch, last.ifModifiedSince]).toEqual(["/request/band_7_posts_plain.json", 304, first.etag, first.lastModified]);
  });

  it("a 429 is waited out (Retry-After) and tried again; a 5xx likewise", async () => {
    const started = Date.now();
    const result = await fetchThread(url("band_7_posts_busy"), {}, quick);
    expect(result.status).toBe("ok");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(site.log.filter((l) => l.path === "/request/band_7_posts_busy.json").map((l) => l.status)).toEqual([429, 200]);
    await expect(fetchThread(url("band_7_posts_flaky"), {}, quick)).resolves.toMatchObject({ status: "ok" });
    expect(site.log.filter((l) => l.path === "/request/band_7_posts_flaky.json").map((l) => l.status)).toEqual([503, 200]);
  });

  it("hidden, removed, gone, malformed and unreachable requests are clear errors", async () => {
    expect(await failure(fetchThread(url("band_7_posts_hidden"), {}, quick))).toBe("hidden");
    expect(await failure(fetchThread(url("band_7_posts_removed"), {}, quick))).toBe("removed");
    expect(await failure(fetchThread(url("band_7_posts_gone"), {}, quick))).toBe("removed");
    expect(await failure(fetchThread(url("band_7_posts_malformed"), {}, quick))).toBe("malformed");
    expect(await failure(fetchThread(url("band_7_posts_unreachable"), {}, quick))).toBe("network");
    const closed = await fetchThread("http://127.0.0.1:1/request/x", {}, quick).catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(WdtkError);
    expect((closed as WdtkError).message).toMatch(/Could not reach 127\.0\.0\.1:1 .*Nothing was changed/);
  });

  it("at most one request a second to a host", async () => {
    const before = site.log.length;
    await Promise.all([fetchThread(url("band_7_posts_refused"), {}, { ...quick, minIntervalMs: 1_000 }), fetchThread(url("band_7_posts_clarified"), {}, { ...quick, minIntervalMs: 1_000 })]);
    const times = site.log.slice(before).map((l) => l.at);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(950);
  });
});
