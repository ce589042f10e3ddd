import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { env } from "@/lib/env";
import { userRecordThisRequest, type Actor } from "@/lib/auth/access";
import { sessionCookie } from "@/lib/auth/session-cookie";
import type { Role } from "@/lib/generated/prisma";

export const WORKSPACE_COOKIE = "foi-workspace";

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  mustChangePassword: boolean;
}

/**
 * next-auth v4's session token: a JWE (dir, A256GCM) under a key derived from NEXTAUTH_SECRET
 * with HKDF-SHA256 (next-auth/jwt's getDerivedEncryptionKey, salt ""). The key is derived once
 * per secret, not on every page as next-auth's own decode() does; tests/integration/session-token
 * checks that a token issued by next-auth's encode() reads back here.
 */
let derivedKey: { secret: string; key: Uint8Array } | undefined;
function sessionKey(secret: string): Uint8Array {
  if (derivedKey?.secret !== secret) {
    derivedKey = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)) };
  }
  return derivedKey.key;
}

/** The claims of a session token, or null when it is expired, tampered with or not ours. */
export async function readSessionToken(token: string, secret: string): Promise<{ uid: string; sv: unknown } | null> {
  try {
    // next-auth allows 15 seconds of clock difference; so do we.
    const { payload } = await jwtDecrypt(token, sessionKey(secret), { clockTolerance: 15 });
    return typeof payload.uid === "string" ? { uid: payload.uid, sv: payload.sv } : null;
  } catch {
    return null;
  }
}

/**
 * The session cookie's claims: who (uid) and which session version (sv). Read directly rather
 * than through getServerSession, which on every page also rebuilt next-auth's whole handler and
 * re-encrypted a fresh token that a page cannot set (about a third of a simple page's time under
 * load).
 */
async function sessionClaims(): Promise<{ uid: string; sv: unknown } | null> {
  const jar = await cookies();
  const { name } = sessionCookie();
  // next-auth splits a token over 4 KB into name.0, name.1, ...; ours are far smaller, but read both.
  const value =
    jar.get(name)?.value ??
    jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
      .map((c) => c.value)
      .join("");
  const secret = env().NEXTAUTH_SECRET;
  return value && secret ? readSessionToken(value, secret) : null;
}

/**
 * The signed-in user, re-read from the database on every request: a deleted user, or a
 * session issued before the person's sessions were ended (password change, "sign out
 * everywhere", removal, role change: lib/auth/sessions.ts), counts as signed out.
 */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const user = await userRecordThisRequest(claims.uid);
  if (!user || claims.sv !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, mustChangePassword: user.mustChangePassword };
});

/** For pages and actions: the user, or a redirect to sign in (or to change a generated password). */
export async function requireUser(options: { allowPasswordChangePending?: boolean } = {}): Promise<SignedInUser> {
  const user = await getSignedInUser();
  if (!user) redirect("/sign-in");
  if (user.mustChangePassword && !options.allowPasswordChangePending) redirect("/account/password");
  return user;
}

export interface CurrentWorkspace {
  actor: Actor;
  user: SignedInUser;
  role: Role;
  workspace: { id: string; name: string; slug: string };
  workspaces: Array<{ id: string; name: string }>;
}

/** The user's current workspace (cookie, else the first they belong to). */
export const requireWorkspace = cache(async (): Promise<CurrentWorkspace> => {
  const user = await requireUser();
  const memberships = ((await userRecordThisRequest(user.id))?.memberships ?? []).map(({ role, ...workspace }) => ({ role, workspace }));
  if (memberships.length === 0) redirect("/no-workspace");
  const wanted = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const current = memberships.find((m) => m.workspace.id === wanted) ?? memberships[0]!;
  return {
    actor: { userId: user.id, workspaceId: current.workspace.id },
    user,
    role: current.role,
    workspace: current.workspace,
    workspaces: memberships.map((m) => ({ id: m.workspace.id, name: m.workspace.name })),
  };
});
