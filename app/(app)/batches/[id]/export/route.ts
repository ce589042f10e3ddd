// The batch's recipients as CSV, for a signed-in member of its workspace (lib/batches checks).
import { NextResponse } from "next/server";
import { requireWorkspace } from "@/lib/auth/session";
import { batchCsv } from "@/lib/batches/export";
import { csvDownloadHeaders } from "@/lib/csv/to-csv";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { actor } = await requireWorkspace();
  const { filename, csv } = await batchCsv(actor, id);
  return new NextResponse(csv, { status: 200, headers: csvDownloadHeaders(filename) });
});
