"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Edits one recipient's letter; "Go back to the template" drops the edit. */
export function BatchRecipientLetterForm({
  action,
  batchId,
  recipientId,
  bodyName,
  letter,
  edited,
}: {
  action: Action;
  batchId: string;
  recipientId: string;
  bodyName: string;
  letter: string;
  edited: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    // The key resets the textarea when the saved letter changes (e.g. back to the template).
    <form action={formAction} className="stack" noValidate key={letter}>
      <FormStatus state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="recipientId" value={recipientId} />
      <Field
        name="letter"
        label={`Letter to ${bodyName}`}
        hint={edited ? "This recipient has its own letter: changes to the template no longer reach it." : "Saving a change here gives this recipient its own letter, fixed as written (merge fields are not filled in again)."}
        errors={state.fieldErrors?.letter}
        defaultValue={state.values?.letter ?? letter}
        multiline
        rows={20}
      />
      <p className="actions">
        <button type="submit" name="intent" value="letter" disabled={pending}>
          Save this letter
        </button>{" "}
        {edited ? (
          <button type="submit" name="intent" value="template" className="secondary" disabled={pending}>
            Go back to the template
          </button>
        ) : null}
      </p>
    </form>
  );
}
