import "server-only";
// The one way a findings export route answers: the signed-in member's file, a sign-in
// redirect for a visitor, 404 for another workspace's batch, 403 for a role without access.
import { NextResponse, type NextRequest } from "next/server";
import { getSignedInUser, requireWorkspace } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/access";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import type { ExportFile } from "@/lib/findings/exports";

const plain = (status: number, text: string) =>
  new NextResponse(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });

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
  try {
    const file = await make(actor);
    return new NextResponse(file.body, { status: 200, headers: file.headers });
  } catch (error) {
    if (error instanceof NotFoundError) return plain(404, "Not found");
    if (error instanceof ForbiddenError) return plain(403, error.message);
    throw error;
  }
}

export function notFoundResponse(): NextResponse {
  return plain(404, "Not found");
}
