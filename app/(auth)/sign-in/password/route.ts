// The password sign-in form posts here (works without JavaScript); answers with a redirect.
import { NextResponse } from "next/server";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { readSignInForm, SIGN_IN_EMAIL_COOKIE, signInFailureUrl } from "@/lib/auth/sign-in-form";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { issueSessionToken, sessionCookie } from "@/lib/auth/session-cookie";
import { route } from "@/lib/http/route";

export const POST = route(async (request: Request) => {
  if (!isSameOriginPost(request)) return new NextResponse("This form must be sent from FOI Tracker's own sign-in page.", { status: 403 });
  const fields = await readSignInForm(request);
  if (!fields) return new NextResponse("That sign-in form was too large.", { status: 413 });
  const result = await signInWithPassword(fields, request.headers.get("x-forwarded-for"));
  if (!result.ok) {
    const response = NextResponse.redirect(signInFailureUrl(request, result.code, result.retryAfterMinutes, fields.callbackUrl), 303);
    // The typed email comes back through a short-lived cookie, not the URL; the password never does.
    if (result.email) response.cookies.set(SIGN_IN_EMAIL_COOKIE, result.email, { httpOnly: true, sameSite: "lax", path: "/sign-in", maxAge: 60 });
    return response;
  }
  const response = NextResponse.redirect(new URL(result.next, request.url), 303);
  const cookie = sessionCookie();
  response.cookies.set(cookie.name, await issueSessionToken(result.userId), cookie.options);
  response.cookies.delete(SIGN_IN_EMAIL_COOKIE);
  return response;
});
