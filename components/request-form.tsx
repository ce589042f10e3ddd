"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";
import { lawLabels } from "@/lib/requests/labels";
import { LAWS } from "@/lib/requests/choices";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export interface RequestFormValues {
  requestId?: string;
  bodyId?: string;
  title?: string;
  letter?: string;
  law?: string;
  channel?: string;
  externalUrl?: string | null;
  authorityRef?: string | null;
}

const LAW_OPTIONS = LAWS.map((law) => ({ value: law, label: `${lawLabels[law]} (${law.toUpperCase()})` }));
const CHANNEL_OPTIONS = [
  { value: "whatdotheyknow", label: "WhatDoTheyKnow" },
  { value: "email", label: "Email" },
  { value: "post", label: "Post" },
  { value: "portal", label: "The body's online portal" },
];

/** Logging a new request, or editing a draft. */
export function RequestForm({
  action,
  bodies,
  initial,
  submitLabel,
}: {
  action: Action;
  bodies: Array<{ id: string; name: string }>;
  initial: RequestFormValues;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const value = (name: keyof RequestFormValues) => state.values?.[name] ?? initial[name] ?? "";
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      {initial.requestId ? <input type="hidden" name="requestId" value={initial.requestId} /> : null}
      {/* Keyed by what was submitted: React resets a form after its action, and a <select>
          would fall back to its first default instead of the choice that was refused. */}
      <div className="stack" key={JSON.stringify(state.values ?? null)}>
      <Field
        name="bodyId"
        label="To"
        options={[{ value: "", label: "Choose a body" }, ...bodies.map((b) => ({ value: b.id, label: b.name }))]}
        errors={errors.bodyId}
        defaultValue={value("bodyId")}
      />
      <Field name="title" label="Title" hint="A short name for the request, like the subject line of the email." errors={errors.title} defaultValue={value("title")} />
      <Field name="letter" label="The letter" multiline rows={12} errors={errors.letter} defaultValue={value("letter")} />
      <Field name="law" label="Law" options={LAW_OPTIONS} errors={errors.law} defaultValue={value("law") || "foia"} />
      <Field name="channel" label="Sent by" options={CHANNEL_OPTIONS} errors={errors.channel} defaultValue={value("channel") || "whatdotheyknow"} />
      <Field
        name="externalUrl"
        label="Web address (optional)"
        type="url"
        hint="For WhatDoTheyKnow, the request's page. For a portal, its tracking page."
        errors={errors.externalUrl}
        defaultValue={value("externalUrl")}
      />
      <Field name="authorityRef" label="The body's reference (optional)" hint="Add it once they give you one, e.g. FOI-2108-1525161." errors={errors.authorityRef} defaultValue={value("authorityRef")} />
      <fieldset className="field">
        <legend>
          <strong>Date sent (leave empty to keep it as a draft)</strong>
        </legend>
        <Field name="sentDate" label="Date" type="date" hint="The clock starts from the day the body receives it." errors={errors.sentDate} defaultValue={state.values?.sentDate} />
        <Field name="sentTime" label="Time (optional)" type="time" errors={errors.sentTime} defaultValue={state.values?.sentTime} />
      </fieldset>
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
