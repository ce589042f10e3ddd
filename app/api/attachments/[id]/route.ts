// Downloads one attachment for a signed-in member of its workspace, always as a file
// (never rendered by the browser); see lib/messages/attachment-headers.ts.
import { NextResponse, type NextRequest } from "next/server";
import { getSignedInUser } from "@/lib/auth/session";
import { attachmentResponseHeaders } from "@/lib/messages/attachment-headers";
import { getAttachmentForUserDownload } from "@/lib/messages/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await getSignedInUser();
  if (!user) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `/api/attachments/${encodeURIComponent(id)}`);
    return NextResponse.redirect(signIn, 303);
  }
  if (user.mustChangePassword) return NextResponse.redirect(new URL("/account/password", request.nextUrl), 303);
  // Not found (or another workspace's): route() answers 404, private and not cached.
  const attachment = await getAttachmentForUserDownload(user.id, id);
  return new NextResponse(Buffer.from(attachment.data), { status: 200, headers: attachmentResponseHeaders({ ...attachment, size: attachment.data.byteLength }) });
});
