// An email's formatted version is shown in a sandboxed frame (components/request-messages.tsx),
// not in the app's own page: even if some markup got past the sanitiser, it would run in a
// document with no origin, no scripts, no forms and nothing loaded from anywhere.
import { EMAIL_FRAME_CSP } from "@/lib/security/headers";

// Plain styles for reading. Links show their address, because a link in the sandboxed
// frame does not open: the reader can see where it goes and copy it.
const FRAME_STYLE = [
  "body{margin:0;padding:.75rem;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1b1b;overflow-wrap:anywhere}",
  "a{color:#1d4f91}a[href]::after{content:' (' attr(href) ')';color:#505a5f}",
  "table{border-collapse:collapse}td,th{border:1px solid #b1b4b6;padding:.25rem .5rem;text-align:left}",
  "pre{white-space:pre-wrap}blockquote{margin-left:0;padding-left:.75rem;border-left:4px solid #b1b4b6}",
].join("");

/** The frame's whole document (its srcdoc): already-sanitised HTML inside a locked-down page. */
export function emailFrameDocument(sanitisedHtml: string): string {
  return (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${EMAIL_FRAME_CSP}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${FRAME_STYLE}</style></head><body>${sanitisedHtml}</body></html>`
  );
}

const LINE_PX = 24;
const MIN_PX = 160;
const MAX_PX = 640;

/**
 * A height for the frame, in pixels, guessed from the HTML (a frame without scripts
 * cannot measure its content): about one line per block or per 90 characters of text.
 * Longer emails scroll inside the frame, whose height the reader can also drag.
 */
export function emailFrameHeight(sanitisedHtml: string): number {
  const blocks = (sanitisedHtml.match(/<(p|br|li|tr|h[1-6]|div|blockquote|pre|hr)\b/gi) ?? []).length;
  const text = sanitisedHtml.replace(/<[^>]*>/g, "");
  const lines = blocks + Math.ceil(text.length / 90);
  return Math.min(MAX_PX, Math.max(MIN_PX, lines * LINE_PX + 32));
}
