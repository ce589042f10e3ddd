import { ZodError, z } from "zod";

// The one error model a service throws for the edge to translate (lib/edge/domain-error-map.ts
// turns each kind into a page, a form's message and field errors, or an HTTP status).
// Messages are written for the person using the app and never carry internal details.

export type DomainErrorKind = "not_found" | "forbidden" | "invalid" | "conflict";

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** Messages for the form's fields, when the refusal is about what was typed. */
  readonly fieldErrors?: Record<string, string[]>;
}

export class ForbiddenError extends DomainError {
  readonly kind = "forbidden";
  constructor(message = "You do not have access to this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends DomainError {
  readonly kind = "not_found";
  constructor(message = "Not found.") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** What was submitted cannot be accepted; fieldErrors go next to the fields. */
export class InvalidError extends DomainError {
  readonly kind = "invalid";
  override readonly fieldErrors: Record<string, string[]>;
  constructor(fieldErrors: Record<string, string[]> = {}, message = "Check the answers marked below.") {
    super(message);
    this.name = "InvalidError";
    this.fieldErrors = fieldErrors;
  }
}

/** Allowed in general, but not in the thing's current state (a batch already sent). */
export class ConflictError extends DomainError {
  readonly kind = "conflict";
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/**
 * A thrown value as a DomainError, or null for a real fault. A ZodError thrown by a
 * service's own parse is a refusal of the input, so it counts as "invalid".
 */
export function asDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError) {
    const fieldErrors = Object.fromEntries(Object.entries(z.flattenError(error).fieldErrors).filter((entry): entry is [string, string[]] => Array.isArray(entry[1])));
    return new InvalidError(fieldErrors);
  }
  return null;
}
