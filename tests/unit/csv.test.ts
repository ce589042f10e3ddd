import { describe, expect, it } from "vitest";
import { neutraliseCell, neutraliseForExport, toCsv } from "@/lib/csv/to-csv";

describe("CSV export", () => {
  it("neutralises cells a spreadsheet would evaluate", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(neutraliseCell(evil).startsWith("'")).toBe(true);
    }
    expect(neutraliseCell("St George's")).toBe("St George's");
    expect(neutraliseCell(-3)).toBe("-3");
    expect(neutraliseCell(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks, and ends lines with CRLF", () => {
    const csv = toCsv(["name", "note"], [["Tees, Esk and Wear Valleys", 'said "no"\nlater']]);
    expect(csv).toBe('\uFEFFname,note\r\n"Tees, Esk and Wear Valleys","said ""no""\nlater"\r\n');
  });

  it("keeps Unicode as it is", () => {
    expect(toCsv(["n"], [["Betsi Cadwaladr – Gŵyl"]])).toContain("Betsi Cadwaladr – Gŵyl");
  });

  it("neutralises strings nested in JSON exports", () => {
    expect(neutraliseForExport({ a: "=1", b: ["@x", 2], c: { d: "ok" } })).toEqual({ a: "'=1", b: ["'@x", 2], c: { d: "ok" } });
  });
});
