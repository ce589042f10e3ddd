// Importing the directory's addresses and codes from a CSV: reading the file, checking each
// cell, and matching each row to a trust (by ODS code, then by name), for a person to confirm.
// Pure: no I/O; the directory is a parameter.
import { z } from "zod";
import type { FormState } from "@/lib/auth/form-state";
import { parseCsv } from "@/lib/csv/parse-csv";
import { matchTrustNames, type Candidate, type MatchHow } from "@/lib/bodies/match-trust-names";
import { NHS_REGIONS } from "@/lib/bodies/schemas";
import { IMPORT_FIELDS, type ImportField, importFieldLabels } from "@/lib/bodies/choices";

/** The most rows one import takes: the whole NHS directory several times over. */
export const MAX_IMPORT_ROWS = 2_000;

// Column headings as people write them, compared without case, spaces or punctuation.
const HEADINGS: Record<string, "name" | ImportField> = {
  name: "name", trust: "name", trustname: "name", body: "name", bodyname: "name", organisation: "name", organisationname: "name",
  organization: "name", organizationname: "name", provider: "name", providername: "name", authority: "name",
  ods: "odsCode", odscode: "odsCode", orgcode: "odsCode", organisationcode: "odsCode",
  foiemail: "foiEmail", email: "foiEmail", emailaddress: "foiEmail", foiemailaddress: "foiEmail", foiaddress: "foiEmail", requestemail: "foiEmail",
  website: "website", web: "website", url: "website", websiteaddress: "website", site: "website",
  wdtk: "wdtkSlug", wdtkslug: "wdtkSlug", wdtkname: "wdtkSlug", whatdotheyknow: "wdtkSlug", whatdotheyknowname: "wdtkSlug", whatdotheyknowslug: "wdtkSlug",
  region: "region", nhsregion: "region",
  shortname: "shortName", short: "shortName", abbreviation: "shortName",
};

const heading = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");

export interface ImportRow {
  /** The line of the file the row starts on (the headings are line 1). */
  line: number;
  name: string | null;
  values: Partial<Record<ImportField, string>>;
  /** What is wrong with the row's cells, each naming the cell. */
  errors: string[];
}

export type ParsedDirectoryCsv =
  | { ok: true; rows: ImportRow[]; fields: ImportField[]; ignoredColumns: string[] }
  | { ok: false; error: string };

