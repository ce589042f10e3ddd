import { z } from "zod";
import { pageNumberSchema } from "@/lib/pagination/schemas";
import { BODY_STATUSES, OUTCOMES, NHS_REGIONS } from "@/lib/bodies/choices";
// Plain constants live in choices.ts (no zod), so client forms can import them without zod in the browser.
export * from "@/lib/bodies/choices";

export const statusLabels: Record<(typeof BODY_STATUSES)[number], string> = {
  active: "Active",
  merged: "Merged",
  closed: "Closed",
  renamed: "Renamed",
};

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(values).optional());

/** Directory filters, as they arrive from the URL's search params. */
export const bodyFiltersSchema = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() : undefined), z.string().max(200).optional()),
  region: optionalChoice(NHS_REGIONS),
  outcome: optionalChoice(OUTCOMES),
  status: optionalChoice(BODY_STATUSES),
  page: pageNumberSchema,
});
export type BodyFilters = z.infer<typeof bodyFiltersSchema>;

const optionalText = (max: number) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v), z.string().max(max).nullable());

/** What an editor may change about a body in the directory. */
export const updateBodySchema = z.object({
  bodyId: z.string().min(1),
  foiEmail: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    z.string().email("Enter an email address, like foi@trust.nhs.uk.").max(320).nullable(),
  ),
  website: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    z.string().url("Enter a full web address starting with https://").max(500).refine((u) => /^https?:\/\//.test(u), "Enter a web address starting with https://").nullable(),
  ),
  notes: optionalText(5000),
});
export type UpdateBodyInput = z.infer<typeof updateBodySchema>;

/** The most text one directory import takes (forms are capped at 1 MB on the way in). */
export const MAX_IMPORT_CHARACTERS = 900_000;

/** A directory CSV, pasted or uploaded (the upload wins when both are given). */
export const directoryImportSchema = z.object({
  text: z
    .string()
    .max(MAX_IMPORT_CHARACTERS, `Import at most ${MAX_IMPORT_CHARACTERS.toLocaleString("en-GB")} characters at a time: split the file.`)
    .refine((t) => t.trim() !== "", "Paste the CSV, or choose a file."),
});
