import { z } from "zod";
import { isIsoDate } from "./iso-date";
import { EVENT_KINDS } from "./event-kind-names";
// Plain constants live in event-kind-names.ts (no zod), so client forms can import them without zod in the browser.
export * from "./event-kind-names";

export const lawSchema = z.enum(["foia", "eir", "foisa"]);
export type Law = z.infer<typeof lawSchema>;

/**
 * Date of receipt convention. "calendar": the date of arrival is day 0 even on a weekend
 * or holiday (WhatDoTheyKnow; ICO line to take LTT47). "next-working-day": an arrival on
 * a non-working day counts as received on the next working day (as many authorities count).
 */
export const conventionSchema = z.enum(["calendar", "next-working-day"]);
export type Convention = z.infer<typeof conventionSchema>;

export const eventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof eventKindSchema>;

export const RESPONSE_KINDS = [
  "response_successful",
  "response_partial",
  "response_refused",
  "response_not_held",
] as const satisfies readonly EventKind[];
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const isoDateSchema = z.string().refine(isIsoDate, { message: "expected a real calendar date as YYYY-MM-DD" });

/** `at` is an ISO timestamp (its Europe/London date counts) or a plain YYYY-MM-DD. */
export const clockEventSchema = z.object({
  kind: eventKindSchema,
  at: z.union([z.string().min(10), z.date()]),
  newDueDate: isoDateSchema.nullish(),
  /** Exemptions the event names: for an extension, the qualified exemption the notice cites (FOIA s17(2)). */
  exemptions: z.array(z.string()).optional(),
  /** Only an upper bound of the date is known ("on or before"). */
  approximate: z.boolean().optional(),
  /** A clarification request the campaigner records as not reasonably required (FOIA s1(3)): it stops nothing. */
  notReasonablyRequired: z.boolean().optional(),
});
export type ClockEvent = z.infer<typeof clockEventSchema>;

export const DIVISIONS = ["england-and-wales", "scotland", "northern-ireland"] as const;
export type Division = (typeof DIVISIONS)[number];

const govUkEventSchema = z.object({
  title: z.string().min(1),
  date: isoDateSchema,
  notes: z.string().default(""),
  bunting: z.boolean().default(false),
});

const govUkDivisionSchema = z.object({
  division: z.string(),
  // An empty list would silently turn every bank holiday into a working day.
  events: z.array(govUkEventSchema).min(1, { message: "expected at least one bank holiday" }),
});

/** https://www.gov.uk/bank-holidays.json */
export const govUkHolidaysSchema = z
  .object({
    "england-and-wales": govUkDivisionSchema,
    scotland: govUkDivisionSchema,
    "northern-ireland": govUkDivisionSchema,
  })
  .superRefine((data, ctx) => {
    for (const key of DIVISIONS) {
      if (data[key].division !== key) {
        ctx.addIssue({
          code: "custom",
          path: [key, "division"],
          message: `expected "${key}", got ${JSON.stringify(data[key].division)}`,
        });
      }
    }
  });
export type GovUkHolidays = z.infer<typeof govUkHolidaysSchema>;
export type GovUkHolidaysInput = z.input<typeof govUkHolidaysSchema>;
