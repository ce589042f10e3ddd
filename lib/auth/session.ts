import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { sqlRows } from "@/lib/db/sql";
import { authOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/access";
import type { Role } from "@/lib/generated/prisma";

export const WORKSPACE_COOKIE = "foi-workspace";

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  mustChangePassword: boolean;
}

/**
 * The signed-in user, re-read from the database on every request: a deleted user, or a
 * session issued before the person's sessions were ended (password change, "sign out
 * everywhere", removal, role change: lib/auth/sessions.ts), counts as signed out.
 */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await sqlRows<SignedInUser & { sessionVersion: number }>(
    `SELECT id, email, name, "mustChangePassword", "sessionVersion" FROM "User" WHERE id = $1`,
    [id],
  );
  if (!user || session.user.sessionVersion !== user.sessionVersion) return null;
  const { sessionVersion: _version, ...signedIn } = user;
  return signedIn;
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
  const memberships = (
    await sqlRows<{ role: Role; id: string; name: string; slug: string }>(
      `SELECT m.role::text AS role, w.id, w.name, w.slug FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId" WHERE m."userId" = $1 ORDER BY m."createdAt", m.id`,
      [user.id],
    )
  ).map(({ role, ...workspace }) => ({ role, workspace }));
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
