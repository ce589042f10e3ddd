// The chosen requests' letters (or all of the batch's) as one plain-text file.
import { NextResponse, type NextRequest } from "next/server";
import { requireWorkspace } from "@/lib/auth/session";
import { lettersAsText } from "@/lib/batches/bulk-actions";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { actor } = await requireWorkspace();
  const requestIds = request.nextUrl.searchParams.getAll("requestIds").filter(Boolean).slice(0, 2_000);
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
});
