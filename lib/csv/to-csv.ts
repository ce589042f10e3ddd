// Pure: no I/O, so the batch and findings exports and their tests share one writer.

export type CsvCell = string | number | boolean | null | undefined | Date;

// A spreadsheet treats a cell starting with one of these as a formula (OWASP "CSV
// injection"); tab and carriage return are included because Excel strips them first.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text a spreadsheet shows and never evaluates. */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark, so Excel opens names
 * such as "Tees, Esk and Wear Valleys" or Welsh and Irish accents correctly.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => quote(neutraliseCell(cell))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Values that are safe to put in JSON exports too: the same neutralising, for strings. */
export function neutraliseForExport<T>(value: T): T {
  if (typeof value === "string") return neutraliseCell(value) as T;
  if (Array.isArray(value)) return value.map((v) => neutraliseForExport(v)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, neutraliseForExport(v)])) as T;
  }
  return value;
}

/** Headers for a CSV download; the filename is reduced to safe characters. */
export function csvDownloadHeaders(filename: string): Record<string, string> {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 100) || "export.csv";
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${safe}"`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}
