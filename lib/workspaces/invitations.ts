import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { now } from "@/lib/time";
import { requireRole, roleAtLeast, type Actor } from "@/lib/auth/access";
import { hashPassword, hashToken } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueMail, deliver } from "@/lib/mail/send-mail";
import { acceptInvitationSchema, inviteSchema } from "@/lib/workspaces/schemas";

export const INVITATION_DAYS = 7;

export type InviteResult = { ok: true; email: string } | { ok: false; fieldErrors: Record<string, string[]> };

/** An owner invites someone by email; the link works once, for 7 days. */
export async function inviteMember(actor: Actor, input: unknown): Promise<InviteResult> {
  await requireRole(actor, "owner");
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  const { email, role } = parsed.data;
  const already = await db.membership.findFirst({ where: { workspaceId: actor.workspaceId, user: { email } }, select: { id: true } });
  if (already) return { ok: false, fieldErrors: { email: ["That person is already a member of this workspace."] } };
  const token = crypto.randomBytes(32).toString("base64url");
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { name: true } });
  const inviter = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } });
  await db.$transaction(async (tx) => {
    await tx.invitation.create({
      data: {
        workspaceId: actor.workspaceId,
        email,
        role,
        tokenHash: hashToken(token),
        expiresAt: new Date(now().getTime() + INVITATION_DAYS * 86_400_000),
        invitedById: actor.userId,
      },
    });
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "member.invite", entity: "Invitation", data: { email, role } }, tx);
  });
  const deliveryId = await queueMail({
    to: email,
    workspaceId: actor.workspaceId,
    redactAfterSend: true,
    subject: `You are invited to ${workspace.name} on FOI Tracker`,
    text: `${inviter.name ?? inviter.email} has invited you to join ${workspace.name} on FOI Tracker as ${role}.\n\nAccept the invitation here (the link works once and expires in ${INVITATION_DAYS} days):\n\n${env().NEXTAUTH_URL}/invite/${token}\n`,
  });
  await deliver(deliveryId);
  return { ok: true, email };
}

/** What the invitation page shows before the person accepts. */
export async function findInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt < now()) return null;
  const hasAccount = (await db.user.count({ where: { email: invitation.email } })) > 0;
  return { email: invitation.email, role: invitation.role, workspaceName: invitation.workspace.name, hasAccount };
}

export type AcceptResult = { ok: true; email: string } | { ok: false; message?: string; fieldErrors?: Record<string, string[]> };

/** A new person accepts: the account and membership are created together, and the token is spent. */
export async function acceptInvitation(input: unknown): Promise<AcceptResult> {
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  const { token, name, password } = parsed.data;
  const USED = { ok: false, message: "This invitation has expired, was withdrawn or has already been used. Ask the workspace owner for a new one." } as const;
  // The token is checked before the password is hashed, so a bad or spent link costs no bcrypt
  // time (a cheap way to tie up the server otherwise).
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { email: true, acceptedAt: true, revokedAt: true, expiresAt: true } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now()) return USED;
  // Checked before the token is spent, so an existing account does not burn the link.
  if ((await db.user.count({ where: { email: invitation.email } })) > 0) {
    return { ok: false, message: "An account with this email already exists: sign in, then open the invitation link again." };
  }
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      // Spending the token and checking it are one statement: a second use finds nothing.
      const spent = await tx.invitation.updateMany({
        where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
        data: { acceptedAt: now() },
      });
      if (spent.count === 0) return USED;
      const accepted = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
      const user = await tx.user.create({ data: { email: accepted.email, name, passwordHash, emailVerified: now() }, select: { id: true } });
      await tx.membership.create({ data: { userId: user.id, workspaceId: accepted.workspaceId, role: accepted.role } });
      await recordAudit({ workspaceId: accepted.workspaceId, userId: user.id, action: "member.join", entity: "Membership", data: { role: accepted.role } }, tx);
      return { ok: true, email: accepted.email } as const;
    });
  } catch (error) {
    // Someone created the account at the same moment: the transaction rolled back, the link still works.
    if ((error as { code?: string }).code === "P2002") return { ok: false, message: "An account with this email already exists: sign in, then open the invitation link again." };
    throw error;
  }
}

/** Someone who already has an account, signed in as the invited email, joins the workspace. */
export async function acceptInvitationAsUser(userId: string, token: string): Promise<AcceptResult> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    const spent = await tx.invitation.updateMany({
      where: { tokenHash: hashToken(token), email: user.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
      data: { acceptedAt: now() },
    });
    if (spent.count === 0) return { ok: false, message: "This invitation has expired, was withdrawn, was used, or was sent to another email address." } as const;
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    const current = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId: invitation.workspaceId } }, select: { role: true } });
    // An invitation never lowers someone's role, and raises it when it offers more.
    if (!current || !roleAtLeast(current.role, invitation.role)) {
      await tx.membership.upsert({
        where: { userId_workspaceId: { userId, workspaceId: invitation.workspaceId } },
        create: { userId, workspaceId: invitation.workspaceId, role: invitation.role },
        update: { role: invitation.role },
      });
    }
    await recordAudit({ workspaceId: invitation.workspaceId, userId, action: "member.join", entity: "Membership", data: { role: invitation.role } }, tx);
    return { ok: true, email: user.email } as const;
  });
}

export async function listMembers(actor: Actor) {
  await requireRole(actor, "viewer");
  const [members, invitations] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId: actor.workspaceId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    }),
    db.invitation.findMany({
      where: { workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return { members, invitations };
}
