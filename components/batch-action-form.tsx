"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A small batch form (a button or two, maybe a select) whose result is one message: the
 * hidden fields say what it acts on, the children are its controls. `id` lets controls
 * elsewhere on the page (tick boxes in a table) join it through their `form` attribute.
 */
export function BatchActionForm({
  action,
  hidden,
  children,
  id,
  className = "inline-form",
  label,
}: {
  action: Action;
  hidden: Record<string, string>;
  children: React.ReactNode;
  id?: string;
  className?: string;
  /** An accessible name when the form is a landmark worth naming. */
  label?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} id={id} className={className} aria-label={label} aria-busy={pending || undefined}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {pending ? (
        <span className="muted" role="status">
          Working…
        </span>
      ) : (
        <FormStatus state={state} />
      )}
    </form>
  );
}
