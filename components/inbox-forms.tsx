"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Option = { value: string; label: string };

/**
 * What a person does with an unmatched message: file it on a request (the likely ones first),
 * start a new request for it, or discard it. Plain forms that work without JavaScript; ids are
 * prefixed with the message's id.
 */
export function InboxForms({
  assignAction,
  newRequestAction,
  discardAction,
  messageId,
  label,
  likely,
  requests,
  bodies,
  defaultTitle,
  defaultSentDate,
  defaultBodyId,
}: {
  assignAction: Action;
  newRequestAction: Action;
  discardAction: Action;
  messageId: string;
  label: string;
  likely: Option[];
  requests: Option[];
  bodies: Option[];
  defaultTitle: string;
  defaultSentDate: string;
  defaultBodyId?: string;
}) {
  const [assigned, assign, assigning] = useActionState(assignAction, initialFormState);
  const [created, create, creating] = useActionState(newRequestAction, initialFormState);
  const [discarded, discard, discarding] = useActionState(discardAction, initialFormState);
  const prefix = `inbox-${messageId}`;
  const choose = [{ value: "", label: "Choose a request" }, ...likely.map((o) => ({ ...o, label: `Likely: ${o.label}` })), ...requests.filter((r) => !likely.some((l) => l.value === r.value))];
  const newErrors = created.fieldErrors ?? {};
  return (
    <div className="stack">
      <form action={assign} className="stack" noValidate>
        <FormStatus state={assigned} />
        <input type="hidden" name="messageId" value={messageId} />
        <Field idPrefix={prefix} name="requestId" label="File it on a request" options={choose} errors={assigned.fieldErrors?.requestId} defaultValue={assigned.values?.requestId ?? likely[0]?.value ?? ""} />
        <div>
          <button type="submit" disabled={assigning}>
            File it here<span className="visually-hidden">: {label}</span>
          </button>
        </div>
      </form>
      <details open={Boolean(created.message && !created.ok)}>
        <summary>Start a new request for it</summary>
        <form action={create} className="stack" noValidate>
          <FormStatus state={created} />
          <input type="hidden" name="messageId" value={messageId} />
          <input type="hidden" name="law" value="foia" />
          <input type="hidden" name="channel" value="email" />
          <div className="stack" key={JSON.stringify(created.values ?? null)}>
            <Field idPrefix={`${prefix}-new`} name="bodyId" label="Body" options={[{ value: "", label: "Choose a body" }, ...bodies]} errors={newErrors.bodyId} defaultValue={created.values?.bodyId ?? defaultBodyId ?? ""} />
            <Field idPrefix={`${prefix}-new`} name="title" label="Title" errors={newErrors.title} defaultValue={created.values?.title ?? defaultTitle} />
            <Field idPrefix={`${prefix}-new`} name="sentDate" label="Date the request was sent" type="date" hint="Starts its clock. Leave empty to keep it as a draft." errors={newErrors.sentDate} defaultValue={created.values?.sentDate ?? defaultSentDate} />
            <Field idPrefix={`${prefix}-new`} name="letter" label="The request's text" multiline rows={3} errors={newErrors.letter} defaultValue={created.values?.letter ?? "Sent outside this app: see the reply filed on it."} />
          </div>
          <div>
            <button type="submit" disabled={creating}>
              Start the request and file the message on it
            </button>
          </div>
        </form>
      </details>
      <form action={discard}>
        <FormStatus state={discarded} />
        <input type="hidden" name="messageId" value={messageId} />
        <button type="submit" className="secondary" disabled={discarding}>
          Discard<span className="visually-hidden">: {label}</span>
        </button>{" "}
        <span className="hint">Spam or not about a request: it leaves the inbox for good.</span>
      </form>
    </div>
  );
}
