// Downloads a batch's findings table as CSV or JSON for a signed-in member of its workspace.
import type { NextRequest } from "next/server";
import { findingsCsv, findingsJson } from "@/lib/findings/exports";
import { exportResponse, notFoundResponse } from "../../../export-response";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ batchId: string; file: string }> }) {
  const { batchId, file } = await params;
  if (file === "findings.csv") return exportResponse(request, (actor) => findingsCsv(actor, batchId));
  if (file === "findings.json") return exportResponse(request, (actor) => findingsJson(actor, batchId));
  return notFoundResponse();
}
