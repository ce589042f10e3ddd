"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** One address in; the request, its messages and its timeline come from WhatDoTheyKnow. */
export function WdtkImportForm({ action, siteUrl }: { action: Action; siteUrl: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack" noValidate aria-labelledby="wdtk-import-heading">
      <FormStatus state={state} />
      <Field
        name="url"
        label="Request address on WhatDoTheyKnow"
        hint={`For example ${siteUrl}/request/funding_for_band_7_lxp_kuf_roles. Importing the same request again only adds what is new.`}
        type="url"
        idPrefix="wdtk-import"
        errors={state.fieldErrors?.url}
        defaultValue={state.values?.url}
      />
      <div>
        <button type="submit" disabled={pending}>
          Import from WhatDoTheyKnow
        </button>
      </div>
    </form>
  );
}
