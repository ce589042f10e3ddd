import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { createUserSchema, type CreateUserInput } from "@/lib/workspaces/schemas";

/**
 * Adds a person to a workspace from the command line (an operator's tool, so no actor).
 * Without a password, one is generated, returned once, and must be changed at first sign-in.
 */
export async function unsafeCreateUser(input: CreateUserInput): Promise<{ userId: string; email: string; workspace: string; password: string | null }> {
  const data = createUserSchema.parse(input);
  const workspace = await db.workspace.findFirst({
    where: { OR: [{ slug: data.workspace }, { name: { equals: data.workspace, mode: "insensitive" } }] },
    select: { id: true, name: true },
  });
  if (!workspace) throw new Error(`No workspace called "${data.workspace}".`);
  const generated = data.password ? null : generatePassword();
  const passwordHash = await hashPassword(data.password ?? generated!);
  const user = await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    const user =
      existing ??
      (await tx.user.create({
        data: { email: data.email, name: data.name, passwordHash, mustChangePassword: generated !== null, emailVerified: null },
        select: { id: true },
      }));
    await tx.membership.upsert({
      where: { userId_workspaceId: { userId: user.id, workspaceId: workspace.id } },
      create: { userId: user.id, workspaceId: workspace.id, role: data.role },
      update: { role: data.role },
    });
    await recordAudit({ workspaceId: workspace.id, action: "member.add", entity: "User", entityId: user.id, data: { role: data.role, via: "command line" } }, tx);
    return { id: user.id, isNew: !existing };
  });
  return { userId: user.id, email: data.email, workspace: workspace.name, password: user.isNew ? generated : null };
}
