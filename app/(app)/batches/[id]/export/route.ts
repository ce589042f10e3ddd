// The batch's recipients as CSV, for a signed-in member of its workspace (lib/batches checks).
import { NextResponse } from "next/server";
import { requireWorkspace } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/errors";
import { batchCsv } from "@/lib/batches/export";
import { csvDownloadHeaders } from "@/lib/csv/to-csv";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireWorkspace();
  try {
    const { filename, csv } = await batchCsv(actor, id);
    return new NextResponse(csv, { status: 200, headers: csvDownloadHeaders(filename) });
  } catch (error) {
    if (error instanceof NotFoundError) return new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