const email = z.string().email().max(320);
const WDTK_BODY_URL = /^https?:\/\/(?:www\.)?whatdotheyknow\.com\/body\/([^/?#\s]+)\/?(?:[?#].*)?$/i;
const WDTK_SLUG = /^[a-z0-9][a-z0-9_-]{0,199}$/;
const ODS_CODE = /^[A-Z0-9]{3,10}$/;
// Our own export writes "'=..." for a cell a spreadsheet would run: read it back as written.
const NEUTRALISED = /^'(?=[=+\-@])/;

/** A cell as text: trimmed, one line, no control characters. */
function clean(cell: string | undefined): string {
  return (cell ?? "").replace(NEUTRALISED, "").replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
}

/** One cell checked: the value to store, or why not. */
function checkCell(field: ImportField, value: string): { ok: true; value: string } | { ok: false; error: string } {
  const label = importFieldLabels[field];
  switch (field) {
    case "foiEmail":
      return email.safeParse(value).success ? { ok: true, value } : { ok: false, error: `${label}: “${value}” is not an email address.` };
    case "website": {
      let url: URL | null = null;
      try {
        url = new URL(value);
      } catch {
        url = null;
      }
      return url && (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && value.length <= 500
        ? { ok: true, value }
        : { ok: false, error: `${label}: “${value}” is not a web address starting with https://.` };
    }
    case "wdtkSlug": {
      const slug = (WDTK_BODY_URL.exec(value)?.[1] ?? value).toLowerCase();
      return WDTK_SLUG.test(slug) ? { ok: true, value: slug } : { ok: false, error: `${label}: “${value}” is not a WhatDoTheyKnow body name (like oxleas_nhs_foundation_trust) or its page's address.` };
    }
    case "odsCode": {
      const code = value.toUpperCase();
      return ODS_CODE.test(code) ? { ok: true, value: code } : { ok: false, error: `${label}: “${value}” is not an ODS code (letters and digits, like RPG).` };
    }
    case "region":
    case "shortName": {
      if (value.length > 100) return { ok: false, error: `${label}: keep it under 100 characters.` };
      if (/[<>]/.test(value)) return { ok: false, error: `${label}: plain text only, without < or >.` };
      const region = field === "region" ? NHS_REGIONS.find((r) => r.toLowerCase() === value.toLowerCase()) : undefined;
      return { ok: true, value: region ?? value };
    }
  }
}

/**
 * Reads the CSV: the first line names the columns (a name or ODS code column to match by,
 * and at least one to import); other columns are listed and ignored. An empty cell leaves
 * the trust's value as it is: an import never clears anything.
 */
export function parseDirectoryCsv(text: string): ParsedDirectoryCsv {
  const { records, truncated } = parseCsv(text, MAX_IMPORT_ROWS + 1);
  if (records.length === 0) return { ok: false, error: "The file is empty." };
  if (truncated || records.length > MAX_IMPORT_ROWS + 1) {
    return { ok: false, error: `Import at most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} trusts at a time: split the file.` };
  }
  const [head, ...body] = records;
  const columns = head!.fields.map((f) => HEADINGS[heading(clean(f))] ?? null);
  const ignoredColumns = head!.fields.filter((_, i) => columns[i] === null).map((f) => clean(f)).filter(Boolean);
  const seen = new Set<string>();
  for (const [i, column] of columns.entries()) {
    if (!column) continue;
    if (seen.has(column)) return { ok: false, error: `Two columns mean the same thing (“${clean(head!.fields[i])}”): keep one.` };
    seen.add(column);
  }
  if (!seen.has("name") && !seen.has("odsCode")) {
    return { ok: false, error: "The first line must name the columns, with a Name or ODS code column to find each trust by (for example: Name, ODS code, FOI email, Website)." };
  }
  const fields = IMPORT_FIELDS.filter((f) => seen.has(f));
  if (fields.length === 0 || (fields.length === 1 && fields[0] === "odsCode" && !seen.has("name"))) {
    return { ok: false, error: "Nothing to import: add a column such as FOI email, Website, WhatDoTheyKnow name, ODS code, Region or Short name." };
  }
  if (body.length === 0) return { ok: false, error: "The file has its headings but no rows." };

  const rows = body.map(({ line, fields: cells }): ImportRow => {
    const row: ImportRow = { line, name: null, values: {}, errors: [] };
    for (const [i, column] of columns.entries()) {
      if (!column) continue;
      const value = clean(cells[i]);
      if (!value) continue;
      if (column === "name") {
        row.name = value.slice(0, 300);
        continue;
      }
      const checked = checkCell(column, value);
      if (checked.ok) row.values[column] = checked.value;
      else row.errors.push(checked.error);
    }
    if (!row.name && !row.values.odsCode) row.errors.push("No name or ODS code to find the trust by.");
    return row;
  });
  return { ok: true, rows, fields, ignoredColumns };
}

/** The directory as the import sees it. */
export interface DirectoryBody {
  id: string;
  name: string;
  shortName: string | null;
  odsCode: string | null;
  region: string | null;
  foiEmail: string | null;
  website: string | null;
  wdtkSlug: string | null;
}

export interface FieldChange {
  field: ImportField;
  from: string | null;
  to: string;
}

export type ImportMatchHow = "ods" | MatchHow;

export interface PlannedRow {
  line: number;
  /** What the row calls the trust (its name, else its ODS code). */
  label: string;
  /**
   * update: found for certain, with changes; unchanged: found, nothing new; choose: a person
   * must say which trust; unknown: not in the directory; invalid: a cell is wrong (never saved).
   */
  status: "update" | "unchanged" | "choose" | "unknown" | "invalid";
  bodyId?: string;
  bodyName?: string;
  how?: ImportMatchHow;
  candidates: Candidate[];
  changes: FieldChange[];
  reasons: string[];
  values: Partial<Record<ImportField, string>>;
}

const same = (field: ImportField, a: string | null, b: string) =>
  field === "foiEmail" || field === "odsCode" || field === "wdtkSlug" ? (a ?? "").toLowerCase() === b.toLowerCase() : (a ?? "") === b;

/** What saving the row's values to `body` would change, or why it cannot. */
export function changesFor(row: Pick<ImportRow, "values">, body: DirectoryBody, directory: readonly DirectoryBody[]): { changes: FieldChange[]; reasons: string[] } {
  const changes: FieldChange[] = [];
  const reasons: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const to = row.values[field];
    if (to === undefined || same(field, body[field], to)) continue;
    if (field === "odsCode") {
      const holder = directory.find((b) => b.id !== body.id && b.odsCode?.toUpperCase() === to);
      if (holder) {
        reasons.push(`ODS code ${to} already belongs to ${holder.name}.`);
        continue;
      }
    }
    changes.push({ field, from: body[field], to });
  }
  return { changes, reasons };
}

/**
 * Matches each row to a trust: by ODS code first (a code names one trust), then by name with
 * the outcomes paste's matcher (only what is certain is matched; close names are offered as
 * choices). A code and a name that point at different trusts, or two rows for one trust, are
 * never settled silently.
 */
export function planDirectoryImport(rows: readonly ImportRow[], directory: readonly DirectoryBody[]): PlannedRow[] {
  const byId = new Map(directory.map((b) => [b.id, b]));
  const byOds = new Map<string, DirectoryBody[]>();
  for (const b of directory) if (b.odsCode) byOds.set(b.odsCode.toUpperCase(), [...(byOds.get(b.odsCode.toUpperCase()) ?? []), b]);
  const matchable = directory.map((b) => ({ id: b.id, name: b.name, shortName: b.shortName, odsCode: b.odsCode }));
  const claimed = new Map<string, number>();

  return rows.map((row): PlannedRow => {
    const label = row.name ?? row.values.odsCode ?? `line ${row.line}`;
    const planned: PlannedRow = { line: row.line, label, status: "unknown", candidates: [], changes: [], reasons: [], values: row.values };
    if (row.errors.length > 0) return { ...planned, status: "invalid", reasons: row.errors };

    const asCandidate = (b: DirectoryBody, score = 1): Candidate => ({ bodyId: b.id, bodyName: b.name, score });
    const byCode = row.values.odsCode ? (byOds.get(row.values.odsCode) ?? []) : [];
    const byName = row.name ? matchTrustNames(row.name, matchable) : null;
    const named = byName?.matched[0] ?? null;

    let body: DirectoryBody | null = null;
    let how: ImportMatchHow | undefined;
    if (byCode.length === 1) {
      body = byCode[0]!;
      how = "ods";
      if (named && named.bodyId !== body.id) {
        return { ...planned, status: "choose", candidates: [asCandidate(body), asCandidate(byId.get(named.bodyId)!, named.score)], reasons: [`ODS code ${row.values.odsCode} belongs to ${body.name}, but the name looks like ${named.bodyName}.`] };
      }
    } else if (byCode.length > 1) {
      return { ...planned, status: "choose", candidates: byCode.map((b) => asCandidate(b)), reasons: [`Several trusts have ODS code ${row.values.odsCode}.`] };
    } else if (named) {
      body = byId.get(named.bodyId)!;
      how = named.how;
    } else if (byName && byName.ambiguous.length > 0) {
      return { ...planned, status: "choose", candidates: byName.ambiguous[0]!.candidates, reasons: ["The name could be more than one trust."] };
    } else {
      const suggestions = byName?.unmatched[0]?.suggestions ?? [];
      const why = row.name
        ? byName && byName.ignored.length > 0 && byName.unmatched.length === 0
          ? `“${row.name}” is not a trust's name.`
          : `No trust called “${row.name}” in the directory.`
        : `No trust with ODS code ${row.values.odsCode} in the directory.`;
      return { ...planned, status: "unknown", candidates: suggestions, reasons: [why] };
    }

    const earlier = claimed.get(body.id);
    if (earlier !== undefined) return { ...planned, status: "invalid", bodyId: body.id, bodyName: body.name, how, reasons: [`Line ${earlier} is for the same trust (${body.name}): keep one of them.`] };
    claimed.set(body.id, row.line);
    const { changes, reasons } = changesFor(row, body, directory);
    if (reasons.length > 0) return { ...planned, status: "invalid", bodyId: body.id, bodyName: body.name, how, reasons };
    return { ...planned, status: changes.length > 0 ? "update" : "unchanged", bodyId: body.id, bodyName: body.name, how, changes };
  });
}

/** What the check step shows: every row with what saving it would do. */
export interface DirectoryImportPreview {
  text: string;
  fields: ImportField[];
  ignoredColumns: string[];
  plan: PlannedRow[];
}

/** What the import form's action returns: the usual form state plus the checked rows to confirm. */
export interface DirectoryImportFormState extends FormState {
  preview?: DirectoryImportPreview;
}

export interface ConfirmedUpdate {
  line: number;
  bodyId: string;
  bodyName: string;
  changes: FieldChange[];
}

/**
 * The rows a person confirmed (line -> chosen trust id), checked against the plan: a matched
 * row only to its own trust, a row to choose for only to one of its candidates, an invalid
 * row never, and no trust twice. Returns the updates, or the refusals by line.
 */
export function confirmedUpdates(
  plan: readonly PlannedRow[],
  choices: ReadonlyMap<number, string>,
  directory: readonly DirectoryBody[],
): { ok: true; updates: ConfirmedUpdate[] } | { ok: false; errors: Record<number, string> } {
  const byId = new Map(directory.map((b) => [b.id, b]));
  const errors: Record<number, string> = {};
  const updates: ConfirmedUpdate[] = [];
  const taken = new Map<string, number>();
  for (const row of plan) {
    const chosen = choices.get(row.line);
    if (!chosen) continue;
    const allowed = row.status === "update" || row.status === "unchanged" ? chosen === row.bodyId : (row.status === "choose" || row.status === "unknown") && row.candidates.some((c) => c.bodyId === chosen);
    const body = byId.get(chosen);
    if (!allowed || !body) {
      errors[row.line] = row.status === "invalid" ? `Line ${row.line} cannot be saved: ${row.reasons.join(" ")}` : `Line ${row.line}: choose one of the trusts offered.`;
      continue;
    }
    const other = taken.get(body.id);
    if (other !== undefined) {
      errors[row.line] = `Lines ${other} and ${row.line} are both for ${body.name}: keep one of them.`;
      continue;
    }
    taken.set(body.id, row.line);
    const { changes, reasons } = changesFor(row, body, directory);
    if (reasons.length > 0) {
      errors[row.line] = `Line ${row.line}: ${reasons.join(" ")}`;
      continue;
    }
    if (changes.length > 0) updates.push({ line: row.line, bodyId: body.id, bodyName: body.name, changes });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, updates };
}
