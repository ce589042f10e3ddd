import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders, type SecurityHeaderOptions } from "@/lib/security/headers";

const base: SecurityHeaderOptions = { nonce: "bm9uY2Utb2YtdGhpcy10ZXN0", appEnv: "test", isDevServer: false };

/** The policy as directive name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe("security headers", () => {
  it("allow scripts only by this response's nonce", () => {
    const scripts = directives(contentSecurityPolicy(base)).get("script-src");
    expect(scripts).toEqual(["'self'", "'nonce-bm9uY2Utb2YtdGhpcy10ZXN0'", "'strict-dynamic'"]);
  });

  it("forbid framing, plugins, base changes and forms to other sites", () => {
    const policy = directives(contentSecurityPolicy(base));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("allow eval only under next dev", () => {
    expect(directives(contentSecurityPolicy({ ...base, isDevServer: true })).get("script-src")).toContain("'unsafe-eval'");
    for (const appEnv of ["development", "test", "production"] as const) {
      expect(contentSecurityPolicy({ ...base, appEnv })).not.toContain("unsafe-eval");
    }
  });

  it("never allow inline scripts", () => {
    for (const options of [base, { ...base, isDevServer: true }, { ...base, appEnv: "production" as const }]) {
      expect(directives(contentSecurityPolicy(options)).get("script-src")).not.toContain("'unsafe-inline'");
    }
  });

  it("send HSTS and upgrade requests in production only", () => {
    const production = securityHeaders({ ...base, appEnv: "production" });
    expect(production["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(production["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    for (const appEnv of ["development", "test"] as const) {
      const headers = securityHeaders({ ...base, appEnv });
      expect(headers).not.toHaveProperty("Strict-Transport-Security");
      expect(headers["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    }
  });

  it("include nosniff, the frame rule for old browsers and the referrer rule", () => {
    expect(securityHeaders(base)).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin" });
  });

  it("make a new, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("a production copy served over plain http", () => {
  it("gets no HSTS and no upgrade-insecure-requests, which would send it to an https that does not answer", () => {
    const headers = securityHeaders({ ...base, appEnv: "production", https: false });
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(headers["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });
});
