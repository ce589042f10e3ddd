// The "Sign out" button posts here (works without JavaScript): ends this browser's session.
import { NextResponse } from "next/server";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { route } from "@/lib/http/route";

export const POST = route(async (request: Request) => {
  if (!isSameOriginPost(request)) return new NextResponse("Sign out from FOI Tracker's own pages.", { status: 403 });
  const response = NextResponse.redirect(new URL("/sign-in?signedOut=1", request.url), 303);
  response.cookies.set(sessionCookie().name, "", { ...sessionCookie().options, maxAge: 0 });
  return response;
});
