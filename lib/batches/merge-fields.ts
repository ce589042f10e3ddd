// Merge fields for batches: one letter template, rendered for each recipient body. Pure: no I/O;
// dates arrive as YYYY-MM-DD (Europe/London) and "today" is a value like any other.
//
// Syntax: {{field}}, spaces allowed inside the braces ({{ body.name }}); \{{ writes a literal {{.
// A template is checked with parseTemplate before any request is created, so a typo fails the
// whole batch up front instead of sending 31 letters that say "{{body.nmae}}".
import { z } from "zod";
import { OUTCOMES, outcomeLabels } from "@/lib/bodies/schemas";
import { formatUkDate, isoDateSchema } from "@/lib/deadlines";
import { NAME_PLACEHOLDER } from "@/lib/letters/draft-letters";
import { editDistance } from "@/lib/text/edit-distance";

/** Longer than any real letter (the NHS England request is about 2,000 characters). */
export const TEMPLATE_MAX_LENGTH = 50_000;

export const MERGE_FIELD_NAMES = [
  "body.name",
  "body.shortName",
  "parent.reference",
  "parent.date",
  "parent.title",
  "outcome",
  "sender.name",
  "today",
] as const;
export type MergeFieldName = (typeof MERGE_FIELD_NAMES)[number];

export interface MergeFieldHelp {
  name: MergeFieldName;
  /** Plain English, for the help list next to the template editor. */
  description: string;
  example: string;
}

/** Every merge field, in the order the help list shows them. */
export const MERGE_FIELDS: readonly MergeFieldHelp[] = [
  { name: "body.name", description: "The full name of the trust or body the letter goes to.", example: "South West London and St George's Mental Health NHS Trust" },
  { name: "body.shortName", description: "The body's usual short name, or its full name if it has none.", example: "SWLStG" },
  { name: "parent.reference", description: "The reference the authority gave the original request.", example: "FOI-2108-1525161" },
  { name: "parent.date", description: "The date the original request was sent, with its weekday.", example: "Monday 2 August 2021" },
  { name: "parent.title", description: "The title of the original request.", example: "Funding for Band 7 LXP KUF roles in England" },
  { name: "outcome", description: "What the original request's answer said about this body, in plain words.", example: outcomeLabels.did_not_apply },
  { name: "sender.name", description: "The name the letter is signed with.", example: "LXP Revolution" },
  { name: "today", description: "The date the letter is created, with its weekday.", example: "Tuesday 1 December 2026" },
];

/** Shown instead of a value that is not known, so the campaigner notices before sending. */
export const MISSING_VALUE_PLACEHOLDERS: Readonly<Record<MergeFieldName, string>> = {
  "body.name": "[no body name]",
  "body.shortName": "[no body name]",
  "parent.reference": "[no reference]",
  "parent.date": "[no date sent]",
  "parent.title": "[no title]",
  outcome: "[no outcome]",
  "sender.name": NAME_PLACEHOLDER,
  today: "[no date]",
};

const optionalText = z.string().nullish();

/** The values for one recipient. Dates are YYYY-MM-DD (Europe/London); blank text counts as missing. */
export const mergeValuesSchema = z.object({
  body: z.object({ name: z.string(), shortName: optionalText }),
  parent: z
    .object({ reference: optionalText, sentOn: isoDateSchema.nullish(), title: optionalText })
    .nullish(),
  /** The body's outcome in the parent request (funded, did not apply...). */
  outcome: z.enum(OUTCOMES).nullish(),
  sender: z.object({ name: optionalText }).nullish(),
  today: isoDateSchema,
});
export type MergeValues = z.infer<typeof mergeValuesSchema>;

export interface TemplateError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters as the user sees them (an emoji counts once). */
  column: number;
  /** The field name as written, for errors about one field. */
  field?: string;
  /** The closest known field, for an unknown one. */
  suggestion?: MergeFieldName;
}

export type ParseTemplateResult = { ok: true; fields: MergeFieldName[] } | { ok: false; errors: TemplateError[] };

