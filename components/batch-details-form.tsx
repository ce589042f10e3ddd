"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field, RadioGroup } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Option = { value: string; label: string };

/** The draft batch's name, request title, letter template, law and channel. */
export function BatchDetailsForm({
  action,
  batch,
  lawOptions,
  channelOptions,
  initialErrors,
  disabled,
}: {
  action: Action;
  batch: { id: string; name: string; titleTemplate: string; template: string; law: string; channel: string };
  lawOptions: Option[];
  channelOptions: Option[];
  /** Errors in the saved template, shown next to the fields until the form is submitted. */
  initialErrors?: Record<string, string[]>;
  disabled?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, { ...initialFormState, fieldErrors: initialErrors });
  const value = (name: keyof typeof batch) => state.values?.[name] ?? batch[name];
  return (
    <form action={formAction} className="stack batch-details" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="batchId" value={batch.id} />
      <fieldset disabled={disabled}>
        <legend className="visually-hidden">The letter and how it goes</legend>
        <Field name="name" label="Name of the batch" hint="For you: it is not sent." errors={state.fieldErrors?.name} defaultValue={value("name")} />
        <Field
          name="titleTemplate"
          label="Title of each request"
          hint="Used as the email subject, followed by the reference token such as [FOI #123]. Merge fields work here too."
          errors={state.fieldErrors?.titleTemplate}
          defaultValue={value("titleTemplate")}
        />
        <Field
          name="template"
          label="Letter"
          hint="Merge fields in double braces, such as {{body.name}}, are filled in for each recipient (see the list below)."
          errors={state.fieldErrors?.template}
          defaultValue={value("template")}
          multiline
          rows={18}
        />
        <Field name="law" label="Law" errors={state.fieldErrors?.law} defaultValue={value("law")} options={lawOptions} />
        <RadioGroup name="channel" legend="How the letters go" options={channelOptions} defaultValue={value("channel")} errors={state.fieldErrors?.channel} />
        <div>
          <button type="submit" disabled={pending}>
            Save the letter
          </button>
        </div>
      </fieldset>
    </form>
  );
}
