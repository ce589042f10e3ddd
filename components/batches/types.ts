import type { FormState } from "@/lib/auth/form-state";
import type { BatchDetails } from "@/lib/batches/get-batch";

/** A Server Action as the batch forms take it; the page passes them in, so these sections stay presentational. */
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** The id of the form the sent recipients' tick boxes join (through their `form` attribute). */
export const BULK_FORM = "bulk-form";

/** The URL's search parameters. */
export type Params = Record<string, string | undefined>;

/** The batch's filter and sort, as URL parameters (the default sort left out). */
export function viewParams(batch: BatchDetails): Params {
  return { sort: batch.view.sort === "position" ? undefined : batch.view.sort, status: batch.view.status, q: batch.view.q };
}
