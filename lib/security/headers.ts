// The security headers of every response (pages, route handlers, error pages, static
// files), built here and set by proxy.ts. Pure: the nonce and the environment are
// parameters, so the rules can be tested without a server.

export interface SecurityHeaderOptions {
  /** A fresh, unguessable value for this response (createNonce). */
  nonce: string;
  /** lib/env.ts's APP_ENV: HTTPS-only rules apply in production only. */
  appEnv: "development" | "test" | "production";
  /** `next dev`: React needs eval there for its debugging aids, never in a build. */
  isDevServer: boolean;
  /** Whether the public URL (NEXTAUTH_URL) is https: HTTPS-only rules would break a plain-http copy. */
  https?: boolean;
}

/** 16 random bytes, base64: what CSP's nonce-source expects. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page's Content-Security-Policy. Scripts run only when they carry this response's
 * nonce (Next.js reads it from the request's policy and puts it on its own scripts), or
 * when such a script loads them ('strict-dynamic'), so injected markup cannot run code.
 * Styles allow 'unsafe-inline': React renders `style` attributes (progress bars, a few
 * layouts), the unsubscribe pages and the email frame carry a <style> element, and a
 * nonce would switch 'unsafe-inline' off for all of them. CSS cannot run script; what
 * could inject it is what the script rules and the email sanitiser already stop.
 */
export function contentSecurityPolicy({ nonce, appEnv, isDevServer, https }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevServer ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // data: and blob: for images the app itself makes; email HTML has no images at all.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    // The only frame is an email's srcdoc document (components/request-messages.tsx), which also inherits this policy.
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    // Nobody may put the app in a frame (clickjacking); X-Frame-Options says the same to old browsers.
    "frame-ancestors 'none'",
  ];
  // On plain http (tests, a laptop) this would send the page's requests to an https:// that does not answer.
  if (appEnv === "production" && https !== false) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Every security header of a response, by name. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Links to other sites (a trust's website, WhatDoTheyKnow) do not learn which request page they came from.
    "Referrer-Policy": "same-origin",
  };
  // Only in production: a browser remembers it for a year, which would break a developer's
  // other http://localhost apps. It is ignored on plain http, so it costs nothing behind no TLS.
  if (options.appEnv === "production" && options.https !== false) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * The policy inside an email's frame (a <meta> in its srcdoc, on top of the page's own,
 * which the frame inherits): nothing may load from anywhere (remote images are tracking
 * pixels), no script, no form, no base; only the frame's own <style> and inline images.
 */
export const EMAIL_FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
