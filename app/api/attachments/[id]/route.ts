// Downloads one attachment for a signed-in member of its workspace, always as a file
// (never rendered by the browser); see lib/messages/attachment-headers.ts.
import { NextResponse, type NextRequest } from "next/server";
import { getSignedInUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/errors";
import { attachmentResponseHeaders } from "@/lib/messages/attachment-headers";
import { getAttachmentForUserDownload } from "@/lib/messages/queries";

export const dynamic = "force-dynamic";

const notFound = () => new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSignedInUser();
  if (!user) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `/api/attachments/${encodeURIComponent(id)}`);
    return NextResponse.redirect(signIn, 303);
  }
  if (user.mustChangePassword) return NextResponse.redirect(new URL("/account/password", request.nextUrl), 303);
  try {
    const attachment = await getAttachmentForUserDownload(user.id, id);
    return new NextResponse(Buffer.from(attachment.data), { status: 200, headers: attachmentResponseHeaders({ ...attachment, size: attachment.data.byteLength }) });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
}
