// The public findings table as CSV or JSON, while the owner keeps the public page on.
import { NextResponse, type NextRequest } from "next/server";
import { publicFindingsCsv, publicFindingsJson } from "@/lib/findings/public-page";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const notFound = () => new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } });

export const GET = route(async (_request: NextRequest, { params }: { params: Promise<{ token: string; file: string }> }) => {
  const { token, file } = await params;
  const make = file === "findings.csv" ? publicFindingsCsv : file === "findings.json" ? publicFindingsJson : null;
  const found = make ? await make(token) : null;
  if (!found) return notFound();
  return new NextResponse(found.body, { status: 200, headers: { ...found.headers, "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } });
});
