// Whether a batch can be sent, and what stops it: the one rule the batch page, the send page
// and sendBatch all use. Pure: it is given the batch's letter and its recipients (each with its
// effective channel) and reads nothing.
import type { BatchState, Channel } from "@/lib/generated/prisma";
import { parseTemplate } from "@/lib/batches/merge-fields";
import { QUESTIONS_PLACEHOLDER } from "@/lib/batches/suggested-templates";

export interface ReadinessRecipient {
  id: string;
  bodyId: string;
  bodyName: string;
  /** The recipient's own channel, else the batch's. */
  channel: Channel;
  foiEmail: string | null;
}

export interface ReadinessInput {
  state: BatchState;
  template: string;
  titleTemplate: string;
  recipients: ReadinessRecipient[];
}

/** One thing that stops a batch being sent, with the sentence to show. */
export type SendBlocker =
  | { kind: "already_sent"; message: string }
  | { kind: "template"; field: "template" | "titleTemplate"; message: string }
  | { kind: "questions_placeholder"; field: "template"; message: string }
  | { kind: "no_recipients"; message: string }
  | { kind: "no_foi_email"; recipientId: string; bodyId: string; bodyName: string; message: string };

export interface BatchReadiness {
  ready: boolean;
  /** In the order a person fixes them: the letter, then the recipients. */
  blockers: SendBlocker[];
  /** The merge-field errors by form field, for showing next to the fields. */
  templateErrors: Record<string, string[]>;
}

/** Merge-field errors in the letter and the title, by form field ("template", "titleTemplate"). */
export function templateFieldErrors(input: { template: string; titleTemplate: string }): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const letter = parseTemplate(input.template);
  if (!letter.ok) errors.template = letter.errors.map((e) => e.message);
  const title = parseTemplate(input.titleTemplate);
  if (!title.ok) errors.titleTemplate = title.errors.map((e) => e.message);
  return errors;
}

export const noFoiEmailMessage = (bodyName: string) =>
  `${bodyName} has no FOI email address: add it in the directory, or send this one via WhatDoTheyKnow or by post.`;

export function batchReadiness(input: ReadinessInput): BatchReadiness {
  if (input.state !== "draft") {
    return { ready: false, blockers: [{ kind: "already_sent", message: "This batch has already been sent." }], templateErrors: {} };
  }
  const blockers: SendBlocker[] = [];
  const templateErrors = templateFieldErrors(input);
  for (const field of ["template", "titleTemplate"] as const) {
    for (const message of templateErrors[field] ?? []) blockers.push({ kind: "template", field, message });
  }
  // The suggested letter starts with this line; a batch sent with it would ask nothing.
  if (input.template.includes(QUESTIONS_PLACEHOLDER)) {
    blockers.push({ kind: "questions_placeholder", field: "template", message: `Replace ${QUESTIONS_PLACEHOLDER} with your questions before sending.` });
  }
  if (input.recipients.length === 0) blockers.push({ kind: "no_recipients", message: "This batch has no recipients." });
  for (const r of input.recipients) {
    if (r.channel === "email" && !r.foiEmail) {
      blockers.push({ kind: "no_foi_email", recipientId: r.id, bodyId: r.bodyId, bodyName: r.bodyName, message: noFoiEmailMessage(r.bodyName) });
    }
  }
  return { ready: blockers.length === 0, blockers, templateErrors };
}
