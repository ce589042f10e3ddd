"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field, RadioGroup } from "@/components/field";
import { roleLabels } from "@/lib/workspaces/choices";
import { FormStatus } from "@/components/form-status";

const ROLE_CHOICES = (["viewer", "editor", "owner"] as const).map((value) => ({ value, label: roleLabels[value] }));

export function InviteForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <Field name="email" label="Email address" type="email" errors={state.fieldErrors?.email} defaultValue={state.values?.email} />
      <RadioGroup name="role" legend={<strong>Role</strong>} options={ROLE_CHOICES} defaultValue={state.values?.role ?? "editor"} errors={state.fieldErrors?.role} />
      <div>
        <button type="submit" disabled={pending}>
          Send invitation
        </button>
      </div>
    </form>
  );
}
