import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse-csv";
import { toCsv } from "@/lib/csv/to-csv";
import { confirmedUpdates, MAX_IMPORT_ROWS, parseDirectoryCsv, planDirectoryImport, type DirectoryBody, type ImportRow } from "@/lib/bodies/directory-import";
import { seedBodies } from "@/prisma/seed/bodies";

// The seeded directory, as a workspace has it before anyone adds an address.
const directory: DirectoryBody[] = seedBodies.map((b) => ({ id: b.key, name: b.name, shortName: b.shortName, odsCode: b.odsCode, region: b.region, foiEmail: null, website: b.website, wdtkSlug: b.wdtkSlug }));

const TEWV = "tees-esk-and-wear-valleys";

function rowsOf(csv: string): ImportRow[] {
  const parsed = parseDirectoryCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
}

describe("reading CSV", () => {
  it("quoted commas, doubled quotes, line breaks inside quotes, CRLF and a byte-order mark", () => {
    const { records, delimiter } = parseCsv('\uFEFFName,Notes\r\n"Tees, Esk and Wear Valleys","He said ""hi""\nthen left"\r\n\r\nOxleas,x\r\n');
    expect(delimiter).toBe(",");
    expect(records).toEqual([
      { line: 1, fields: ["Name", "Notes"] },
      { line: 2, fields: ["Tees, Esk and Wear Valleys", 'He said "hi"\nthen left'] },
      { line: 5, fields: ["Oxleas", "x"] },
    ]);
  });

  it("a table pasted from a spreadsheet (tabs) and a semicolon file", () => {
    expect(parseCsv("Name\tFOI email\nOxleas\tfoi@oxleas.example\n").records[1]!.fields).toEqual(["Oxleas", "foi@oxleas.example"]);
    expect(parseCsv("Name;FOI email\nOxleas;foi@oxleas.example\n").delimiter).toBe(";");
  });

  it("reads back what the directory export writes, formula cells included", () => {
    const csv = toCsv(["Name", "Short name", "FOI email"], [["Oxleas NHS Foundation Trust", "=HYPERLINK(1)", "foi@oxleas.example"]]);
    const [row] = rowsOf(csv);
    expect(row!.values).toEqual({ shortName: "=HYPERLINK(1)", foiEmail: "foi@oxleas.example" });
  });
});

