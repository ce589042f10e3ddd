// Small helpers exist once: edit distance, plurals and "N working day(s)". A copy elsewhere
// would drift (a different cap, "1 working days"), so the source is checked for copies.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatWorkingDays } from "@/lib/deadlines";
import { editDistance } from "@/lib/text/edit-distance";
import { plural } from "@/lib/text/plural";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const root = path.resolve(__dirname, "../..");
const files = ["lib", "app", "components"].flatMap((d) => sourceFiles(path.join(root, d)));

describe("small helpers, once", () => {
  it("edit distance counts a transposition as one and caps long text", () => {
    expect(editDistance("Trsut", "Trust")).toBe(1);
    expect(editDistance("nmae", "name")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("a".repeat(100), "b", 64)).toBe(100);
  });

  it("plural and working days read naturally", () => {
    expect([plural(1, "body", "bodies"), plural(2, "body", "bodies"), plural(0, "goes", "go")]).toEqual(["1 body", "2 bodies", "0 go"]);
    expect([formatWorkingDays(1), formatWorkingDays(4)]).toEqual(["1 working day", "4 working days"]);
  });

  it.each([
    ["an edit distance", /function editDistance\(/, "lib/text/edit-distance.ts"],
    ["a plural", /const plural = \(|function plural\(/, "lib/text/plural.ts"],
    ["a working-day phrasing", /working day\$\{|working \$\{n === 1|"1 working day"|1 \? "1 working day/, "lib/deadlines/working-days-status.ts"],
  ])("%s is defined in one file only", (_what, pattern, owner) => {
    const defining = files.filter((f) => pattern.test(readFileSync(f, "utf8"))).map((f) => path.relative(root, f));
    expect(defining).toEqual([owner]);
  });
});
