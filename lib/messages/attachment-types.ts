// Which files a message may carry, decided by the file's name and the type the browser
// or the email declared, never by the declared type alone (anyone can label an HTML page
// "application/pdf"). Pure: shared by the schema, the .eml import and the download route.

/**
 * The largest single file we keep: 25 MB (MiB), the limit of most mail providers, so
 * anything that arrived by email fits. Files live in PostgreSQL, which this keeps sane.
 */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

interface FileKind {
  /** What we store and serve, whatever the sender called it. */
  type: string;
  /** Other declared types seen in the wild for the same extension. */
  aliases?: readonly string[];
}

const KINDS: Record<string, FileKind> = {
  pdf: { type: "application/pdf", aliases: ["application/x-pdf"] },
  doc: { type: "application/msword" },
  docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  odt: { type: "application/vnd.oasis.opendocument.text" },
  xls: { type: "application/vnd.ms-excel" },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  ods: { type: "application/vnd.oasis.opendocument.spreadsheet" },
  // Windows labels CSV as Excel's; some mail clients as plain text.
  csv: { type: "text/csv", aliases: ["text/plain", "application/csv", "text/x-csv", "application/vnd.ms-excel", "text/comma-separated-values"] },
  ppt: { type: "application/vnd.ms-powerpoint" },
  pptx: { type: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  txt: { type: "text/plain" },
  png: { type: "image/png" },
  jpg: { type: "image/jpeg", aliases: ["image/pjpeg"] },
  jpeg: { type: "image/jpeg", aliases: ["image/pjpeg"] },
  gif: { type: "image/gif" },
  webp: { type: "image/webp" },
  zip: { type: "application/zip", aliases: ["application/x-zip-compressed", "application/x-zip", "multipart/x-zip"] },
};

/** Declared types that say nothing, so the extension decides. */
const UNINFORMATIVE = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown", "application/x-download"]);

/** Every type we ever serve as itself; anything else is served as application/octet-stream. */
export const SERVABLE_CONTENT_TYPES: ReadonlySet<string> = new Set(Object.values(KINDS).map((k) => k.type));

export const ALLOWED_EXTENSIONS = Object.keys(KINDS);

/** The stored type of an .eml attachment we keep but do not recognise: a plain download. */
export const UNKNOWN_CONTENT_TYPE = "application/octet-stream";

export type Classification = { ok: true; contentType: string } | { ok: false; reason: string };

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : "";
}

function baseType(declared: string): string {
  return declared.split(";")[0]!.trim().toLowerCase();
}

/** Accepts a file only when its extension is on the list and its declared type agrees. */
export function classifyAttachment(filename: string, declaredType: string): Classification {
  const extension = extensionOf(filename);
  const kind = KINDS[extension];
  if (!kind) {
    return {
      ok: false,
      reason: `“${filename}” is not a file type we keep. Attach PDF, Word, Excel, ODS, CSV, PowerPoint, text, image (PNG, JPEG, GIF, WebP) or zip files.`,
    };
  }
  const declared = baseType(declaredType);
  if (!UNINFORMATIVE.has(declared) && declared !== kind.type && !kind.aliases?.includes(declared)) {
    return { ok: false, reason: `“${filename}” is named .${extension} but says it is ${declared}. Check the file, or save it again as .${extension}.` };
  }
  return { ok: true, contentType: kind.type };
}

const BIDI_AND_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A filename fit to store and show: no folders (old browsers send C:\fakepath\...), no
 * control characters and no bidirectional overrides ("invoice\u202Efdp.exe" shows as
 * "invoiceexe.pdf"), at most 200 characters with the extension kept.
 */
export function cleanFilename(name: string, fallback = "attachment"): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  let cleaned = base.replace(BIDI_AND_CONTROL, "").normalize("NFC").trim();
  if (cleaned === "" || cleaned === "." || cleaned === "..") cleaned = fallback;
  const chars = Array.from(cleaned);
  if (chars.length <= 200) return cleaned;
  const extension = extensionOf(cleaned);
  const keep = extension && extension.length <= 10 ? `.${extension}` : "";
  return chars.slice(0, 200 - keep.length).join("") + keep;
}

/** An extension for a nameless part of an email (an inline image), from its declared type. */
export function extensionForType(declaredType: string): string {
  const declared = baseType(declaredType);
  const entries = Object.entries(KINDS);
  const match = entries.find(([, kind]) => kind.type === declared) ?? entries.find(([, kind]) => kind.aliases?.includes(declared));
  return match ? `.${match[0]}` : ".bin";
}
