"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { roleLabels } from "@/lib/workspaces/schemas";
import { FormStatus } from "@/components/form-status";

const ROLE_CHOICES = (["viewer", "editor", "owner"] as const).map((value) => ({ value, label: roleLabels[value] }));

export function InviteForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const roleError = state.fieldErrors?.role;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <Field name="email" label="Email address" type="email" errors={state.fieldErrors?.email} defaultValue={state.values?.email} />
      <fieldset className="field" aria-describedby={roleError ? "role-error" : undefined}>
        <legend>
          <strong>Role</strong>
        </legend>
        {roleError ? (
          <p className="field-error" id="role-error">
            {roleError.join(" ")}
          </p>
        ) : null}
        {ROLE_CHOICES.map((r) => (
          <label key={r.value} style={{ fontWeight: 400 }}>
            <input type="radio" name="role" value={r.value} defaultChecked={(state.values?.role ?? "editor") === r.value} /> {r.label}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" disabled={pending}>
          Send invitation
        </button>
      </div>
    </form>
  );
}
