import { beforeEach, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { db } from "@/lib/db/client";
import { runAlertSweep } from "@/lib/alerts/sweep";
import { alertCampaign, alertLines, dayRange, forgetSweeps, sendTo, setToday } from "../support/alert-fixtures";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/** `npm run -s alerts:run -- ...` as a separate process against this test database. */
async function command(...args: string[]) {
  const { stdout } = await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/alerts-run.ts", ...args], {
    cwd: root,
    env: { ...process.env, APP_ENV: "test", DATABASE_URL: process.env.DATABASE_URL, FOI_NOW: "" },
    timeout: 60_000,
  });
  const lines = stdout.trim().split("\n");
  return { lines: lines.slice(0, -1), summary: JSON.parse(lines.at(-1)!) as { today: string; dryRun: boolean; days: string[]; alerts: number; notifications: number } };
}

beforeEach(async () => {
  await forgetSweeps();
  setToday(undefined);
});

describe("npm run alerts:run", () => {
  it("--dry-run prints what would be alerted and writes nothing; two real runs at once alert each request once", { timeout: 120_000 }, async () => {
    const c = await alertCampaign();
    setToday("2021-08-17");
    const ids = [await sendTo(c.editor, c.trusts[0]!.id, "2021-08-17"), await sendTo(c.editor, c.trusts[1]!.id, "2021-08-17")];
    for (const day of dayRange("2021-09-01", "2021-09-14")) await runAlertSweep({ today: day });
    const alertsBefore = await db.alert.count();
    const runsBefore = await db.scheduledRun.count();

    const dry = await command("--now", "2021-09-15", "--dry-run");
    expect(dry.summary).toMatchObject({ today: "2021-09-15", dryRun: true, days: ["2021-09-15"] });
    const mine = dry.lines.filter((l) => ids.some((id) => l.includes(id)));
    expect(mine.sort()).toEqual(
      [0, 1].map((i) => `would alert\tdue_today\t2021-09-15\t${c.trusts[i]!.name}\trequest ${ids[i]}\tcycle 2021-08-17`).sort(),
    );
    expect(await db.alert.count()).toBe(alertsBefore);
    expect(await db.scheduledRun.count()).toBe(runsBefore);

    // Two processes at once, for the same day: the unique constraint lets one of them insert each alert.
    const [a, b] = await Promise.all([command("--now", "2021-09-16"), command("--now", "2021-09-16")]);
    const alerted = [...a.lines, ...b.lines].filter((l) => ids.some((id) => l.includes(id)));
    // Window (14th, 16th]: only what is still true on the 16th, overdue (not the 15th's "due
    // today"), for each request, each printed by one process only.
    expect(alerted.map((l) => l.split("\t").slice(0, 2).join(" ")).sort()).toEqual(["alerted overdue", "alerted overdue"]);
    expect((await alertLines(c.ws.id)).filter((l) => l.includes("due_today") || l.includes("overdue"))).toHaveLength(2);
    expect(await db.notification.count({ where: { workspaceId: c.ws.id, alert: { kind: { in: ["due_today", "overdue"] } } } })).toBe(2 * 3);
  });

  it("refuses a bad date with exit code 2", async () => {
    await expect(command("--now", "2021-02-30")).rejects.toMatchObject({ code: 2 });
    await expect(command("--now", "yesterday")).rejects.toMatchObject({ code: 2 });
  });
});
