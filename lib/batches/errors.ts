// A refused batch input, with messages for the form's fields (the same shape FormState carries).
export class BatchValidationError extends Error {
  readonly fieldErrors: Record<string, string[]>;
  constructor(fieldErrors: Record<string, string[]>, message = "Check the answers marked below.") {
    super(message);
    this.name = "BatchValidationError";
    this.fieldErrors = fieldErrors;
  }
}

/** A batch that is no longer a draft (or not yet sent) for what was asked. */
export class BatchStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BatchStateError";
  }
}
