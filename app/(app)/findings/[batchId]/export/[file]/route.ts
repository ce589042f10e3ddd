// Downloads a batch's findings table as CSV or JSON for a signed-in member of its workspace.
import type { NextRequest } from "next/server";
import { findingsCsv, findingsJson } from "@/lib/findings/exports";
import { exportResponse } from "../../../export-response";
import { route } from "@/lib/http/route";
import { NotFoundError } from "@/lib/auth/errors";

export const dynamic = "force-dynamic";

export const GET = route(async (request: NextRequest, { params }: { params: Promise<{ batchId: string; file: string }> }) => {
  const { batchId, file } = await params;
  if (file === "findings.csv") return exportResponse(request, (actor) => findingsCsv(actor, batchId));
  if (file === "findings.json") return exportResponse(request, (actor) => findingsJson(actor, batchId));
  throw new NotFoundError();
});
