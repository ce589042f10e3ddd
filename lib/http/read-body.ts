// Reading a request body with a size cap. A route handler that calls request.text() or
// request.formData() buffers whatever the client sends, so one client could fill the
// server's memory; these read the stream and stop as soon as the cap is passed.

/** The cap for small form posts (the unsubscribe button sends a token of a few hundred bytes). */
export const SMALL_BODY_BYTES = 16 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request is too large (the limit is ${formatBytes(limitBytes)}).`);
    this.name = "BodyTooLargeError";
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The answer to a body over the cap: 413 with a short plain message. */
export function payloadTooLargeResponse(limitBytes: number): Response {
  return new Response(`Too large: this address accepts at most ${formatBytes(limitBytes)}.\n`, {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" },
  });
}

/**
 * The body's bytes, refusing (BodyTooLargeError) as soon as more than `limitBytes` arrive.
 * A declared Content-Length over the cap is refused before reading anything.
 */
export async function readBodyBytes(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limitBytes) throw new BodyTooLargeError(limitBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      // Stop the upload rather than draining it.
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(total));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The body as text (UTF-8), capped. */
export async function readBodyText(request: Request, limitBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limitBytes));
}

/**
 * The body as form data (URL-encoded or multipart), capped. Throws BodyTooLargeError over
 * the cap, and TypeError when the body is not a form, like Request.formData().
 */
export async function readBodyFormData(request: Request, limitBytes: number): Promise<FormData> {
  const bytes = await readBodyBytes(request, limitBytes);
  const contentType = request.headers.get("content-type") ?? "";
  // Re-parsed from the bytes already read: the standard parser, without an unbounded read.
  return new Response(bytes, { headers: { "Content-Type": contentType } }).formData();
}
