"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";
import { decisionLabels } from "@/lib/requests/labels";
import { DECISION_RESULTS } from "@/lib/requests/choices";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const RESULT_OPTIONS = [{ value: "", label: "Choose" }, ...DECISION_RESULTS.map((r) => ({ value: r, label: decisionLabels[r] }))];

export interface ReplyCardDefaults {
  kind: string;
  date: string;
  newDueDate?: string;
  exemptions?: string;
  result?: string;
}

/**
 * A reply's suggestion: "Confirm" as suggested, "Not this", or change it first. Plain forms
 * posting to Server Actions, so they work before JavaScript arrives; ids are prefixed with the
 * message's id, as a page may show several replies.
 */
export function ReplyCardForms({
  confirmAction,
  dismissAction,
  messageId,
  requestId,
  label,
  defaults,
  kinds,
}: {
  confirmAction: Action;
  dismissAction: Action;
  messageId: string;
  requestId: string;
  label: string;
  defaults: ReplyCardDefaults;
  kinds: Array<{ value: string; label: string }>;
}) {
  const [confirmed, confirm, confirming] = useActionState(confirmAction, initialFormState);
  const [changed, confirmChanged, changing] = useActionState(confirmAction, initialFormState);
  const [dismissed, dismiss, dismissing] = useActionState(dismissAction, initialFormState);
  const errors = changed.fieldErrors ?? {};
  const keep = (name: string, fallback?: string) => changed.values?.[name] ?? fallback;
  const prefix = `reply-${messageId}`;
  const hidden = (
    <>
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="requestId" value={requestId} />
    </>
  );
  return (
    <div className="stack">
      <FormStatus state={confirmed.message ? confirmed : dismissed} />
      <div className="actions">
        <form action={confirm}>
          {hidden}
          <button type="submit" disabled={confirming}>
            Confirm<span className="visually-hidden">: {label}</span>
          </button>
        </form>{" "}
        <form action={dismiss}>
          {hidden}
          <button type="submit" className="secondary" disabled={dismissing}>
            Not this<span className="visually-hidden">: {label}</span>
          </button>
        </form>
      </div>
      <details open={Boolean(changed.message && !changed.ok)}>
        <summary>Change before confirming</summary>
        <form action={confirmChanged} className="stack" noValidate>
          <FormStatus state={changed} />
          {hidden}
          <div className="stack" key={JSON.stringify(changed.values ?? null)}>
            <Field idPrefix={prefix} name="kind" label="What happened" options={kinds} errors={errors.kind} defaultValue={keep("kind", defaults.kind)} />
            <Field idPrefix={prefix} name="date" label="Date" type="date" errors={errors.date} defaultValue={keep("date", defaults.date)} />
            <Field idPrefix={prefix} name="newDueDate" label="New due date (extensions only)" type="date" errors={errors.newDueDate} defaultValue={keep("newDueDate", defaults.newDueDate)} />
            <Field idPrefix={prefix} name="exemptions" label="Exemptions cited" hint="For example: s40, s43(2). Kept for refusals and partial answers; otherwise noted." errors={errors.exemptions} defaultValue={keep("exemptions", defaults.exemptions)} />
            <Field idPrefix={prefix} name="result" label="What the review decided (internal review answers only)" options={RESULT_OPTIONS} errors={errors.result} defaultValue={keep("result", defaults.result)} />
            <Field idPrefix={prefix} name="note" label="Note (optional)" multiline rows={2} errors={errors.note} defaultValue={keep("note")} />
          </div>
          <div>
            <button type="submit" disabled={changing}>
              Confirm with these changes
            </button>
          </div>
        </form>
      </details>
    </div>
  );
}
