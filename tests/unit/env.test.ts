import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

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
    expect(() => parseEnv({ APP_ENV: "production" })).toThrow(/DATABASE_URL: is required[\s\S]*NEXTAUTH_SECRET: is required[\s\S]*SMTP_URL: is required/);
  });

  it("refuses moving the clock in production", () => {
    const production = { APP_ENV: "production", DATABASE_URL: "postgresql://u:p@db:5432/foi", NEXTAUTH_SECRET: "x".repeat(40), SMTP_URL: "smtp://mail:587" };
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
