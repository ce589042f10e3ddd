// The "email me a sign-in link" form posts here (works without JavaScript).
import { NextResponse } from "next/server";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { readSignInForm, signInFailureUrl } from "@/lib/auth/sign-in-form";
import { requestSignInLink } from "@/lib/auth/sign-in";
import { route } from "@/lib/http/route";

export const POST = route(async (request: Request) => {
  if (!isSameOriginPost(request)) return new NextResponse("This form must be sent from FOI Tracker's own sign-in page.", { status: 403 });
  const fields = await readSignInForm(request);
  if (!fields) return new NextResponse("That sign-in form was too large.", { status: 413 });
  const result = await requestSignInLink(fields);
  if (!result.ok) return NextResponse.redirect(signInFailureUrl(request, result.code, undefined, fields.callbackUrl), 303);
  return NextResponse.redirect(new URL(`/sign-in/check-email?${new URLSearchParams({ email: result.email })}`, request.url), 303);
});