describe("checking the file", () => {
  it.each([
    ["", /empty/],
    ["\uFEFF\r\n\r\n", /empty/],
    ["Colour,Size\nred,big\n", /Name or ODS code column/],
    ["Name\nOxleas\n", /Nothing to import/],
    ["Name,Email,FOI email\nOxleas,a@b.example,c@d.example\n", /Two columns mean the same thing/],
    ["Name,FOI email\n", /headings but no rows/],
  ])("refuses %j", (csv, message) => {
    const parsed = parseDirectoryCsv(csv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it("refuses a file over the limit instead of importing part of it", () => {
    const lines = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Trust ${i},foi${i}@x.example`);
    const parsed = parseDirectoryCsv(`Name,FOI email\n${lines.join("\n")}\n`);
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/at most 2,000/) });
    const atLimit = parseDirectoryCsv(`Name,FOI email\n${lines.slice(0, MAX_IMPORT_ROWS).join("\n")}\n`);
    expect(atLimit.ok && atLimit.rows.length).toBe(MAX_IMPORT_ROWS);
  });

  it("refuses bad cells next to their row, keeps good ones, and lists columns it ignores", () => {
    const parsed = parseDirectoryCsv(
      [
        "Name,FOI email,Website,WhatDoTheyKnow,ODS code,Short name,Status",
        "Oxleas,not-an-email,javascript:alert(1),https://www.whatdotheyknow.com/body/oxleas_nhs_foundation_trust,rpg,<script>alert(1)</script>,active",
        ",foi@x.example,,,,,",
      ].join("\n"),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.ignoredColumns).toEqual(["Status"]);
    const [bad, nameless] = parsed.rows;
    expect(bad!.values).toEqual({ wdtkSlug: "oxleas_nhs_foundation_trust", odsCode: "RPG" });
    expect(bad!.errors).toEqual([
      "FOI email: “not-an-email” is not an email address.",
      "Website: “javascript:alert(1)” is not a web address starting with https://.",
      "Short name: plain text only, without < or >.",
    ]);
    expect(nameless!.errors).toEqual(["No name or ODS code to find the trust by."]);
  });
});

describe("matching rows to the directory", () => {
  it("by ODS code first, then by name; Unicode and odd spacing in names", () => {
    const plan = planDirectoryImport(
      rowsOf(
        [
          "Name,ODS code,FOI email",
          "Anything at all,RPG,foi@oxleas.example",
          '"  ＴＥＥＳ,  ESK AND WEAR\nVALLEYS NHS FOUNDATION TRUST ",,foi@tewv.example',
          "Ysbyty Gwynedd Cymru Trust,,foi@nowhere.example",
        ].join("\n"),
      ),
      directory,
    );
    expect(plan.map((p) => [p.status, p.bodyId ?? null, p.how ?? null])).toEqual([
      ["update", "oxleas", "ods"],
      ["update", TEWV, expect.any(String)],
      ["unknown", null, null],
    ]);
    expect(plan[0]!.changes).toEqual([{ field: "foiEmail", from: null, to: "foi@oxleas.example" }]);
    expect(plan[2]!.reasons[0]).toMatch(/No trust called “Ysbyty Gwynedd Cymru Trust”/);
  });

  it("never settles a code and a name that disagree, two rows for one trust, or a code another trust has", () => {
    const plan = planDirectoryImport(
      rowsOf(["Name,ODS code,FOI email", "Tees Esk and Wear Valleys NHS Foundation Trust,RPG,a@x.example", "Oxleas NHS Foundation Trust,,b@x.example", "Oxleas,,c@x.example", "Tees Esk and Wear Valleys NHS Foundation Trust,RPG,"].join("\n")),
      directory,
    );
    expect(plan[0]).toMatchObject({ status: "choose", reasons: [expect.stringMatching(/belongs to Oxleas.*looks like Tees/)] });
    expect(plan[1]).toMatchObject({ status: "update", bodyId: "oxleas" });
    expect(plan[2]).toMatchObject({ status: "invalid", reasons: [expect.stringMatching(/Line 3 is for the same trust/)] });
    expect(plan[3]!.status).toBe("choose");

    // Choosing the trust the name points at would give it Oxleas's code: refused by line.
    expect(confirmedUpdates(plan, new Map([[2, TEWV]]), directory)).toEqual({ ok: false, errors: { 2: expect.stringMatching(/ODS code RPG already belongs to Oxleas/) } });
    expect(confirmedUpdates(plan, new Map([[2, "oxleas"]]), directory)).toMatchObject({ ok: true, updates: [{ bodyId: "oxleas", changes: [{ field: "foiEmail", to: "a@x.example" }] }] });
  });

  it("an unchanged row saves nothing; a confirmation only takes what the plan allows", () => {
    const withEmail = directory.map((b) => (b.id === "oxleas" ? { ...b, foiEmail: "FOI@oxleas.example" } : b));
    const plan = planDirectoryImport(rowsOf("Name,FOI email\nOxleas NHS Foundation Trust,foi@oxleas.example\nTees Esk and Wear Valleys NHS Foundation Trust,t@x.example\nNowhere Trust,n@x.example\n"), withEmail);
    expect(plan.map((p) => p.status)).toEqual(["unchanged", "update", "unknown"]);

    const ok = confirmedUpdates(plan, new Map([[2, "oxleas"], [3, TEWV]]), withEmail);
    expect(ok).toEqual({ ok: true, updates: [{ line: 3, bodyId: TEWV, bodyName: expect.any(String), changes: [{ field: "foiEmail", from: null, to: "t@x.example" }] }] });
    // A matched row pointed at another trust, or an unknown row at a trust it was not offered: refused by line.
    const forged = confirmedUpdates(plan, new Map([[3, "oxleas"], [4, TEWV]]), withEmail);
    expect(forged).toEqual({ ok: false, errors: { 3: expect.stringMatching(/choose one of the trusts offered/), 4: expect.stringMatching(/choose one of the trusts offered/) } });
  });
});
