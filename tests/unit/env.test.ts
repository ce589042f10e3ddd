import { describe, expect, it } from "vitest";
import { isDevMailboxEnabled, isLoopbackRequest, parseEnv } from "@/lib/env";

describe("configuration", () => {
  it("needs nothing in development, and has safe defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ APP_ENV: "development", PORT: 3000, SEED_ON_START: true, DATA_DIR: ".data", NEXTAUTH_URL: "http://localhost:3000" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty values as not set", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names every missing variable in production", () => {
    expect(() => parseEnv({ APP_ENV: "production" })).toThrow(/DATABASE_URL: is required[\s\S]*NEXTAUTH_SECRET: is required[\s\S]*SMTP_URL: is required[\s\S]*MAIL_SECRET_KEY: is required/);
  });

  it("refuses moving the clock in production", () => {
    const production = { APP_ENV: "production", DATABASE_URL: "postgresql://u:p@db:5432/foi", NEXTAUTH_SECRET: "x".repeat(40), SMTP_URL: "smtp://mail:587", NEXTAUTH_URL: "https://foi.example.org", MAIL_SECRET_KEY: "k".repeat(32) };
    expect(parseEnv(production).SEED_ON_START).toBe(false);
    expect(() => parseEnv({ ...production, FOI_NOW: "2021-09-01" })).toThrow(/FOI_NOW: must not be set/);
  });

  it("explains malformed values next to their names", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgresql/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
    expect(() => parseEnv({ PORT: "99999" })).toThrow(/PORT/);
    expect(() => parseEnv({ SEED_ON_START: "maybe" })).toThrow(/SEED_ON_START: must be true or false/);
    expect(() => parseEnv({ FOI_NOW: "2021-02-3" })).toThrow(/FOI_NOW/);
  });
});

describe("the dev mailbox", () => {
  it("is refused for an app served at a public address without SMTP", () => {
    expect(() => parseEnv({ NEXTAUTH_URL: "https://foi.example.org" })).toThrow(/SMTP_URL: is required when NEXTAUTH_URL is not a localhost address/);
    expect(parseEnv({ NEXTAUTH_URL: "https://foi.example.org", SMTP_URL: "smtp://mail:587" }).SMTP_URL).toBe("smtp://mail:587");
    expect(parseEnv({ NEXTAUTH_URL: "http://127.0.0.1:3100" }).NEXTAUTH_URL).toBe("http://127.0.0.1:3100");
  });
});

describe("where the app listens, and whether it is a production deployment", () => {
  it("listens on 127.0.0.1 by default, and links follow the port when NEXTAUTH_URL is unset", () => {
    expect(parseEnv({}).HOST).toBe("127.0.0.1");
    expect(parseEnv({ PORT: "3400" }).NEXTAUTH_URL).toBe("http://localhost:3400");
    expect(parseEnv({ PORT: "3400", NEXTAUTH_URL: "http://localhost:9999" }).NEXTAUTH_URL).toBe("http://localhost:9999");
  });

  it("refuses development settings on an address other machines can reach, naming them and what to change", () => {
    expect(() => parseEnv({ HOST: "0.0.0.0" })).toThrow(
      /HOST: is 0\.0\.0\.0, which lets other machines reach the app, but APP_ENV is development \(the default\), with the dev mailbox \(no SMTP_URL\), a generated secret \(no NEXTAUTH_SECRET\), seeding a known owner \(SEED_ON_START\)\. Set APP_ENV=production/,
    );
    expect(() => parseEnv({ HOST: "192.168.1.20", APP_ENV: "development", FOI_NOW: "2021-09-01" })).toThrow(/a moved clock \(FOI_NOW\)/);
    expect(parseEnv({ HOST: "0.0.0.0", ALLOW_DEVELOPMENT_ON_NETWORK: "true" }).HOST).toBe("0.0.0.0");
    expect(parseEnv({ HOST: "::1" }).HOST).toBe("::1");
    const production = { APP_ENV: "production", DATABASE_URL: "postgresql://u:p@db:5432/foi", NEXTAUTH_SECRET: "x".repeat(40), SMTP_URL: "smtp://mail:587", NEXTAUTH_URL: "https://foi.example.org", MAIL_SECRET_KEY: "k".repeat(32) };
    expect(parseEnv({ ...production, HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  });

  it("is production under a production build (next start) unless APP_ENV says otherwise", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_URL: is required when APP_ENV=production[\s\S]*DATABASE_URL: is required when APP_ENV=production/);
    expect(parseEnv({ NODE_ENV: "production", APP_ENV: "development" }).APP_ENV).toBe("development");
    expect(parseEnv({ NODE_ENV: "development" }).APP_ENV).toBe("development");
    expect(parseEnv({ NODE_ENV: "test" }).APP_ENV).toBe("development");
  });
});

describe("the dev mailbox answers this machine only", () => {
  it("believes a request is local only when every forwarded address is loopback", () => {
    expect(isLoopbackRequest("127.0.0.1")).toBe(true);
    expect(isLoopbackRequest("::1")).toBe(true);
    expect(isLoopbackRequest("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopbackRequest("127.0.0.1, ::1")).toBe(true);
    expect(isLoopbackRequest("203.0.113.7")).toBe(false);
    expect(isLoopbackRequest("127.0.0.1, 203.0.113.7")).toBe(false);
    expect(isLoopbackRequest("203.0.113.7, 127.0.0.1")).toBe(false);
    expect(isLoopbackRequest("127.0.0.1.evil.example")).toBe(false);
    expect(isLoopbackRequest("")).toBe(false);
    expect(isLoopbackRequest(null)).toBe(false);
  });

  it("is off in production and with a mail server", () => {
    const production = { APP_ENV: "production", DATABASE_URL: "postgresql://u:p@db:5432/foi", NEXTAUTH_SECRET: "x".repeat(40), SMTP_URL: "smtp://mail:587", NEXTAUTH_URL: "https://foi.example.org", MAIL_SECRET_KEY: "k".repeat(32) };
    expect(isDevMailboxEnabled(parseEnv(production))).toBe(false);
    expect(isDevMailboxEnabled(parseEnv({ SMTP_URL: "smtp://mail:587" }))).toBe(false);
    expect(isDevMailboxEnabled(parseEnv({}))).toBe(true);
  });
});

describe("building", () => {
  it("needs no runtime settings while next build runs", () => {
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).APP_ENV).toBe("development");
  });
});
