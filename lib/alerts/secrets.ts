import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

// Signed links (unsubscribe, calendar feed) are HMAC-SHA256 with NEXTAUTH_SECRET, each over
// its own purpose string so a token made for one use is worthless for another.
function secret(): string {
  // Only lib/env.ts reads the environment.
  const value = env().NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set: signed alert links need it");
  return value;
}

export function sign(purpose: string, payload: string): string {
  return crypto.createHmac("sha256", secret()).update(`${purpose}\n${payload}`).digest("base64url");
}

export function verify(purpose: string, payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(purpose, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export function appUrl(path: string): string {
  return new URL(path, env().NEXTAUTH_URL).toString();
}
