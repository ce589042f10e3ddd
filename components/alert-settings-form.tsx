"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field, RadioGroup } from "@/components/field";
import { FormStatus } from "@/components/form-status";

export type Delivery = "app" | "email" | "off";

export interface AlertSettingsFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  kinds: ReadonlyArray<{ kind: string; label: string; when: string }>;
  settings: { digestTime: string; dueSoonDays: number; preferences: Record<string, Delivery> };
}

const DELIVERY_CHOICES: ReadonlyArray<{ value: Delivery; label: string }> = [
  { value: "app", label: "In the app only" },
  { value: "email", label: "Email digest" },
  { value: "off", label: "Off" },
];

/**
 * Per kind of alert, how the person hears about it, plus the digest time and how early
 * "due soon" comes. Field names match lib/alerts' settings schema ("preferences.<kind>").
 */
export function AlertSettingsForm({ action, kinds, settings }: AlertSettingsFormProps) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // After a save the form is reset to its defaults: take them from what was just submitted.
  const value = (name: string, saved: string) => state.values?.[name] ?? saved;
  return (
    <form action={formAction} className="stack" noValidate aria-label="Alert settings">
      <FormStatus state={state} />
      {kinds.map((k) => {
        const name = `preferences.${k.kind}`;
        const errors = state.fieldErrors?.[name];
        const chosen = value(name, settings.preferences[k.kind] ?? "email");
        return (
          <RadioGroup
            key={k.kind}
            name={name}
            idPrefix={k.kind}
            legend={<strong>{k.label}</strong>}
            hint={`Raised ${k.when}.`}
            options={DELIVERY_CHOICES}
            defaultValue={chosen}
            errors={errors}
            inline
          />
        );
      })}
      <Field
        name="digestTime"
        label="Time of the daily email digest"
        type="time"
        hint="UK time (Europe/London). The digest is sent once a day, only on days with something new."
        errors={state.fieldErrors?.digestTime}
        defaultValue={value("digestTime", settings.digestTime)}
      />
      <Field
        name="dueSoonDays"
        label="Tell me a response is due soon this many working days before"
        type="number"
        hint="From 1 to 10 working days."
        errors={state.fieldErrors?.dueSoonDays}
        defaultValue={value("dueSoonDays", String(settings.dueSoonDays))}
      />
      <div>
        <button type="submit" disabled={pending}>
          Save alert settings
        </button>
      </div>
    </form>
  );
}
