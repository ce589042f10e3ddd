import { env } from "@/lib/env";

/**
 * Whether a POST came from one of our own pages. Browsers send Origin on every form POST
 * (and Sec-Fetch-Site on current ones); a form on another site posting here (login CSRF,
 * forced sign-out) is refused. Both the configured public URL and the address the request
 * was made to count as ours, so a copy reached by another port or name still works.
 */
export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return site === "same-origin";
  if (origin === "null") return false;
  const ours = new Set<string>();
  try {
    ours.add(new URL(env().NEXTAUTH_URL).origin);
  } catch {
    // NEXTAUTH_URL is validated at start-up
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  if (host) ours.add(`${proto}://${host}`);
  return ours.has(origin);
}
