// How an attachment goes back to the browser: always as a download, never as a page.
// An HTML or SVG file served inline from our origin would run with the user's session.
import { SERVABLE_CONTENT_TYPES, UNKNOWN_CONTENT_TYPE } from "@/lib/messages/attachment-types";

export interface DownloadableAttachment {
  filename: string;
  contentType: string;
  size: number;
}

/** RFC 5987 / RFC 8187: percent-encode everything outside attr-char, so quotes, ; and CR LF cannot break out. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** For old clients that ignore filename*: printable ASCII only, without quotes or backslashes. */
function asciiFallback(filename: string): string {
  const ascii = filename.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/gu, "_").replace(/["\\]/g, "_").trim();
  return ascii || "attachment";
}

/** The only type served as itself is one on the allow-list; HTML, SVG, XML and anything unknown are bytes. */
export function servedContentType(stored: string): string {
  const type = stored.split(";")[0]!.trim().toLowerCase();
  return SERVABLE_CONTENT_TYPES.has(type) ? type : UNKNOWN_CONTENT_TYPE;
}

export function contentDisposition(filename: string): string {
  return `attachment; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

/** Every header of an attachment download; the route adds nothing of its own. */
export function attachmentResponseHeaders(attachment: DownloadableAttachment): Record<string, string> {
  return {
    "Content-Type": servedContentType(attachment.contentType),
    "Content-Length": String(attachment.size),
    "Content-Disposition": contentDisposition(attachment.filename),
    // Browsers must not guess "this looks like HTML" from the bytes.
    "X-Content-Type-Options": "nosniff",
    // Even if something did render it, it would have no origin, no scripts, no forms.
    "Content-Security-Policy": "sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    // Campaign documents: not kept in shared caches or in the browser's.
    "Cache-Control": "private, no-store",
  };
}
