/** What every Server Action returns to its form: field errors next to fields, a summary message. */
export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

export const initialFormState: FormState = { ok: false };
