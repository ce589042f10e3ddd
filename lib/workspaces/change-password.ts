import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import { changePasswordSchema } from "@/lib/workspaces/schemas";

export type ChangePasswordResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * The user changes their own password; the current one is required unless a change is forced.
 * Every session of theirs ends with the change (someone who knew the old password is signed
 * out); the caller re-issues the current browser's session.
 */
export async function changePassword(userId: string, input: unknown): Promise<ChangePasswordResult> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, mustChangePassword: true } });
  const { currentPassword, newPassword } = parsed.data;
  if (user.passwordHash && !user.mustChangePassword) {
    if (!currentPassword || !(await verifyPassword(currentPassword, user.passwordHash))) {
      return { ok: false, fieldErrors: { currentPassword: ["That is not your current password."] } };
    }
  }
  if (user.passwordHash && (await verifyPassword(newPassword, user.passwordHash))) {
    return { ok: false, fieldErrors: { newPassword: ["Choose a password different from the one you were given."] } };
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false } });
    await endAllSessions(userId, tx);
    await recordAudit({ userId, action: "user.password_change", entity: "User", entityId: userId }, tx);
  });
  return { ok: true };
}
