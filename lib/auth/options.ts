import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import EmailProvider from "next-auth/providers/email";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { z } from "zod";
import { emailSchema } from "@/lib/workspaces/schemas";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { deliver, queueMail } from "@/lib/mail/send-mail";
import { verifyPassword } from "@/lib/auth/password";
import { beginLoginAttempt, canSendSignInLink, markLoginSucceeded } from "@/lib/auth/rate-limit";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";

// next-auth v4 (npm "latest", stable, supports Next 16): Auth.js v5 is still beta.
// next-auth reads sessions (JWTs) and verifies magic links; the password form posts to our own
// route handler (lib/auth/sign-in.ts), which issues the same JWT. Each JWT carries the
// person's session version (`sv`), checked on every request (lib/auth/session.ts), so
// sessions can be ended. The adapter stores users and magic-link tokens (hashed, single use).

export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

// A bcrypt hash of a random string, compared against when the email is unknown.
const DUMMY_HASH = "$2b$12$fDTBYIFJDpA6/74/euDHb.ecCFFz0nR5dzjWTMzECVwDtNBqrnXJ6";

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});

/** Thrown from authorize(); next-auth passes the message to the sign-in page as `error`. */
export const SIGN_IN_ERRORS = {
  invalid: "Email or password is not right.",
  locked: "Too many attempts",
} as const;

/**
 * The password check behind the sign-in form: validates, applies the rate limit, records
 * the attempt. Unknown email and wrong password get the same message.
 */
export async function authorizePassword(raw: unknown, ip: string | null): Promise<{ id: string; email: string; name: string | null }> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
  const { email, password } = parsed.data;
  const { allowance, attemptId } = await beginLoginAttempt(email, ip);
  if (!allowance.allowed || !attemptId) {
    throw new Error(`${SIGN_IN_ERRORS.locked}: try again in ${allowance.retryAfterMinutes} minute${allowance.retryAfterMinutes === 1 ? "" : "s"}.`);
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  // An unknown email costs the same bcrypt work as a known one, so timing does not tell them apart.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user?.passwordHash || !ok) throw new Error(SIGN_IN_ERRORS.invalid);
  await markLoginSucceeded(attemptId);
  return { id: user.id, email: user.email, name: user.name };
}

/** Sends a magic link, only to people who already have an account. */
export async function sendSignInLink({ identifier, url }: { identifier: string; url: string }): Promise<void> {
  // The page says the same thing either way, so it does not reveal who has an account.
  const user = await db.user.findUnique({ where: { email: identifier.toLowerCase() }, select: { id: true } });
  if (!user || !(await canSendSignInLink(identifier))) return;
  // Queued, then sent without waiting for the mail server, so a known address answers as
  // fast as an unknown one (the outbox worker retries if this first attempt fails).
  const deliveryId = await queueMail({
    to: identifier,
    subject: "Your sign-in link for FOI Tracker",
    redactAfterSend: true,
    text: `Sign in to FOI Tracker by opening this link:\n\n${url}\n\nThe link works once and expires in ${MAGIC_LINK_MAX_AGE_SECONDS / 60} minutes. If you did not ask for it, ignore this email.\n`,
  });
  void deliver(deliveryId).catch((error: Error) => console.error(`[mail] sign-in link: ${error.message}`));
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    // @auth/prisma-adapter implements the same adapter contract as next-auth v4's type.
    adapter: PrismaAdapter(db) as unknown as Adapter,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    providers: [
      EmailProvider({
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        from: env().MAIL_FROM,
        sendVerificationRequest: sendSignInLink,
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) {
          token.uid = user.id;
          const current = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
          token.sv = current?.sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        if (token.uid) session.user = { ...session.user, id: token.uid, sessionVersion: token.sv };
        return session;
      },
    },
    events: {
      async signIn({ user }) {
        const { recordSignIn } = await import("@/lib/auth/sign-in");
        if (user.id) await recordSignIn(user.id, "link");
      },
    },
  };
}
