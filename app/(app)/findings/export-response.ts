import "server-only";
// The one way a findings export route answers: the signed-in member's file, or a sign-in
// redirect for a visitor. Another workspace's batch (404) and a role without access (403)
// are thrown on for route() to answer.
import { NextResponse, type NextRequest } from "next/server";
import { getSignedInUser, requireWorkspace } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/access";
import type { ExportFile } from "@/lib/findings/exports";

export async function exportResponse(request: NextRequest, make: (actor: Actor) => Promise<ExportFile>): Promise<NextResponse> {
  const user = await getSignedInUser();
  if (!user) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname);
    return NextResponse.redirect(signIn, 303);
  }
  if (user.mustChangePassword) return NextResponse.redirect(new URL("/account/password", request.nextUrl), 303);
  // Resolves the current workspace (cookie); the lib function checks the role against the database.
  const { actor } = await requireWorkspace();
  const file = await make(actor);
  return new NextResponse(file.body, { status: 200, headers: file.headers });
}
