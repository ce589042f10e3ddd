import "server-only";
import crypto from "node:crypto";
import bcrypt from "bcryptjs";

// bcrypt cost 12: ~250 ms on these machines, slow enough to hurt offline guessing.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A random password that is easy to type: four groups of five letters and digits. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = crypto.randomBytes(20);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}

/** SHA-256 hex, for storing tokens we only ever need to compare. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
