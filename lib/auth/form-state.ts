/** What every Server Action returns to its form: field errors next to fields, a summary message. */
export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What was submitted, so a refused form keeps the user's typing (never passwords or tokens). */
  values?: Record<string, string>;
}

const SECRET_FIELDS = /password|token/i;

/** The submitted text fields worth echoing back into a refused form. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !SECRET_FIELDS.test(key) && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

export const initialFormState: FormState = { ok: false };
