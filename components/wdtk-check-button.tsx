"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** "Check WhatDoTheyKnow now" for a request or a batch (a plain POST: works without JavaScript). */
export function WdtkCheckButton({ action, field, value, label, hint }: { action: Action; field: "requestId" | "batchId"; value: string; label: string; hint?: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="wdtk-check">
      <input type="hidden" name={field} value={value} />
      <button type="submit" className="secondary small" disabled={pending}>
        {pending ? "Checking WhatDoTheyKnow..." : label}
      </button>
      {hint ? <span className="muted"> {hint}</span> : null}
      <FormStatus state={state} />
    </form>
  );
}
