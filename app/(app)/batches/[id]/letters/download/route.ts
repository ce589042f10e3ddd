// The chosen requests' letters (or all of the batch's) as one plain-text file.
import { NextResponse, type NextRequest } from "next/server";
import { requireWorkspace } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/errors";
import { lettersAsText } from "@/lib/batches/bulk-actions";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireWorkspace();
  const requestIds = request.nextUrl.searchParams.getAll("requestIds").filter(Boolean).slice(0, 2_000);
  try {
    const { filename, text } = await lettersAsText(actor, id, requestIds.length ? requestIds : undefined);
    const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 100) || "letters.txt";
    return new NextResponse(text, {
      status: 200,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Disposition": `attachment; filename="${safe}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
