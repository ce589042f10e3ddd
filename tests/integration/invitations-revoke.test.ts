import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { acceptInvitation, acceptInvitationAsUser, findInvitation, inviteMember } from "@/lib/workspaces/invitations";
import { makeMember, makeWorkspace, unique } from "../support/factories";

async function tokenEmailedTo(email: string): Promise<string> {
  const mail = await db.delivery.findFirstOrThrow({ where: { toAddress: email }, orderBy: { createdAt: "desc" }, select: { text: true } });
  return /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}

async function elapsedMs(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

describe("invitation links", () => {
  it("a revoked invitation's link stops working everywhere it is checked", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const email = `${unique("revoked")}@example.org`;
    await inviteMember(owner, { email, role: "editor" });
    const token = await tokenEmailedTo(email);
    await db.invitation.updateMany({ where: { email }, data: { revokedAt: new Date() } });

    expect(await findInvitation(token)).toBeNull();
    expect(await acceptInvitation({ token, name: "Revoked", password: "a long enough password" })).toMatchObject({ ok: false });
    expect(await db.user.count({ where: { email } })).toBe(0);

    // Someone with an account already, signed in as the invited email.
    const existing = await db.user.create({ data: { email }, select: { id: true } });
    expect(await acceptInvitationAsUser(existing.id, token)).toMatchObject({ ok: false });
    expect(await db.membership.count({ where: { userId: existing.id, workspaceId: ws.id } })).toBe(0);
  });

  it("a spent link is refused before any password is hashed (no bcrypt cost for a bad token)", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const email = `${unique("spent")}@example.org`;
    await inviteMember(owner, { email, role: "viewer" });
    const token = await tokenEmailedTo(email);
    expect(await acceptInvitation({ token, name: "First", password: "a long enough password" })).toMatchObject({ ok: true });

    // bcrypt's cost on this machine, measured now, against the answer for the spent link and
    // for a link that never existed. Hashing first would make each answer at least this slow.
    const bcryptMs = Math.min(await elapsedMs(() => hashPassword("a long enough password")), await elapsedMs(() => hashPassword("another long password")));
    const spentMs = await elapsedMs(async () => expect(await acceptInvitation({ token, name: "Again", password: "a long enough password" })).toMatchObject({ ok: false }));
    const unknownMs = await elapsedMs(async () =>
      expect(await acceptInvitation({ token: "x".repeat(43), name: "Nobody", password: "a long enough password" })).toMatchObject({ ok: false }),
    );
    expect(spentMs).toBeLessThan(bcryptMs / 2);
    expect(unknownMs).toBeLessThan(bcryptMs / 2);
  });
});
