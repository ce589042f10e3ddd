"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

/** What can still change once a request is sent: its reference and web address. */
export function SentRequestForm({
  action,
  requestId,
  externalUrl,
  authorityRef,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  requestId: string;
  externalUrl: string | null;
  authorityRef: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <Field name="authorityRef" label="The body's reference" errors={state.fieldErrors?.authorityRef} defaultValue={state.values?.authorityRef ?? authorityRef} />
      <Field name="externalUrl" label="Web address" type="url" errors={state.fieldErrors?.externalUrl} defaultValue={state.values?.externalUrl ?? externalUrl} />
      <div>
        <button type="submit" disabled={pending}>
          Save changes
        </button>
      </div>
    </form>
  );
}
