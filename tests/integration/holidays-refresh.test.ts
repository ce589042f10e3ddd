// Refreshing the bank holidays from GOV.UK, against a local HTTP server (never the internet):
// a change moves every open request's stored due dates and is logged; bad data changes nothing.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isWorkingDay, type Division } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import type { EventKind, Law, RequestStatus } from "@/lib/generated/prisma";
import { calendarFor } from "@/lib/holidays/calendars";
import { HolidayRefreshError, refreshHolidayData } from "@/lib/holidays/refresh-holidays";
import { fromDbDate } from "@/lib/requests/dates";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";
import { makeWorkspace, unique } from "../support/factories";

type Feed = Record<Division, { division: string; events: { title: string; date: string; notes: string; bunting: boolean }[] }>;

const SHIPPED = fs.readFileSync(path.join(process.cwd(), "data", "uk-bank-holidays.json"), "utf8");
const FIXTURES = path.join(process.cwd(), "tests", "fixtures", "holidays");
const shipped = (): Feed => JSON.parse(SHIPPED) as Feed;

// A one-off bank holiday (as for a royal occasion) inside a request's first 20 working days:
// sent Tuesday 1 June 2027, due Tuesday 29 June 2027 on the shipped data.
const ONE_OFF = "2027-06-15";
function withOneOff(feed: Feed): Feed {
  feed["england-and-wales"].events.push({ title: "Bank holiday for a royal occasion", date: ONE_OFF, notes: "", bunting: true });
  return feed;
}
/** What the live feed does each year: drop the oldest years. */
function withoutYears(feed: Feed, years: number[]): Feed {
  for (const division of Object.values(feed)) division.events = division.events.filter((e) => !years.includes(Number(e.date.slice(0, 4))));
  return feed;
}

const feeds = new Map<string, string>([
  ["/shipped.json", SHIPPED],
  ["/one-off.json", JSON.stringify(withOneOff(shipped()))],
  ["/recent-years.json", JSON.stringify(withoutYears(shipped(), [2015, 2016, 2017]))],
  ["/truncated.json", fs.readFileSync(path.join(FIXTURES, "truncated.json"), "utf8")],
  ["/empty-division.json", fs.readFileSync(path.join(FIXTURES, "empty-division.json"), "utf8")],
  ["/captive-portal.html", fs.readFileSync(path.join(FIXTURES, "captive-portal.html"), "utf8")],
]);

let server: http.Server;
let base = "";
let holidayRowsBefore: string[] = [];

