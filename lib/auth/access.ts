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

export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  mustChangePassword: boolean;
  /** Compared with the session's own copy: a session from before the last "end sessions" is over (lib/auth/sessions.ts). */
  sessionVersion: number;
  /** Every workspace the person belongs to, oldest membership first. */
  memberships: Array<{ role: Role; id: string; name: string; slug: string }>;
  /** Their own "due soon" warning in working days (Alert settings), null while they have not chosen. */
  dueSoonDays: number | null;
}

/**
 * The person, all their memberships and their alert warning, in one read per page render: the
 * session check, the layout (with its unread count) and every service on a page ask for it, and React's cache() shares one read among them
 * for that render only (outside a render, in actions, route handlers and scripts, it reads every
 * time, so a removal or role change counts at once).
 */
export const userRecordThisRequest = cache(async (userId: string): Promise<UserRecord | null> => {
  const [row] = await sqlRows<UserRecord>(
    `SELECT u.id, u.email, u.name, u."mustChangePassword", u."sessionVersion",
       COALESCE((SELECT json_agg(json_build_object('role', m.role, 'id', w.id, 'name', w.name, 'slug', w.slug) ORDER BY m."createdAt", m.id)
                 FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId" WHERE m."userId" = u.id), '[]'::json) AS memberships,
       s."dueSoonDays"
     FROM "User" u LEFT JOIN "AlertSettings" s ON s."userId" = u.id WHERE u.id = $1`,
    [userId],
    { prepared: true },
  );
  return row ?? null;
});

async function membershipThisRequest(userId: string, workspaceId: string): Promise<{ role: Role } | null> {
  const membership = (await userRecordThisRequest(userId))?.memberships.find((m) => m.id === workspaceId);
  return membership ? { role: membership.role } : null;
}

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
