// The directory import's fields and their labels: plain constants, no zod, for server and browser alike.

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
