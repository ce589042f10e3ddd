import { ConflictError, InvalidError } from "@/lib/auth/errors";

// The batch refusals, as kinds of the one domain error the edge translates.

/** A refused batch input, with messages for the form's fields (the same shape FormState carries). */
export class BatchValidationError extends InvalidError {
  constructor(fieldErrors: Record<string, string[]>, message = "Check the answers marked below.") {
    super(fieldErrors, message);
    this.name = "BatchValidationError";
  }
}

/** A batch that is no longer a draft (or not yet sent) for what was asked. */
export class BatchStateError extends ConflictError {
  constructor(message: string) {
    super(message);
    this.name = "BatchStateError";
  }
}
