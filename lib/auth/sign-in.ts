import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAuditForPerson } from "@/lib/audit/record-audit";
import { authorizePassword, MAGIC_LINK_MAX_AGE_SECONDS, sendSignInLink, SIGN_IN_ERRORS } from "@/lib/auth/options";
import { clientAddress } from "@/lib/auth/rate-limit";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { emailSchema } from "@/lib/workspaces/schemas";

// Sign-in runs as plain HTML form POSTs to our own route handlers (app/(auth)/sign-in/*),
// so it works before JavaScript arrives and a password can never end up in a URL
// (a form without method="post" sends its fields as a GET query string).

/** The codes the sign-in page turns into messages; nothing else from a failure reaches the URL. */
export type SignInErrorCode = "missing-email" | "missing-password" | "invalid" | "locked" | "link-email";

export type PasswordSignInResult =
  | { ok: true; userId: string; mustChangePassword: boolean; next: string }
  | { ok: false; code: SignInErrorCode; retryAfterMinutes?: number; email: string };

const passwordFormSchema = z.object({
  email: z.string().trim().max(320).default(""),
  password: z.string().max(200).default(""),
  callbackUrl: z.string().max(2000).optional(),
});

/** Checks an email and password (rate-limited, timing-safe in lib/auth/options.ts) and audits the sign-in. */
export async function signInWithPassword(fields: Record<string, unknown>, forwardedFor: string | null): Promise<PasswordSignInResult> {
  const parsed = passwordFormSchema.safeParse(fields);
  const { email, password, callbackUrl } = parsed.success ? parsed.data : { email: "", password: "", callbackUrl: undefined };
  if (!email) return { ok: false, code: "missing-email", email };
  if (!password) return { ok: false, code: "missing-password", email };
  try {
    const user = await authorizePassword({ email, password }, clientAddress(forwardedFor));
    const { mustChangePassword } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { mustChangePassword: true } });
    await recordSignIn(user.id, "password");
    return { ok: true, userId: user.id, mustChangePassword, next: mustChangePassword ? "/account/password" : safeCallbackPath(callbackUrl) };
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith(SIGN_IN_ERRORS.locked)) {
      const minutes = Number(/(\d+) minute/.exec(message)?.[1] ?? 15);
      return { ok: false, code: "locked", retryAfterMinutes: minutes, email };
    }
    if (message === SIGN_IN_ERRORS.invalid) return { ok: false, code: "invalid", email };
    throw error;
  }
}

/**
 * Emails a one-time sign-in link to an existing account. The token is made and stored the way
 * next-auth's email provider does (SHA-256 of token + secret, single use, expiring), so its
 * own callback (/api/auth/callback/email) verifies and spends it.
 */
export async function requestSignInLink(fields: Record<string, unknown>): Promise<{ ok: true; email: string } | { ok: false; code: SignInErrorCode; email: string }> {
  const raw = typeof fields.email === "string" ? fields.email.slice(0, 400) : "";
  const parsed = emailSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "link-email", email: raw.trim() };
  const email = parsed.data;
  const secret = env().NEXTAUTH_SECRET ?? "";
  const token = crypto.randomBytes(32).toString("hex");
  const callbackUrl = new URL(safeCallbackPath(typeof fields.callbackUrl === "string" ? fields.callbackUrl : "/"), env().NEXTAUTH_URL).toString();
  const url = `${env().NEXTAUTH_URL.replace(/\/$/, "")}/api/auth/callback/email?${new URLSearchParams({ callbackUrl, token, email })}`;
  const known = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (known) {
    await db.verificationToken.create({
      data: { identifier: email, token: crypto.createHash("sha256").update(`${token}${secret}`).digest("hex"), expires: new Date(Date.now() + MAGIC_LINK_MAX_AGE_SECONDS * 1000) },
    });
  }
  // Unknown addresses get the same answer (sendSignInLink sends nothing to them).
  await sendSignInLink({ identifier: email, url });
  return { ok: true, email };
}

/** One audit entry per workspace the person belongs to, so each workspace's log shows who signed in. */
export async function recordSignIn(userId: string, method: "password" | "link"): Promise<void> {
  await db.$transaction((tx) => recordAuditForPerson(userId, { action: "user.sign_in", entity: "User", entityId: userId, data: { method } }, tx));
}
