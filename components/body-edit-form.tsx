"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function BodyEditForm({ action, body }: { action: Action; body: { id: string; foiEmail: string | null; website: string | null; notes: string | null } }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="bodyId" value={body.id} />
      <Field
        name="foiEmail"
        label="FOI email address"
        type="email"
        hint="Where this body takes Freedom of Information requests. Check its website or WhatDoTheyKnow."
        errors={state.fieldErrors?.foiEmail}
        defaultValue={state.values?.foiEmail ?? body.foiEmail}
      />
      <Field name="website" label="Website" type="url" errors={state.fieldErrors?.website} defaultValue={state.values?.website ?? body.website} />
      <Field name="notes" label="Notes" multiline errors={state.fieldErrors?.notes} defaultValue={state.values?.notes ?? body.notes} />
      <div>
        <button type="submit" disabled={pending}>
          Save changes
        </button>
      </div>
    </form>
  );
}
