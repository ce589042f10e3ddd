// The whole trust directory as CSV, for a signed-in member of the workspace (lib/bodies checks).
import { NextResponse } from "next/server";
import { requireWorkspace } from "@/lib/auth/session";
import { directoryCsv } from "@/lib/bodies/import-directory";
import { csvDownloadHeaders } from "@/lib/csv/to-csv";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const { actor } = await requireWorkspace();
  const { filename, csv } = await directoryCsv(actor);
  return new NextResponse(csv, { status: 200, headers: csvDownloadHeaders(filename) });
});
