// Runs before every page, action and route handler. Kept minimal: the body size check lives
// in lib/http/body-limit.ts.
import { NextResponse, type NextRequest } from "next/server";
import { refuseOversizedBody } from "@/lib/http/body-limit";

export function proxy(request: NextRequest) {
  return refuseOversizedBody({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers }) ?? NextResponse.next();
}

export const config = {
  // Static files never carry a body.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
