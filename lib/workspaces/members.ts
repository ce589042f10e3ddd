import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma, Role } from "@/lib/generated/prisma";
import { now } from "@/lib/time";
import { requireRole, type Actor } from "@/lib/auth/access";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { endAllSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { changeRoleSchema, removeMemberSchema, revokeInvitationSchema, transferOwnershipSchema } from "@/lib/workspaces/schemas";

// Owners manage people. Every change runs in one transaction that first locks the
// workspace row, so two owners acting at once are served one after the other: the second
// sees the first's change and the "at least one owner" rule cannot be broken by a race.

export type MemberChangeResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

const LAST_OWNER = "A workspace needs at least one owner: make someone else an owner first.";

type Tx = Prisma.TransactionClient;

function fieldErrorsOf(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return fieldErrors;
}

/** Locks the workspace for this transaction and checks, after the wait, that the actor is still an owner. */
async function lockAsOwner(tx: Tx, actor: Actor): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${actor.workspaceId} FOR UPDATE`;
  const me = await tx.membership.findUnique({ where: { userId_workspaceId: { userId: actor.userId, workspaceId: actor.workspaceId } }, select: { role: true } });
  if (me?.role !== "owner") throw new ForbiddenError("Only a workspace owner can do this.");
}

async function findMemberOrThrow(tx: Tx, workspaceId: string, membershipId: string) {
  const member = await tx.membership.findFirst({
    where: { id: membershipId, workspaceId },
    select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } },
  });
  if (!member) throw new NotFoundError("That person is not a member of this workspace.");
  return member;
}

async function ownerCount(tx: Tx, workspaceId: string): Promise<number> {
  return tx.membership.count({ where: { workspaceId, role: "owner" } });
}

const nameOf = (m: { user: { name: string | null; email: string } }) => m.user.name ?? m.user.email;
const asRole: Record<Role, string> = { owner: "an owner", editor: "an editor", viewer: "a viewer" };

/** An owner changes someone's role (their own too, while another owner remains); their sessions end. */
export async function changeMemberRole(actor: Actor, input: unknown): Promise<MemberChangeResult> {
  await requireRole(actor, "owner");
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Check the answers marked below.", fieldErrors: fieldErrorsOf(parsed.error) };
  const { membershipId, role } = parsed.data;
  return db.$transaction(async (tx) => {
    await lockAsOwner(tx, actor);
    const member = await findMemberOrThrow(tx, actor.workspaceId, membershipId);
    if (member.role === role) return { ok: true, message: `${nameOf(member)} is already ${asRole[role]}.` } as const;
    if (member.role === "owner" && (await ownerCount(tx, actor.workspaceId)) <= 1) return { ok: false, message: LAST_OWNER } as const;
    await tx.membership.update({ where: { id: member.id }, data: { role } });
    // Their sessions may carry the old role: they sign in again under the new one.
    await endAllSessions(member.userId, tx);
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "member.role_change", entity: "Membership", entityId: member.id, data: { email: member.user.email, from: member.role, to: role } },
      tx,
    );
    return { ok: true, message: `${nameOf(member)} is now ${asRole[role]}.` } as const;
  });
}

/** An owner removes someone (themselves too, while another owner remains); their sessions end at once. */
export async function removeMember(actor: Actor, input: unknown): Promise<MemberChangeResult> {
  await requireRole(actor, "owner");
  const parsed = removeMemberSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Check the answers marked below.", fieldErrors: fieldErrorsOf(parsed.error) };
  return db.$transaction(async (tx) => {
    await lockAsOwner(tx, actor);
    const member = await findMemberOrThrow(tx, actor.workspaceId, parsed.data.membershipId);
    if (member.role === "owner" && (await ownerCount(tx, actor.workspaceId)) <= 1) return { ok: false, message: LAST_OWNER } as const;
    await tx.membership.delete({ where: { id: member.id } });
    await endAllSessions(member.userId, tx);
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "member.remove", entity: "Membership", entityId: member.id, data: { email: member.user.email, role: member.role } },
      tx,
    );
    return { ok: true, message: `${nameOf(member)} has been removed from the workspace.` } as const;
  });
}

/** An owner withdraws an invitation that has not been accepted; its link stops working. */
export async function revokeInvitation(actor: Actor, input: unknown): Promise<MemberChangeResult> {
  await requireRole(actor, "owner");
  const parsed = revokeInvitationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "That invitation was not found." };
  return db.$transaction(async (tx) => {
    await lockAsOwner(tx, actor);
    const invitation = await tx.invitation.findFirst({
      where: { id: parsed.data.invitationId, workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null },
      select: { id: true, email: true, role: true },
    });
    if (!invitation) throw new NotFoundError("That invitation was not found: it may have been accepted or withdrawn already.");
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now() } });
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "member.invitation_revoke", entity: "Invitation", entityId: invitation.id, data: { email: invitation.email, role: invitation.role } },
      tx,
    );
    return { ok: true, message: `The invitation to ${invitation.email} was withdrawn: its link no longer works.` } as const;
  });
}

/** An owner makes another member an owner and, if they choose, steps down to editor in the same step. */
export async function transferOwnership(actor: Actor, input: unknown): Promise<MemberChangeResult> {
  await requireRole(actor, "owner");
  const parsed = transferOwnershipSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Check the answers marked below.", fieldErrors: fieldErrorsOf(parsed.error) };
  const stepDown = parsed.data.stepDown === "yes";
  return db.$transaction(async (tx) => {
    await lockAsOwner(tx, actor);
    const member = await findMemberOrThrow(tx, actor.workspaceId, parsed.data.membershipId);
    if (member.userId === actor.userId) return { ok: false, message: "Choose someone other than yourself.", fieldErrors: { membershipId: ["Choose someone other than yourself."] } } as const;
    const changed: Array<{ userId: string; from: Role; to: Role }> = [];
    if (member.role !== "owner") {
      await tx.membership.update({ where: { id: member.id }, data: { role: "owner" } });
      changed.push({ userId: member.userId, from: member.role, to: "owner" });
    }
    if (stepDown) {
      await tx.membership.update({ where: { userId_workspaceId: { userId: actor.userId, workspaceId: actor.workspaceId } }, data: { role: "editor" } });
      changed.push({ userId: actor.userId, from: "owner", to: "editor" });
    }
    // Whoever's role changed signs in again under the new one.
    for (const c of changed) await endAllSessions(c.userId, tx);
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "member.ownership_transfer", entity: "Membership", entityId: member.id, data: { to: member.user.email, stepDown } },
      tx,
    );
    return { ok: true, message: stepDown ? `${nameOf(member)} is now an owner, and you are an editor.` : `${nameOf(member)} is now an owner.` } as const;
  });
}
