// Runs before every request, static files included (no matcher): gives each response its
// security headers (lib/security/headers.ts) and each page a fresh script nonce. Next.js
// reads the nonce from the request's Content-Security-Policy header and puts it on its
// own scripts. It decides nothing about who may see what: that is checked in lib/.
import { NextResponse, type NextRequest } from "next/server";
import { env, isNextDevServer } from "@/lib/env";
import { createNonce, securityHeaders } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const { APP_ENV, NEXTAUTH_URL } = env();
  const headers = securityHeaders({ nonce: createNonce(), appEnv: APP_ENV, isDevServer: isNextDevServer(), https: NEXTAUTH_URL.startsWith("https://") });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
