"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

export function ChangePasswordForm({ action, needsCurrent }: { action: (s: FormState, f: FormData) => Promise<FormState>; needsCurrent: boolean }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      {needsCurrent ? <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" errors={state.fieldErrors?.currentPassword} /> : null}
      <Field name="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters. A few random words make a good one." errors={state.fieldErrors?.newPassword} />
      <Field name="confirmPassword" label="New password again" type="password" autoComplete="new-password" errors={state.fieldErrors?.confirmPassword} />
      <div>
        <button type="submit" disabled={pending}>
          Change password
        </button>
      </div>
    </form>
  );
}
