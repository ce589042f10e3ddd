// Each test makes its own workspace and people, with unique names, through the real services.
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { copyDirectoryInto } from "@/lib/bodies/copy-directory";
import type { Actor } from "@/lib/auth/access";
import type { Role } from "@/lib/generated/prisma";

export function unique(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function makeWorkspace(options: { withDirectory?: boolean } = {}) {
  const slug = unique("ws");
  const workspace = await db.workspace.create({ data: { name: `Workspace ${slug}`, slug }, select: { id: true, slug: true, name: true } });
  if (options.withDirectory) await db.$transaction((tx) => copyDirectoryInto(tx, workspace.id));
  return workspace;
}

export async function makeMember(workspaceId: string, role: Role, passwordHash?: string): Promise<Actor & { email: string }> {
  const email = `${unique(role)}@example.org`;
  const user = await db.user.create({ data: { email, name: `Test ${role}`, passwordHash }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, workspaceId, role } });
  return { userId: user.id, workspaceId, email };
}
