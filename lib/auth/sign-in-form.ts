import "server-only";
import type { SignInErrorCode } from "@/lib/auth/sign-in";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

/** Holds the email typed into a refused sign-in form for a minute, so the page can show it again. */
export const SIGN_IN_EMAIL_COOKIE = "foi-sign-in-email";

/** Sign-in forms are a few short fields: anything bigger is refused before it is read. */
const MAX_SIGN_IN_FORM_BYTES = 8 * 1024;

/** The form's text fields, or null when the body is over the limit. */
export async function readSignInForm(request: Request): Promise<Record<string, string> | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_SIGN_IN_FORM_BYTES) return null;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_SIGN_IN_FORM_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) fields[key] = value;
  return fields;
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
