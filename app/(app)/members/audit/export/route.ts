// The filtered audit log as CSV, for the workspace's owners (lib/audit checks the role and records the download).
import { NextResponse, type NextRequest } from "next/server";
import { requireWorkspace } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/errors";
import { auditCsv, readAuditFilters } from "@/lib/audit/queries";
import { csvDownloadHeaders } from "@/lib/csv/to-csv";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const { actor } = await requireWorkspace();
  const { filters } = readAuditFilters(Object.fromEntries(request.nextUrl.searchParams));
  try {
    const { filename, csv } = await auditCsv(actor, filters);
    return new NextResponse(csv, { status: 200, headers: csvDownloadHeaders(filename) });
  } catch (error) {
    if (error instanceof ForbiddenError) return new NextResponse(error.message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
