import { describe, expect, it } from "vitest";
import { DEFAULT_BODY_LIMIT_BYTES, isUploadPath, refuseOversizedBody } from "@/lib/http/body-limit";

const post = (pathname: string, headers: Record<string, string>) => refuseOversizedBody({ method: "POST", pathname, headers: new Headers(headers) });
const big = String(DEFAULT_BODY_LIMIT_BYTES + 1);

describe("which requests may carry a large body", () => {
  it("only a request's page (where messages and attachments are added) is an upload page", () => {
    expect(isUploadPath("/requests/cm123abc")).toBe(true);
    for (const path of ["/requests/new", "/requests/deleted", "/requests", "/dashboard", "/batches/b1", "/requests/cm1/edit", "/unsubscribe", "/api/auth/callback/credentials"]) {
      expect(isUploadPath(path), path).toBe(false);
    }
  });

  it("refuses a POST over 1 MB to any other page with 413, and lets 1 MB through", async () => {
    const refused = post("/dashboard", { "content-length": big, "next-action": "abc" });
    expect(refused?.status).toBe(413);
    expect(await refused?.text()).toBe("Too large: this address accepts at most 1 MB.\n");
    expect(post("/unsubscribe", { "content-length": big })?.status).toBe(413);
    expect(post("/dashboard", { "content-length": String(DEFAULT_BODY_LIMIT_BYTES) })).toBeNull();
  });

  it("lets a large upload through to a request's page (the Server Actions limit applies there)", () => {
    expect(post("/requests/cm123abc", { "content-length": String(40 * 1024 * 1024) })).toBeNull();
  });

  it("asks a chunked body of unknown size elsewhere for its length; GET is never checked", () => {
    expect(post("/dashboard", { "transfer-encoding": "chunked" })?.status).toBe(411);
    expect(post("/requests/cm123abc", { "transfer-encoding": "chunked" })).toBeNull();
    expect(refuseOversizedBody({ method: "GET", pathname: "/dashboard", headers: new Headers({ "content-length": big }) })).toBeNull();
    expect(post("/dashboard", { "content-length": "lots" })?.status).toBe(400);
  });
});