/** Thrown by renderTemplate and missingValues for a template parseTemplate refuses. */
export class MergeTemplateError extends Error {
  readonly errors: TemplateError[];
  constructor(errors: TemplateError[]) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "MergeTemplateError";
    this.errors = errors;
  }
}

type Segment = { kind: "text"; text: string } | { kind: "field"; name: MergeFieldName };

const KNOWN_FIELDS: ReadonlySet<string> = new Set(MERGE_FIELD_NAMES);
const isMergeFieldName = (name: string): name is MergeFieldName => KNOWN_FIELDS.has(name);

/** Checks a template: every {{ closed on its line, nothing empty or nested, every field known. */
export function parseTemplate(text: string): ParseTemplateResult {
  const result = scanTemplate(text);
  if (result.errors.length > 0) return { ok: false, errors: result.errors };
  const fields: MergeFieldName[] = [];
  for (const segment of result.segments) {
    if (segment.kind === "field" && !fields.includes(segment.name)) fields.push(segment.name);
  }
  return { ok: true, fields };
}

/**
 * The letter for one recipient. Values go in as plain text (letters are plain text, so no HTML
 * escaping) and are never read as template: a body named "{{today}}" stays "{{today}}". A value
 * that is not known is shown as a placeholder such as "[no reference]" (see missingValues).
 * Throws MergeTemplateError for a template parseTemplate refuses, and a ZodError for bad values.
 */
export function renderTemplate(text: string, values: MergeValues): string {
  const resolved = resolveValues(values);
  let out = "";
  for (const segment of segmentsOrThrow(text)) {
    out += segment.kind === "text" ? segment.text : (resolved[segment.name] ?? MISSING_VALUE_PLACEHOLDERS[segment.name]);
  }
  return out;
}

/** The fields the template uses whose value is not known for this recipient, in order of first use. */
export function missingValues(text: string, values: MergeValues): MergeFieldName[] {
  const resolved = resolveValues(values);
  const missing: MergeFieldName[] = [];
  for (const segment of segmentsOrThrow(text)) {
    if (segment.kind === "field" && resolved[segment.name] === null && !missing.includes(segment.name)) missing.push(segment.name);
  }
  return missing;
}

function segmentsOrThrow(text: string): Segment[] {
  const result = scanTemplate(text);
  if (result.errors.length > 0) throw new MergeTemplateError(result.errors);
  return result.segments;
}

/** Each field's text for this recipient, or null when it is not known. */
function resolveValues(input: MergeValues): Record<MergeFieldName, string | null> {
  const values = mergeValuesSchema.parse(input);
  const present = (s: string | null | undefined): string | null => (s === null || s === undefined || s.trim() === "" ? null : s);
  const bodyName = present(values.body.name);
  const sentOn = values.parent?.sentOn;
  return {
    "body.name": bodyName,
    "body.shortName": present(values.body.shortName) ?? bodyName,
    "parent.reference": present(values.parent?.reference),
    "parent.date": sentOn ? formatUkDate(sentOn) : null,
    "parent.title": present(values.parent?.title),
    outcome: values.outcome ? outcomeLabels[values.outcome] : null,
    "sender.name": present(values.sender?.name),
    today: formatUkDate(values.today),
  };
}

// ------------------------------------------------------------------------------------ scanner

