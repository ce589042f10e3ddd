// The directory's fixed choices and their labels: plain constants, no zod, for server and browser alike.

export const BODY_STATUSES = ["active", "merged", "closed", "renamed"] as const;
export const OUTCOMES = ["funded", "applied_unsuccessful", "did_not_apply", "applied_withdrew"] as const;
export const NHS_REGIONS = ["London", "South East", "South West", "Midlands", "East of England", "North West", "North East and Yorkshire"] as const;

export const outcomeLabels: Record<(typeof OUTCOMES)[number], string> = {
  funded: "Applied and funded",
  applied_unsuccessful: "Applied, not funded",
  did_not_apply: "Did not apply",
  applied_withdrew: "Applied, then withdrew",
};

/** Field names of the confirm step: "row-<line>" is the trust chosen for that line of the file, or "" to skip it. */
export const IMPORT_ROW_PREFIX = "row-";

/** The directory import's fields, and their labels. */
export const IMPORT_FIELDS = ["foiEmail", "website", "wdtkSlug", "odsCode", "region", "shortName"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importFieldLabels: Record<ImportField, string> = {
  foiEmail: "FOI email",
  website: "Website",
  wdtkSlug: "WhatDoTheyKnow name",
  odsCode: "ODS code",
  region: "Region",
  shortName: "Short name",
};
