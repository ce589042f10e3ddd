import { z } from "zod";
import { pageNumberSchema } from "@/lib/pagination/schemas";

export const BODY_STATUSES = ["active", "merged", "closed", "renamed"] as const;
export const OUTCOMES = ["funded", "applied_unsuccessful", "did_not_apply", "applied_withdrew"] as const;
export const NHS_REGIONS = ["London", "South East", "South West", "Midlands", "East of England", "North West", "North East and Yorkshire"] as const;

export const outcomeLabels: Record<(typeof OUTCOMES)[number], string> = {
  funded: "Applied and funded",
  applied_unsuccessful: "Applied, not funded",
  did_not_apply: "Did not apply",
  applied_withdrew: "Applied, then withdrew",
};

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
