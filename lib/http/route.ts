// The one shape of a route handler: the handler's own responses pass through untouched; a
// DomainError it throws becomes a short plain-text status (lib/edge/domain-error-map.ts);
// anything else (including Next's redirect to sign in) is thrown on.
import { asDomainError } from "@/lib/auth/errors";
import { responseForError } from "@/lib/edge/domain-error-map";

export function route<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      const refusal = asDomainError(error);
      if (!refusal) throw error;
      return responseForError(refusal);
    }
  };
}
