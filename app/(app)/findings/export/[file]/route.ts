// Downloads every request of the workspace with its dates, as CSV or JSON, for a signed-in member.
import type { NextRequest } from "next/server";
import { requestsCsv, requestsJson } from "@/lib/findings/exports";
import { exportResponse } from "../../export-response";
import { route } from "@/lib/http/route";
import { NotFoundError } from "@/lib/auth/errors";

export const dynamic = "force-dynamic";

export const GET = route(async (request: NextRequest, { params }: { params: Promise<{ file: string }> }) => {
  const { file } = await params;
  if (file === "requests.csv") return exportResponse(request, requestsCsv);
  if (file === "requests.json") return exportResponse(request, requestsJson);
  throw new NotFoundError();
});
