"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";

/** "Remove" on a timeline entry, behind a confirmation; the reason shows if it is refused. */
export function RemoveEventButton({
  action,
  requestId,
  eventId,
  label,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  requestId: string;
  eventId: string;
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <details className="inline-remove">
      <summary>
        Remove<span className="visually-hidden"> {label}</span>
      </summary>
      <form action={formAction}>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="eventId" value={eventId} />
        <span>Recorded by mistake? </span>
        <button type="submit" className="secondary" disabled={pending}>
          Yes, remove it<span className="visually-hidden"> ({label})</span>
        </button>
        <span role="status" aria-live="polite" className={state.ok ? undefined : "field-error"}>
          {" "}
          {state.message}
        </span>
      </form>
    </details>
  );
}
