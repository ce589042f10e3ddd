// Pasting a batch's WhatDoTheyKnow addresses back: the inputs and the checked list. No
// server-only imports: the paste-back form uses these types too.
import { z } from "zod";
import type { FormState } from "@/lib/auth/form-state";
import { calendarDateSchema } from "@/lib/requests/schemas";

export const MAX_PASTED_ADDRESS_CHARACTERS = 400_000;
/** More addresses than any batch of trusts; a page's worth of a big batch still fits. */
export const MAX_PASTED_ADDRESSES = 2_000;

/** Step one: what was pasted, and the date to use where the paste gives none. */
export const checkPastedAddressesSchema = z.object({
  text: z
    .string({ message: "Paste the requests' addresses from WhatDoTheyKnow." })
    .trim()
    .min(1, "Paste the requests' addresses from WhatDoTheyKnow.")
    .max(MAX_PASTED_ADDRESS_CHARACTERS, `Paste at most ${MAX_PASTED_ADDRESS_CHARACTERS.toLocaleString("en-GB")} characters at a time.`),
  sentOn: calendarDateSchema,
});
export type CheckPastedAddressesInput = z.infer<typeof checkPastedAddressesSchema>;

/** One confirmed address: the request's address, whose letter it is, and the day it went. */
export const confirmedAddressSchema = z.object({
  url: z.string().trim().min(1).max(2000),
  recipientId: z.string().trim().min(1, "Choose whose request this is.").max(100),
  sentOn: calendarDateSchema,
});
export type ConfirmedAddress = z.infer<typeof confirmedAddressSchema>;

export const markPastedSentSchema = z.object({
  rows: z
    .array(confirmedAddressSchema)
    .min(1, "Tick or choose at least one request to mark as sent.")
    .max(MAX_PASTED_ADDRESSES, `Mark at most ${MAX_PASTED_ADDRESSES.toLocaleString("en-GB")} at a time.`),
});
export type MarkPastedSentInput = z.infer<typeof markPastedSentSchema>;

/** The confirm form: per row i, `row-<i>-url`, `row-<i>-recipient` (ticked or chosen) and `row-<i>-sentOn`. */
export const ROW_FIELD = /^row-(\d+)-(url|recipient|sentOn)$/;

/** The confirm form's fields turned into markPastedSentSchema's rows: a row without a recipient (not ticked, skipped) is left out. */
export function rowsFromForm(fields: Record<string, unknown>): Array<Record<string, unknown>> {
  const rows = new Map<number, Record<string, unknown>>();
  for (const [name, value] of Object.entries(fields)) {
    const m = ROW_FIELD.exec(name);
    if (!m) continue;
    const row = rows.get(Number(m[1])) ?? {};
    row[m[2] === "recipient" ? "recipientId" : m[2]] = value;
    rows.set(Number(m[1]), row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => typeof row.recipientId === "string" && row.recipientId !== "");
}

export interface PasteBackCandidate {
  recipientId: string;
  bodyName: string;
}

/** One pasted address, checked: matched to a recipient, to choose between some, or refused with the reason. */
export type PasteBackRow =
  | { state: "matched"; url: string; line: string; sentOn: string; recipientId: string; bodyName: string; how: "body_page" | "name" | "address" }
  | { state: "ambiguous"; url: string; line: string; sentOn: string; candidates: PasteBackCandidate[] }
  | { state: "refused"; url: string; line: string; reason: string };

export interface PasteBackPlan {
  rows: PasteBackRow[];
  /** Pasted lines with no request address on the site. */
  notAddresses: string[];
}

export interface PasteBackFormState extends FormState {
  plan?: PasteBackPlan & { text: string; sentOn: string };
}