const OPEN = "{{";
const CLOSE = "}}";
const ESCAPED_OPEN = "\\{{";
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function scanTemplate(text: string): { segments: Segment[]; errors: TemplateError[] } {
  const position = positionFinder(text);
  if (text.length > TEMPLATE_MAX_LENGTH) {
    const { line, column } = position(TEMPLATE_MAX_LENGTH);
    return {
      segments: [],
      errors: [{ message: `The letter is ${text.length.toLocaleString("en-GB")} characters long; the limit is ${TEMPLATE_MAX_LENGTH.toLocaleString("en-GB")}. Shorten it from line ${line}.`, line, column }],
    };
  }

  const segments: Segment[] = [];
  const errors: TemplateError[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith(ESCAPED_OPEN, i)) {
      literal += OPEN;
      i += ESCAPED_OPEN.length;
      continue;
    }
    if (!text.startsWith(OPEN, i)) {
      literal += text[i];
      i += 1;
      continue;
    }

    const { line, column } = position(i);
    // A field never spans lines: an unclosed {{ is reported where it opens, not pages later.
    const lineEnd = endOfLine(text, i);
    const close = text.indexOf(CLOSE, i + OPEN.length);
    if (close === -1 || close >= lineEnd) {
      errors.push({ message: `Unclosed {{ on line ${line}, column ${column}: end the field with }}, or write \\{{ for literal braces.`, line, column });
      i += OPEN.length;
      continue;
    }
    const raw = text.slice(i + OPEN.length, close);
    const name = raw.trim();
    const written = text.slice(i, close + CLOSE.length);
    if (raw.includes("{") || raw.includes("}")) {
      errors.push({ message: `Braces inside the merge field ${written} on line ${line}, column ${column}: a field is one name between {{ and }}, like {{body.name}}.`, line, column, field: name });
      // Skip past the inner {{ only, so "{{ {{body.name}} }}" reports once, not twice.
      i += OPEN.length;
      const inner = text.indexOf(OPEN, i);
      if (inner !== -1 && inner < close) i = close + CLOSE.length;
      continue;
    }
    if (name === "") {
      errors.push({ message: `Empty merge field ${written} on line ${line}, column ${column}: put a field name between the braces, like {{body.name}}.`, line, column });
      i = close + CLOSE.length;
      continue;
    }
    if (!isMergeFieldName(name)) {
      const suggestion = closestField(name);
      const hint = suggestion
        ? `did you mean {{${suggestion}}}?`
        : `the fields are ${MERGE_FIELD_NAMES.map((f) => `{{${f}}}`).join(", ")}.`;
      const shown = FIELD_NAME.test(name) ? `{{${name}}}` : written;
      errors.push({ message: `Unknown merge field ${shown} on line ${line}: ${hint}`, line, column, field: name, ...(suggestion ? { suggestion } : {}) });
      i = close + CLOSE.length;
      continue;
    }
    if (literal !== "") segments.push({ kind: "text", text: literal });
    literal = "";
    segments.push({ kind: "field", name });
    i = close + CLOSE.length;
  }
  if (literal !== "") segments.push({ kind: "text", text: literal });
  return { segments, errors };
}

function endOfLine(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return j;
  }
  return text.length;
}

/** Line and column (1-based, counting characters by code point) of an index; \r\n, \n and \r end lines. */
function positionFinder(text: string): (index: number) => { line: number; column: number } {
  let starts: number[] | null = null;
  return (index) => {
    if (starts === null) {
      starts = [0];
      for (let j = 0; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c === 13 && text.charCodeAt(j + 1) === 10) continue;
        if (c === 10 || c === 13) starts.push(j + 1);
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Array.from(text.slice(starts[lo], index)).length + 1 };
  };
}

/**
 * The known field a misspelt one most likely meant, if any: the nearest by edit distance (ignoring
 * case) when near enough (two slips, or a third of the letters in a long name), else the only
 * field it abbreviates ({{parent.ref}}, {{reference}}). "recipient" gets the list of fields
 * rather than a guess such as {{today}}, and so does "name" (body or sender?).
 */
function closestField(name: string): MergeFieldName | null {
  const wanted = name.toLowerCase().replace(/\s+/g, ".");
  let best: MergeFieldName | null = null;
  let bestDistance = Infinity;
  for (const field of MERGE_FIELD_NAMES) {
    // Field names are short; a pasted paragraph between braces is capped rather than compared.
    const distance = editDistance(wanted, field.toLowerCase(), 64);
    if (distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  if (best !== null && bestDistance <= Math.max(2, Math.floor(wanted.length / 3))) return best;
  if (wanted.length < 3) return null;
  const abbreviated = MERGE_FIELD_NAMES.filter((field) => {
    const lower = field.toLowerCase();
    return lower.startsWith(wanted) || lower.slice(lower.lastIndexOf(".") + 1).startsWith(wanted);
  });
  return abbreviated.length === 1 ? abbreviated[0] : null;
}

