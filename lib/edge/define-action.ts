// The one shape of a Server Action: resolve who is acting, parse the form with the domain's
// schema, call the service, turn a DomainError into the form's message and field errors,
// then revalidate and redirect. lib/auth/workspace-action.ts builds the three kinds
// (workspace, signed-in user, public) from this; actions never write their own try/catch.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { asDomainError, type DomainError } from "@/lib/auth/errors";
import { submittedValues, type FormState } from "@/lib/auth/form-state";
import { formStateForError } from "@/lib/edge/domain-error-map";

/** A path to refresh after the action; `layout` also refreshes every page below it. */
export type Revalidate = string | { path: string; type: "layout" | "page" };

/** What a handler returns: the form's state, plus what to refresh and where to go next. */
export type ActionOutcome<S extends FormState = FormState> = S & { revalidate?: Revalidate[]; redirectTo?: string };

export interface ActionOptions<S extends FormState> {
  /** How to read the form when one value per name is not enough (repeated names, files). */
  read?: (formData: FormData) => unknown;
  /** What a refusal does instead of a message on the form (e.g. back to the list). */
  onRefused?: (error: DomainError) => ActionOutcome<S>;
}

/** A form's action for useActionState; values bound with .bind() come first. */
export type FormAction<S extends FormState, B extends unknown[] = []> = (...args: [...B, S, FormData]) => Promise<S>;

export type ActionHandler<C, I, S extends FormState, B extends unknown[]> = (context: C, input: I, ...bound: B) => Promise<ActionOutcome<S> | void>;

/** Any form, for services that parse their input themselves and answer with field errors. */
export const anyForm = z.record(z.string(), z.unknown());

/** No fields (a button): the action needs only who is acting. */
export const noFields = z.object({});

/** One value per name (the last, as Object.fromEntries), without the framework's own $ACTION fields. */
export function readForm(formData: FormData): Record<string, FormDataEntryValue> {
  const out: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith("$ACTION")) out[key] = value;
  return out;
}

/** The batch forms' reading: text fields by their first value; the named fields (tick boxes), when sent, as lists. */
export function readFormWithLists(...lists: string[]) {
  return (formData: FormData): Record<string, string | string[]> => {
    const out: Record<string, string | string[]> = {};
    for (const key of new Set(formData.keys())) {
      if (key.startsWith("$ACTION")) continue;
      const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
      out[key] = lists.includes(key) ? values : (values[0] ?? "");
    }
    return out;
  };
}

export function defineAction<C>(resolveContext: () => Promise<C>) {
  return function action<Sch extends z.ZodType, S extends FormState = FormState, B extends unknown[] = []>(
    schema: Sch,
    handler: ActionHandler<C, z.infer<Sch>, NoInfer<S>, B>,
    options: ActionOptions<NoInfer<S>> = {},
  ): FormAction<S, B> {
    return async (...args: [...B, S, FormData]): Promise<S> => {
      const formData = args[args.length - 1] as FormData;
      const bound = args.slice(0, -2) as B;
      // Before the try: a visitor who is not signed in is redirected, never shown a message.
      const context = await resolveContext();
      const parsed = schema.safeParse((options.read ?? readForm)(formData));
      let outcome: ActionOutcome<S>;
      if (!parsed.success) {
        outcome = { ok: false, message: "Check the answers marked below.", fieldErrors: z.flattenError(parsed.error).fieldErrors } as ActionOutcome<S>;
      } else {
        try {
          outcome = (await handler(context, parsed.data, ...bound)) ?? ({ ok: true, message: "Saved." } as ActionOutcome<S>);
        } catch (error) {
          const refusal = asDomainError(error);
          if (!refusal) throw error;
          outcome = options.onRefused ? options.onRefused(refusal) : (formStateForError(refusal) as ActionOutcome<S>);
        }
      }
      return settle(outcome, formData);
    };
  };
}

/** After the try: revalidatePath and redirect (which works by throwing) are never caught. */
function settle<S extends FormState>(outcome: ActionOutcome<S>, formData: FormData): S {
  const { revalidate = [], redirectTo, ...rest } = outcome;
  const state = rest as unknown as S;
  for (const target of revalidate) {
    if (typeof target === "string") revalidatePath(target);
    else revalidatePath(target.path, target.type);
  }
  if (redirectTo) redirect(redirectTo);
  // A refused form keeps what was typed (never passwords or tokens).
  return state.ok || state.values ? state : { ...state, values: submittedValues(formData) };
}

/** For a plain <form action> without useActionState: the same action, its state dropped. */
export function withoutState<S extends FormState, B extends unknown[]>(action: FormAction<S, B>, initial: S) {
  return async (...args: [...B, FormData]): Promise<void> => {
    const formData = args[args.length - 1] as FormData;
    const bound = args.slice(0, -1);
    await (action as (...a: unknown[]) => Promise<S>)(...bound, initial, formData);
  };
}

/** A service's "not accepted" result (the result-object model) as the form's state. */
export function refusal(result: { message?: string; fieldErrors?: Record<string, string[]> }): FormState {
  return { ok: false, message: result.message ?? "Check the answers marked below.", fieldErrors: result.fieldErrors };
}
