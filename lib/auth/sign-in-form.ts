import "server-only";
import type { SignInErrorCode } from "@/lib/auth/sign-in";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { BodyTooLargeError, readBodyFormData, SMALL_BODY_BYTES } from "@/lib/http/read-body";

/** Holds the email typed into a refused sign-in form for a minute, so the page can show it again. */
export const SIGN_IN_EMAIL_COOKIE = "foi-sign-in-email";

/** The form's text fields, or null when the body is over the limit for small forms. */
export async function readSignInForm(request: Request): Promise<Record<string, string> | null> {
  try {
    const form = await readBodyFormData(request, SMALL_BODY_BYTES);
    const fields: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
    return fields;
  } catch (error) {
    if (error instanceof BodyTooLargeError) return null;
    // Not a form at all: treated as an empty one, which the page answers field by field.
    if (error instanceof TypeError) return {};
    throw error;
  }
}

/** Back to the sign-in page with a code the page turns into a message (never the password). */
export function signInFailureUrl(request: Request, code: SignInErrorCode, retryAfterMinutes: number | undefined, callbackUrl: string | undefined): URL {
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("error", code);
  if (retryAfterMinutes) url.searchParams.set("retry", String(retryAfterMinutes));
  const next = safeCallbackPath(callbackUrl);
  if (next !== "/") url.searchParams.set("callbackUrl", next);
  return url;
}
