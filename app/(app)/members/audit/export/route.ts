// The filtered audit log as CSV, for the workspace's owners (lib/audit checks the role and records the download).
import { NextResponse, type NextRequest } from "next/server";
import { requireWorkspace } from "@/lib/auth/session";
import { auditCsv, readAuditFilters } from "@/lib/audit/queries";
import { csvDownloadHeaders } from "@/lib/csv/to-csv";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request: NextRequest) => {
  const { actor } = await requireWorkspace();
  const { filters } = readAuditFilters(Object.fromEntries(request.nextUrl.searchParams));
  // Someone who is not an owner: route() answers 403 with the service's reason.
  const { filename, csv } = await auditCsv(actor, filters);
  return new NextResponse(csv, { status: 200, headers: csvDownloadHeaders(filename) });
});
