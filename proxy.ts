// Runs before every request, static files included (no matcher). It refuses a body too large
// for its path before anything reads it (lib/http/body-limit.ts), and gives each response its
// security headers and each page a fresh script nonce (lib/security/headers.ts): Next.js
// reads the nonce from the request's Content-Security-Policy header and puts it on its own
// scripts. It decides nothing about who may see what: that is checked in lib/.
import { NextResponse, type NextRequest } from "next/server";
import { env, isNextDevServer } from "@/lib/env";
import { refuseOversizedBody } from "@/lib/http/body-limit";
import { createNonce, securityHeaders } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const { APP_ENV, NEXTAUTH_URL } = env();
  const headers = securityHeaders({ nonce: createNonce(), appEnv: APP_ENV, isDevServer: isNextDevServer(), https: NEXTAUTH_URL.startsWith("https://") });
  const refusal = refuseOversizedBody({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers });
  let response: Response;
  if (refusal) {
    response = refusal;
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
