import "server-only";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/** How long a session lasts without signing in again. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** next-auth v4's session cookie (its name depends on whether the app is served over https). */
export function sessionCookie() {
  const secure = env().NEXTAUTH_URL.startsWith("https://");
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge: SESSION_MAX_AGE_SECONDS },
  };
}

/**
 * A session token for this person in next-auth's own format, so getServerSession reads it,
 * carrying the person's current session version (lib/auth/sessions.ts).
 */
export async function issueSessionToken(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, sessionVersion: true } });
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: start the app with `npm start`, which generates one in development.");
  return encode({ token: { sub: user.id, uid: user.id, email: user.email, name: user.name, sv: user.sessionVersion }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}