beforeAll(async () => {
  holidayRowsBefore = (await db.holidayData.findMany({ select: { id: true } })).map((r) => r.id);
  server = http.createServer((req, res) => {
    if (req.url === "/hang") return; // accepts the connection, never answers
    if (req.url === "/error") {
      res.writeHead(503, { "content-type": "text/plain" }).end("Service unavailable");
      return;
    }
    const body = feeds.get(req.url ?? "");
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": req.url?.endsWith(".html") ? "text/html" : "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  // Other test files run later against this database: give them the shipped data back.
  await db.holidayData.deleteMany({ where: { id: { notIn: holidayRowsBefore } } });
});

async function makeRequest(
  workspaceId: string,
  options: { law?: Law; status: RequestStatus; events: { kind: EventKind; on: string }[]; deleted?: boolean },
): Promise<string> {
  const body = await db.publicBody.findFirstOrThrow({ where: { workspaceId }, select: { id: true }, orderBy: { key: "asc" } });
  const sent = options.events.find((e) => e.kind === "sent")!;
  const request = await db.foiRequest.create({
    data: {
      workspaceId,
      bodyId: body.id,
      law: options.law ?? "foia",
      title: unique("Request"),
      letter: "Dear trust, please send me...",
      channel: "email",
      status: options.status,
      sentAt: new Date(`${sent.on}T10:00:00Z`),
      deletedAt: options.deleted ? new Date() : null,
    },
    select: { id: true },
  });
  for (const event of options.events) {
    await db.requestEvent.create({ data: { workspaceId, requestId: request.id, kind: event.kind, occurredAt: new Date(`${event.on}T10:00:00Z`) } });
  }
  await unsafeRecomputeClock(request.id);
  return request.id;
}

async function dueOn(requestId: string): Promise<string | null> {
  return fromDbDate((await db.foiRequest.findUniqueOrThrow({ where: { id: requestId }, select: { dueOn: true } })).dueOn);
}

const holidayRows = () => db.holidayData.count();
const auditRows = (workspaceId: string | null) => db.auditLog.count({ where: { workspaceId, action: "holidays.refresh" } });

describe("refreshing the bank holidays from GOV.UK", () => {
  let campaign: { id: string };
  let scottish: { id: string };
  let open: string;
  let answered: string;
  let deleted: string;
  let foisa: string;

  beforeAll(async () => {
    campaign = await makeWorkspace({ withDirectory: true });
    scottish = await makeWorkspace({ withDirectory: true });
    const sent = { kind: "sent" as const, on: "2027-06-01" };
    open = await makeRequest(campaign.id, { status: "awaiting_response", events: [sent] });
    answered = await makeRequest(campaign.id, { status: "successful", events: [sent, { kind: "response_successful", on: "2027-06-10" }] });
    deleted = await makeRequest(campaign.id, { status: "awaiting_response", events: [sent], deleted: true });
    foisa = await makeRequest(scottish.id, { law: "foisa", status: "awaiting_response", events: [sent] });
    for (const id of [open, answered, deleted, foisa]) expect(await dueOn(id)).toBe("2027-06-29");
  });

  it("(a) a feed equal to the shipped data changes nothing and stores nothing", async () => {
    const rows = await holidayRows();
    const summary = await refreshHolidayData({ url: `${base}/shipped.json` });
    expect(summary).toMatchObject({ changed: false, added: [], removed: [], dueDatesChanged: [] });
    expect(await holidayRows()).toBe(rows);
    expect(await auditRows(campaign.id)).toBe(0);
  });

  it.each([
    ["a truncated download", "/truncated.json", /did not send JSON/],
    ["a schema-invalid document (a division with no bank holidays)", "/empty-division.json", /Invalid GOV\.UK bank holiday data at england-and-wales\.events: expected at least one/],
    ["a captive portal's HTML page", "/captive-portal.html", /did not send JSON/],
    ["an HTTP error", "/error", /answered HTTP 503/],
  ])("(c) rejects %s with a clear error and changes nothing", async (_what, route, message) => {
    const rows = await holidayRows();
    const refresh = refreshHolidayData({ url: `${base}${route}` });
    await expect(refresh).rejects.toBeInstanceOf(HolidayRefreshError);
    await expect(refreshHolidayData({ url: `${base}${route}` })).rejects.toThrow(message);
    expect(await holidayRows()).toBe(rows);
    expect(await dueOn(open)).toBe("2027-06-29");
    expect(await auditRows(campaign.id)).toBe(0);
  });

  it("rejects a server that refuses the connection, with a clear error", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(refreshHolidayData({ url: `http://127.0.0.1:${port}/bank-holidays.json` })).rejects.toThrow(/Could not fetch .*: connection refused/);
  });

  it("(f) gives up on a server that never answers, with a clear error", async () => {
    const started = Date.now();
    await expect(refreshHolidayData({ url: `${base}/hang`, timeoutMs: 300 })).rejects.toThrow(`No answer from ${base}/hang within 0.3 s`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a dry run reports the change but writes nothing", async () => {
    const rows = await holidayRows();
    const summary = await refreshHolidayData({ url: `${base}/one-off.json`, dryRun: true });
    expect(summary).toMatchObject({ changed: true, dryRun: true, added: [ONE_OFF], removed: [], requestsRecomputed: 0 });
    expect(await holidayRows()).toBe(rows);
    expect(await dueOn(open)).toBe("2027-06-29");
  });

  it("(b) a new bank holiday moves open requests' stored due dates, logs from/to, and leaves closed requests alone", async () => {
    const rows = await holidayRows();
    const summary = await refreshHolidayData({ url: `${base}/one-off.json` });
    expect(summary).toMatchObject({ changed: true, resumed: false, added: [ONE_OFF], removed: [] });
    expect(await holidayRows()).toBe(rows + 1);
    const stored = await db.holidayData.findUniqueOrThrow({ where: { id: summary.holidayDataId! }, select: { source: true } });
    expect(stored.source).toBe(`${base}/one-off.json`);

    // The calendar cache in this process picked up the new row.
    expect(isWorkingDay(await calendarFor("foia"), ONE_OFF)).toBe(false);
    expect(isWorkingDay(await calendarFor("foisa"), ONE_OFF)).toBe(true);

    expect(await dueOn(open)).toBe("2027-06-30");
    expect(summary.dueDatesChanged).toContainEqual({ requestId: open, workspaceId: campaign.id, from: "2027-06-29", to: "2027-06-30" });
    // Answered, deleted, and FOISA (Scottish holidays only) requests keep their dates.
    expect(await dueOn(answered)).toBe("2027-06-29");
    expect(await dueOn(deleted)).toBe("2027-06-29");
    expect(await dueOn(foisa)).toBe("2027-06-29");
    const moved = summary.dueDatesChanged.map((c) => c.requestId);
    expect(moved).not.toContain(answered);
    expect(moved).not.toContain(deleted);
    expect(moved).not.toContain(foisa);

    const [log] = await db.auditLog.findMany({ where: { workspaceId: campaign.id, action: "holidays.refresh" }, select: { entityId: true, data: true } });
    expect(log.entityId).toBe(summary.holidayDataId);
    expect(log.data).toMatchObject({ added: [ONE_OFF], removed: [], requestsRecomputed: 1, dueDatesChanged: [{ requestId: open, from: "2027-06-29", to: "2027-06-30" }] });
    // The other workspace's clocks were rechecked too; none moved.
    const [other] = await db.auditLog.findMany({ where: { workspaceId: scottish.id, action: "holidays.refresh" }, select: { data: true } });
    expect(other.data).toMatchObject({ requestsRecomputed: 1, dueDatesChanged: [] });
    const system = await db.auditLog.findFirstOrThrow({ where: { workspaceId: null, action: "holidays.refresh", entityId: summary.holidayDataId }, select: { data: true } });
    expect(system.data).toMatchObject({ added: [ONE_OFF], removed: [], source: `${base}/one-off.json` });
  });

  it("(e) running the same refresh again changes nothing", async () => {
    const rows = await holidayRows();
    const logs = await auditRows(campaign.id);
    const summary = await refreshHolidayData({ url: `${base}/one-off.json` });
    expect(summary).toMatchObject({ changed: false, resumed: false, requestsRecomputed: 0, dueDatesChanged: [] });
    expect(await holidayRows()).toBe(rows);
    expect(await auditRows(campaign.id)).toBe(logs);
    expect(await dueOn(open)).toBe("2027-06-30");
  });

  it("(d) a feed without the oldest years keeps them; dates it drops within its years are removed", async () => {
    // The live feed drops 2015-2017 and no longer lists the one-off holiday (cancelled).
    const summary = await refreshHolidayData({ url: `${base}/recent-years.json` });
    expect(summary).toMatchObject({ changed: true, added: [], removed: [ONE_OFF] });
    expect(summary.removed.some((d) => d < "2018")).toBe(false);
    const stored = await db.holidayData.findUniqueOrThrow({ where: { id: summary.holidayDataId! }, select: { json: true } });
    const data = stored.json as unknown as Feed;
    for (const division of ["england-and-wales", "scotland", "northern-ireland"] as const) {
      const dates = data[division].events.map((e) => e.date);
      expect(dates).toContain("2015-01-01");
      expect(dates).toContain("2017-12-26");
      expect(dates).toEqual([...dates].sort());
      expect(dates).toEqual(shipped()[division].events.map((e) => e.date).sort());
    }
    expect(await dueOn(open)).toBe("2027-06-29");
    expect(summary.dueDatesChanged).toContainEqual({ requestId: open, workspaceId: campaign.id, from: "2027-06-30", to: "2027-06-29" });

    const again = await refreshHolidayData({ url: `${base}/recent-years.json` });
    expect(again).toMatchObject({ changed: false, requestsRecomputed: 0 });
  });

  it("finishes recomputing a version stored by a run that stopped before its clocks were done", async () => {
    // As if a run had crashed after storing the data: a newer row with no completion record.
    const interrupted = await db.holidayData.create({ data: { json: JSON.parse(feeds.get("/one-off.json")!), source: "interrupted" }, select: { id: true } });
    expect(await dueOn(open)).toBe("2027-06-29"); // stale: not yet recomputed
    const summary = await refreshHolidayData({ url: `${base}/one-off.json` });
    expect(summary).toMatchObject({ changed: false, resumed: true, holidayDataId: interrupted.id, added: [ONE_OFF] });
    expect(await dueOn(open)).toBe("2027-06-30");
    expect(await refreshHolidayData({ url: `${base}/one-off.json` })).toMatchObject({ changed: false, resumed: false, requestsRecomputed: 0 });
  });

  it("one refresh at a time: concurrent runs store one version", async () => {
    const rows = await holidayRows();
    const results = await Promise.allSettled([refreshHolidayData({ url: `${base}/shipped.json` }), refreshHolidayData({ url: `${base}/shipped.json` })]);
    const done = results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ changed: boolean }>).value);
    const busy = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as Error);
    expect(done.filter((s) => s.changed)).toHaveLength(1);
    for (const error of busy) expect(error.message).toMatch(/Another holiday data refresh is running/);
    expect(await holidayRows()).toBe(rows + 1);
    expect(await dueOn(open)).toBe("2027-06-29");
  });
});

describe("npm run holidays:refresh", () => {
  function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      // Not spawnSync: the fixture server runs in this process and must keep answering.
      const child = spawn(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/holidays-refresh.ts", ...args], { env: process.env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  it("--dry-run prints a one-line JSON summary and writes nothing", async () => {
    const rows = await holidayRows();
    const result = await run(["--url", `${base}/one-off.json`, "--dry-run"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ changed: true, dryRun: true, added: [ONE_OFF], removed: [], requestsRecomputed: 0 });
    expect(await holidayRows()).toBe(rows);
  });

  it("exits 1 with a one-line error on bad data", async () => {
    const result = await run(["--url", `${base}/truncated.json`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^holidays:refresh: .*did not send JSON/);
  });
});
