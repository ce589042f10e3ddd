// Which requests may carry a large body. Next's Server Actions limit
// (experimental.serverActions.bodySizeLimit in next.config.js) is one number for every
// action, and it has to fit a message with attachments (50 MB a submission,
// lib/messages/schemas.ts). So every other POST is held to 1 MB here, in the proxy, before
// any action or route handler reads its body. Pure, so it can be tested without a server.
import { formatBytes } from "./read-body";

/** Every form but the upload one sends a few kilobytes; 1 MB leaves room for long letters. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Pages whose actions accept files: a request's page (/requests/<id>), where messages are
 * added with their attachments. Its Server Actions post to the page's own path.
 */
const UPLOAD_PAGE = /^\/requests\/(?!new$|deleted$)[^/]+\/?$/;

export function isUploadPath(pathname: string): boolean {
  return UPLOAD_PAGE.test(pathname);
}

const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The refusal for a request whose body is too large for its path, or null to let it through.
 * Upload pages are left to the Server Actions limit and the upload's own checks.
 */
export function refuseOversizedBody(request: { method: string; pathname: string; headers: Headers }): Response | null {
  if (BODYLESS_METHODS.has(request.method.toUpperCase())) return null;
  if (isUploadPath(request.pathname)) return null;
  const declared = request.headers.get("content-length");
  if (declared === null) {
    // A chunked body does not say its size, so the limit could not be checked here.
    if (request.headers.get("transfer-encoding")) {
      return plain(411, "Length required: send the size of the request (Content-Length).\n");
    }
    return null;
  }
  const bytes = Number(declared);
  if (!Number.isFinite(bytes) || bytes < 0) return plain(400, "Bad request: the Content-Length is not a number.\n");
  if (bytes > DEFAULT_BODY_LIMIT_BYTES) {
    return plain(413, `Too large: this address accepts at most ${formatBytes(DEFAULT_BODY_LIMIT_BYTES)}.\n`);
  }
  return null;
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" } });
}
