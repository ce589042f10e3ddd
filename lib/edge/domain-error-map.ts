// The one place a DomainError becomes what the person sees: a page (404), a form's message
// and field errors, or an HTTP status for a route handler. Anything else is a real fault and
// is thrown on, so it reaches the error page and the log instead of being dressed as a refusal.
import { notFound } from "next/navigation";
import { asDomainError, type DomainError, type DomainErrorKind } from "@/lib/auth/errors";
import type { FormState } from "@/lib/auth/form-state";

export const HTTP_STATUS_BY_KIND = { not_found: 404, forbidden: 403, invalid: 400, conflict: 409 } as const satisfies Record<DomainErrorKind, number>;

/** A refusal as the form's state: the message, messages next to fields, what was typed. */
export function formStateForError(error: DomainError, values?: Record<string, string>): FormState {
  const state: FormState = { ok: false, message: error.message };
  if (error.fieldErrors && Object.keys(error.fieldErrors).length) state.fieldErrors = error.fieldErrors;
  if (values) state.values = values;
  return state;
}

/**
 * A refusal as a short plain-text response. "Not found" says nothing more, so a guessed
 * id in another workspace looks the same as one that never existed.
 */
export function responseForError(error: DomainError): Response {
  const status = HTTP_STATUS_BY_KIND[error.kind];
  const body = error.kind === "not_found" ? "Not found" : error.message;
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });
}

/** For pages: what the service could not find (or keeps from another workspace) is a 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (asDomainError(error)?.kind === "not_found") notFound();
    throw error;
  }
}
