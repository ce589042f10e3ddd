"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function MailboxForm({ action, mailbox }: { action: Action; mailbox: string | null }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <Field
        name="mailbox"
        label="Campaign mailbox"
        type="email"
        hint="Letters sent from the app ask trusts to reply here. Leave it empty to use the address of whoever sends each batch."
        errors={state.fieldErrors?.mailbox}
        defaultValue={state.values?.mailbox ?? mailbox ?? ""}
      />
      <div>
        <button type="submit" disabled={pending}>
          Save mailbox
        </button>
      </div>
    </form>
  );
}
