import type { FormState } from "@/lib/auth/form-state";

/** The live region that announces a form's result. */
export function FormStatus({ state }: { state: FormState }) {
  return (
    <div role="status" aria-live="polite">
      {state.message ? <p className={state.ok ? "success" : "error-summary"}>{state.message}</p> : null}
    </div>
  );
}
