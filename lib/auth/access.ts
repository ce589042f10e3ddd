import "server-only";
import { cache } from "react";
import { sqlRows } from "@/lib/db/sql";
import type { Role } from "@/lib/generated/prisma";
import { ForbiddenError } from "@/lib/auth/errors";

/** Who is acting, and in which workspace. Every service takes one and checks it. */
export interface Actor {
  userId: string;
  workspaceId: string;
}

const rank: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}

/**
 * The membership, read once per page render: the layout and every service on a page ask for
 * it, and React's cache() shares one read among them for that render only (outside a render,
 * in actions, route handlers and scripts, it reads every time).
 */
const membershipThisRequest = cache(async (userId: string, workspaceId: string): Promise<{ role: Role } | null> => {
  const [row] = await sqlRows<{ role: Role }>(`SELECT role::text AS role FROM "Membership" WHERE "userId" = $1 AND "workspaceId" = $2`, [userId, workspaceId]);
  return row ?? null;
});

/**
 * Checks, against the database, that the actor is a member of the workspace with at
 * least `minimum` role. Services call it first; pages calling it too is not enough.
 */
export async function requireRole(actor: Actor, minimum: Role): Promise<Role> {
  const membership = await membershipThisRequest(actor.userId, actor.workspaceId);
  if (!membership) throw new ForbiddenError("You are not a member of this workspace.");
  if (!roleAtLeast(membership.role, minimum)) {
    throw new ForbiddenError(minimum === "owner" ? "Only a workspace owner can do this." : "You can view this workspace but not change it.");
  }
  return membership.role;
}
