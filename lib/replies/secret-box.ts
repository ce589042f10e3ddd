import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

// Mailbox passwords at rest: AES-256-GCM (authenticated: a changed or swapped value fails to
// open rather than decrypting to rubbish) with a fresh 12-byte IV each time. The key is the
// SHA-256 of MAIL_SECRET_KEY; outside production, without one, of NEXTAUTH_SECRET with a label.

const VERSION = "v1";

function key(): Buffer {
  const e = env();
  if (e.MAIL_SECRET_KEY) return crypto.createHash("sha256").update(e.MAIL_SECRET_KEY).digest();
  if (e.APP_ENV !== "production" && e.NEXTAUTH_SECRET) return crypto.createHash("sha256").update(`mail-secret-key:${e.NEXTAUTH_SECRET}`).digest();
  throw new Error("MAIL_SECRET_KEY is not set: it is needed to store a mailbox password.");
}

export function encryptSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), sealed.toString("base64")].join(":");
}

/** The secret, or null when it cannot be opened (another key, or tampered with): the owner enters it again. */
export function decryptSecret(stored: string): string | null {
  const [version, iv, tag, sealed] = stored.split(":");
  if (version !== VERSION || !iv || !tag || sealed === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
