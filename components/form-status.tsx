"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/auth/form-state";

/** Announces a form's result; on an error, moves focus to the summary so it is read first. */
export function FormStatus({ state }: { state: FormState }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message && !state.ok) summary.current?.focus();
  }, [state]);
  return (
    <div role="status" aria-live="polite" ref={summary} tabIndex={-1}>
      {state.message ? <p className={state.ok ? "success" : "error-summary"}>{state.message}</p> : null}
    </div>
  );
}
