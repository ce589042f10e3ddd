"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (s: FormState, f: FormData) => Promise<FormState>;

export function AcceptInvitationForm({ action, token, newAccount }: { action: Action; token: string; newAccount: boolean }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="token" value={token} />
      {newAccount ? (
        <>
          <Field name="name" label="Your name" autoComplete="name" errors={state.fieldErrors?.name} defaultValue={state.values?.name} />
          <Field name="password" label="Choose a password" type="password" autoComplete="new-password" hint="At least 12 characters." errors={state.fieldErrors?.password} />
        </>
      ) : null}
      <div>
        <button type="submit" disabled={pending}>
          {newAccount ? "Create my account" : "Join the workspace"}
        </button>
      </div>
    </form>
  );
}
