import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

function run(...args: string[]) {
  const result = spawnSync(tsx, ["scripts/deadline.ts", ...args], { cwd: root, encoding: "utf8", timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test starts the command in a new process (a second or two alone, much more on a busy machine).
describe("scripts/deadline.ts", { timeout: 60_000 }, () => {
  it("prints one JSON object for the NHS England request (received 2 Aug 2021)", () => {
    const { status, stdout, stderr } = run("--received", "2021-08-02");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({
      received: "2021-08-02",
      law: "foia",
      convention: "calendar",
      dateOfReceipt: "2021-08-02",
      due: "2021-08-31",
      dueIfNextWorkingDay: "2021-09-01",
      veryOverdue: "2021-09-28",
      projected: false,
    });
  });

  it("adds the state for --today, and takes a timestamp, a law and a convention", () => {
    const { status, stdout } = run(
      "--received=2021-08-01T23:30:00Z", // 00:30 BST on Monday 2 August
      "--law", "foisa",
      "--convention", "next-working-day",
      "--today", "2021-08-31",
    );
    expect(status).toBe(0);
    // FOISA, day 0 Tue 3 Aug (2 Aug is Scotland's holiday): Aug 4-30 (19), 31 (20).
    expect(JSON.parse(stdout)).toMatchObject({
      received: "2021-08-03",
      dateOfReceipt: "2021-08-02",
      due: "2021-08-31",
      state: "due_today",
      workingDaysLeft: 0,
      summary: "Due today (Tuesday 31 August 2021)",
    });
  });

  it("FOIA s10(3) cap and s10(2) fees through --event and --responded: due, extendedDue, responseTimeliness, warnings", () => {
    // Sent Wed 9 Jun 2021: due 7 Jul (20 wd), day 40 Fri 6 Aug. Extension of 1 Jul naming s43 to
    // the body's 3 Sep: judged at 6 Aug (the ICO's 20 further working days); answered 2 Sep: very late.
    const capped = run("--received", "2021-06-09", "--event", "extension:2021-07-01:newDue=2021-09-03:exemption=s43", "--responded", "2021-09-02");
    expect(capped.status).toBe(0);
    expect(JSON.parse(capped.stdout)).toMatchObject({
      due: "2021-07-07",
      extendedDue: "2021-08-06",
      extensionBodyDate: "2021-09-03",
      responseTimeliness: "very_late",
      warnings: [expect.stringMatching(/beyond the 20 further working days/)],
    });
    // s10(2): fees notice Mon 9 Aug to payment Fri 20 Aug disregards Aug 9-13 (5), 16-20 (10);
    // 31 Aug + 10 wd: Sep 1-3 (3), 6-10 (8), 13, 14 (10). A late clarification (EIR reg 9(2)) changes nothing.
    const fees = run(
      "--received", "2021-08-02",
      "--event", "fees_notice:2021-08-09", "--event", "fee_paid:2021-08-20",
      "--event", "clarification_requested:2021-09-20", "--event", "clarification_sent:2021-09-21",
      "--responded", "2021-09-15",
    );
    expect(JSON.parse(fees.stdout)).toMatchObject({ due: "2021-09-14", extendedDue: null, responseTimeliness: "late" });
  });

  it.each([
    [["--received", "2021-08-02", "--event", "bogus:2021-08-10"], /unknown kind "bogus"/],
    [["--received", "2021-08-02", "--event", "extension:2021-08-10:colour=red"], /unknown key "colour"/],
    [["--received", "2021-08-02", "--event", "fee_paid:2021-08-10", "--event", "fees_notice:2021-08-09"], /in date order/],
    [[] as string[], /--received is required/],
    [["--received", "2021-02-30"], /Invalid date/],
    [["--received", "2021-08-02", "--law", "gdpr"], /unknown law/],
    [["--received", "2021-08-02", "--colour", "red"], /unknown option --colour/],
    [["--received", "2021-08-02", "--convention", "lunar"], /unknown convention/],
    [["--received", "2021-08-02", "--days", "twenty"], /--days/],
    [["--received", "2021-08-02", "--today", "yesterday"], /--today/],
    [["--received"], /needs a value/],
  ])("rejects %j with exit code 2 and one line on stderr", (args, message) => {
    const { status, stdout, stderr } = run(...args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
