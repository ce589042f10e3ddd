import "server-only";
import { z } from "zod";
import { requireWorkspace } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import type { Actor } from "@/lib/auth/access";
import { submittedValues, type FormState } from "@/lib/auth/form-state";

/**
 * The one shape of a Server Action that changes workspace data: resolve the signed-in
 * actor, parse the form with the domain's schema, call the service, and turn known
 * errors into a message. The service checks the role again against the database.
 */
export function workspaceAction<S extends z.ZodType>(schema: S, handler: (actor: Actor, input: z.infer<S>) => Promise<FormState | void>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const { actor } = await requireWorkspace();
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return {
        ok: false,
        message: "Check the answers marked below.",
        fieldErrors: z.flattenError(parsed.error).fieldErrors as FormState["fieldErrors"],
        values: submittedValues(formData),
      };
    }
    try {
      const result = (await handler(actor, parsed.data)) ?? { ok: true, message: "Saved." };
      return result.ok ? result : { ...result, values: submittedValues(formData) };
    } catch (error) {
      if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, message: error.message, values: submittedValues(formData) };
      throw error;
    }
  };
}
