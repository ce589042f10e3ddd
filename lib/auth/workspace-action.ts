import "server-only";
import type { z } from "zod";
import { requireUser, requireWorkspace, type SignedInUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/access";
import type { FormState } from "@/lib/auth/form-state";
import { defineAction, type ActionHandler, type ActionOptions, type ActionOutcome, type FormAction } from "@/lib/edge/define-action";

/**
 * The Server Action that changes workspace data: the signed-in actor in their current
 * workspace, the form parsed with the domain's schema, known refusals as a message. The
 * service checks the role again against the database.
 */
export const workspaceAction = defineAction<Actor>(async () => (await requireWorkspace()).actor);

/**
 * For the signed-in person's own things, outside any workspace (their password, their
 * sessions, their alert settings). The password forms allow a pending password change.
 */
export function userAction<Sch extends z.ZodType, S extends FormState = FormState, B extends unknown[] = []>(
  schema: Sch,
  handler: ActionHandler<SignedInUser, z.infer<Sch>, NoInfer<S>, B>,
  options: ActionOptions<NoInfer<S>> & { allowPasswordChangePending?: boolean } = {},
): FormAction<S, B> {
  return defineAction(() => requireUser({ allowPasswordChangePending: options.allowPasswordChangePending }))(schema, handler, options);
}

/** For forms that work without signing in (accepting an invitation): no session is required. */
export function publicAction<Sch extends z.ZodType, S extends FormState = FormState, B extends unknown[] = []>(
  schema: Sch,
  handler: (input: z.infer<Sch>, ...bound: B) => Promise<ActionOutcome<NoInfer<S>> | void>,
  options: ActionOptions<NoInfer<S>> = {},
): FormAction<S, B> {
  return defineAction(async () => undefined)(schema, (_nobody, input: z.infer<Sch>, ...bound: B) => handler(input, ...bound), options);
}
