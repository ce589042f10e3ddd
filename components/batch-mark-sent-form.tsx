"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Marks a WhatDoTheyKnow request (with its URL) or a posted letter (its date) as sent. */
export function BatchMarkSentForm({
  action,
  batchId,
  recipientId,
  bodyName,
  via,
  today,
}: {
  action: Action;
  batchId: string;
  recipientId: string;
  bodyName: string;
  via: "whatdotheyknow" | "post";
  today: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // One form per recipient on the batch page: each needs its own ids, or every label
  // would point at the first recipient's field.
  const idPrefix = `mark-sent-${recipientId}`;
  if (state.ok) return <FormStatus state={state} />;
  return (
    <form action={formAction} className="stack mark-sent" noValidate aria-label={`Mark the letter to ${bodyName} as sent`}>
      <FormStatus state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="recipientId" value={recipientId} />
      {via === "whatdotheyknow" ? (
        <Field
          name="url"
          label={`Request address on WhatDoTheyKnow (${bodyName})`}
          hint="Paste it after sending, e.g. https://www.whatdotheyknow.com/request/..."
          type="url"
          idPrefix={idPrefix}
          errors={state.fieldErrors?.url}
          defaultValue={state.values?.url}
        />
      ) : null}
      <Field
        name="sentOn"
        label={via === "post" ? `Posted on (${bodyName})` : `Sent on (${bodyName})`}
        type="date"
        idPrefix={idPrefix}
        errors={state.fieldErrors?.sentOn}
        defaultValue={state.values?.sentOn ?? today}
      />
      <div>
        <button type="submit" disabled={pending}>
          {via === "post" ? "Mark as posted" : "Mark as sent"}
          <span className="visually-hidden"> ({bodyName})</span>
        </button>
      </div>
    </form>
  );
}
