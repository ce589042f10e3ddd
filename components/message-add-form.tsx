"use client";

import { useActionState, useState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field, FieldShell, RadioGroup } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** What the file picker offers; the server decides again by name and type (lib/messages/attachment-types). */
const ACCEPT_ATTACHMENTS = ".pdf,.doc,.docx,.odt,.xls,.xlsx,.ods,.csv,.ppt,.pptx,.txt,.png,.jpg,.jpeg,.gif,.webp,.zip";

/** Logs a message on a request: pasted text, or an .eml file saved from a mail program; with attachments. */
export function MessageAddForm({ action, requestId, limits }: { action: Action; requestId: string; limits: { attachmentMb: number; attachments: number; emlMb: number; totalMb: number } }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // Uncontrolled radios whose default follows the choice: when React resets the form after
  // saving, the checked radio and the section shown stay in step.
  const [source, setSource] = useState<"paste" | "eml">(state.values?.source === "eml" ? "eml" : "paste");
  const errors = state.fieldErrors ?? {};
  const direction = state.values?.direction ?? "incoming";
  return (
    <form action={formAction} encType="multipart/form-data" className="stack" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <RadioGroup
        name="direction"
        legend="Which way did it go?"
        errors={errors.direction}
        defaultValue={direction}
        options={[
          { value: "incoming", label: "Received from the body" },
          { value: "outgoing", label: "Sent by us" },
        ]}
      />
      <fieldset>
        <legend>How are you adding it?</legend>
        {errors.source?.length ? (
          <p className="field-error" id="field-source-error">
            {errors.source.join(" ")}
          </p>
        ) : null}
        {(
          [
            { value: "paste", label: "Paste the text" },
            { value: "eml", label: "Upload the email as an .eml file (keeps its sender, date and attachments)" },
          ] as const
        ).map((o) => (
          <div key={o.value} className="choice">
            <label>
              <input type="radio" name="source" value={o.value} defaultChecked={source === o.value} onChange={() => setSource(o.value)} aria-describedby={errors.source?.length ? "field-source-error" : undefined} /> {o.label}
            </label>
          </div>
        ))}
      </fieldset>

      <div className="stack" hidden={source !== "paste"}>
        <Field name="fromName" label="From (name)" hint="Who wrote it, for example the trust's FOI team. Optional." errors={errors.fromName} defaultValue={state.values?.fromName} />
        <Field name="subject" label="Subject" hint="Optional." errors={errors.subject} defaultValue={state.values?.subject} />
        <Field name="sentAt" label="Date sent" type="date" hint="The date on the email or letter, UK time." errors={errors.sentAt} defaultValue={state.values?.sentAt} />
        <Field name="sentTime" label="Time sent (optional)" type="time" hint="24-hour clock, UK time, for example 14:05." errors={errors.sentTime} defaultValue={state.values?.sentTime} />
        <Field name="bodyText" label="Text of the message" multiline rows={12} hint="Paste it as it is, including any reference numbers." errors={errors.bodyText} defaultValue={state.values?.bodyText} />
      </div>

      <div className="stack" hidden={source !== "eml"}>
        <FileField
          name="eml"
          label="Email file (.eml)"
          accept=".eml,message/rfc822"
          hint={`In Outlook, Gmail or Thunderbird choose “Save as” or “Download message”. At most ${limits.emlMb} MB.`}
          errors={errors.eml}
        />
      </div>

      <FileField
        name="attachments"
        label="Attachments (optional)"
        accept={ACCEPT_ATTACHMENTS}
        multiple
        hint={`PDF, Word, Excel, ODS, CSV, PowerPoint, text, images or zip: up to ${limits.attachments} files, each at most ${limits.attachmentMb} MB, ${limits.totalMb} MB in all. If the form shows an error, choose the files again.`}
        errors={errors.attachments}
      />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save message"}
        </button>
      </div>
    </form>
  );
}

function FileField({ name, label, hint, errors, accept, multiple = false }: { name: string; label: string; hint?: string; errors?: string[]; accept: string; multiple?: boolean }) {
  return (
    <FieldShell id={`field-${name}`} label={label} hint={hint} errors={errors}>
      {(props) => <input {...props} name={name} type="file" accept={accept} multiple={multiple} />}
    </FieldShell>
  );
}

