import { describe, expect, it } from "vitest";
import { BodyTooLargeError, payloadTooLargeResponse, readBodyFormData, readBodyText } from "@/lib/http/read-body";

/** A streamed body with no Content-Length, as a chunked upload arrives. */
function streamedRequest(chunks: number, chunkBytes: number, pulled: { count: number }): Request {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count >= chunks) return controller.close();
      pulled.count++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(97));
    },
  });
  return new Request("http://localhost/unsubscribe", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("reading a request body with a cap", () => {
  it("reads a small form", async () => {
    const request = new Request("http://localhost/unsubscribe", { method: "POST", body: new URLSearchParams({ token: "abc" }) });
    const form = await readBodyFormData(request, 1024);
    expect(form.get("token")).toBe("abc");
  });

  it("reads exactly the cap, and refuses one byte more", async () => {
    await expect(readBodyText(new Request("http://localhost/", { method: "POST", body: "x".repeat(100) }), 100)).resolves.toHaveLength(100);
    await expect(readBodyText(new Request("http://localhost/", { method: "POST", body: "x".repeat(101) }), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("stops reading a streamed body without a length as soon as it passes the cap", async () => {
    const pulled = { count: 0 };
    // 1,000 chunks of 64 KB would be 64 MB; the cap is 256 KB.
    await expect(readBodyText(streamedRequest(1000, 64 * 1024, pulled), 256 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled.count).toBeLessThan(10);
  });

  it("refuses a declared length over the cap before reading", async () => {
    const pulled = { count: 0 };
    const request = streamedRequest(1000, 64 * 1024, pulled);
    const declared = new Request(request, { headers: { "content-length": String(64 * 1024 * 1000) } });
    await expect(readBodyText(declared, 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled.count).toBeLessThan(10);
  });

  it("answers 413 with a short plain message", async () => {
    const response = payloadTooLargeResponse(16 * 1024);
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe("Too large: this address accepts at most 16 KB.\n");
  });
});
