"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { OUTCOMES, outcomeLabels } from "@/lib/bodies/choices";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** One row's outcome in the outcomes table: a select and Save. Works as a plain form post too. */
export function OutcomeRowForm({ action, requestId, body }: { action: Action; requestId: string; body: { id: string; name: string; outcome: string | null } }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const id = `outcome-${body.id}`;
  const errors = state.fieldErrors?.outcome;
  return (
    <form action={formAction} style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem", alignItems: "center" }}>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="bodyId" value={body.id} />
      <label htmlFor={id} className="visually-hidden">
        Outcome for {body.name}
      </label>
      <select key={`${body.outcome}-${JSON.stringify(state)}`} id={id} name="outcome" defaultValue={state.values?.outcome ?? body.outcome ?? "none"} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined}>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {outcomeLabels[o]}
          </option>
        ))}
        <option value="none">No outcome recorded</option>
      </select>
      <button type="submit" className="secondary" disabled={pending}>
        Save<span className="visually-hidden"> the outcome for {body.name}</span>
      </button>
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
      {/* A compact live region: a full status box would not fit in a table row. */}
      <span role="status" aria-live="polite" className={state.ok ? "muted" : state.message ? "field-error" : undefined}>
        {state.message && !errors?.length ? state.message : null}
      </span>
    </form>
  );
}
