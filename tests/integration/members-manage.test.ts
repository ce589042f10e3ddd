import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findInvitation, inviteMember } from "@/lib/workspaces/invitations";
import { changeMemberRole, removeMember, revokeInvitation, transferOwnership } from "@/lib/workspaces/members";
import type { Actor } from "@/lib/auth/access";
import { makeMember, makeWorkspace, unique } from "../support/factories";

const membershipOf = (a: Actor) => db.membership.findUniqueOrThrow({ where: { userId_workspaceId: { userId: a.userId, workspaceId: a.workspaceId } }, select: { id: true, role: true } });
const sessionVersion = async (a: Actor) => (await db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { sessionVersion: true } })).sessionVersion;
const owners = (workspaceId: string) => db.membership.count({ where: { workspaceId, role: "owner" } });
const audit = (workspaceId: string, action: string) => db.auditLog.findMany({ where: { workspaceId, action }, select: { userId: true, data: true } });

describe("owners manage people", () => {
  it("the last owner cannot be demoted or removed, not even by themselves", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const mine = await membershipOf(owner);
    expect(await changeMemberRole(owner, { membershipId: mine.id, role: "editor" })).toMatchObject({ ok: false, message: expect.stringMatching(/at least one owner/) });
    expect(await removeMember(owner, { membershipId: mine.id, confirm: "yes" })).toMatchObject({ ok: false, message: expect.stringMatching(/at least one owner/) });
    expect((await membershipOf(owner)).role).toBe("owner");
    expect(await sessionVersion(owner)).toBe(0);
  });

  it("changing a role and removing someone end that person's sessions and are audited", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const editor = await makeMember(ws.id, "editor");
    const viewer = await makeMember(ws.id, "viewer");
    expect(await changeMemberRole(owner, { membershipId: (await membershipOf(editor)).id, role: "viewer" })).toMatchObject({ ok: true });
    expect((await membershipOf(editor)).role).toBe("viewer");
    expect(await sessionVersion(editor)).toBe(1);

    // Removal needs the confirmation box.
    const viewerMembership = await membershipOf(viewer);
    expect(await removeMember(owner, { membershipId: viewerMembership.id })).toMatchObject({ ok: false, fieldErrors: { confirm: [expect.any(String)] } });
    expect(await removeMember(owner, { membershipId: viewerMembership.id, confirm: "yes" })).toMatchObject({ ok: true });
    expect(await db.membership.count({ where: { id: viewerMembership.id } })).toBe(0);
    expect(await sessionVersion(viewer)).toBe(1);
    expect(await sessionVersion(owner)).toBe(0);

    expect(await audit(ws.id, "member.role_change")).toEqual([{ userId: owner.userId, data: { email: editor.email, from: "editor", to: "viewer" } }]);
    expect(await audit(ws.id, "member.remove")).toEqual([{ userId: owner.userId, data: { email: viewer.email, role: "viewer" } }]);
  });

  it("two owners demoting each other at the same moment leave one owner", async () => {
    for (let round = 0; round < 3; round++) {
      const ws = await makeWorkspace();
      const a = await makeMember(ws.id, "owner");
      const b = await makeMember(ws.id, "owner");
      const [ma, mb] = [await membershipOf(a), await membershipOf(b)];
      const results = await Promise.allSettled([
        changeMemberRole(a, { membershipId: mb.id, role: "editor" }),
        changeMemberRole(b, { membershipId: ma.id, role: "editor" }),
        changeMemberRole(a, { membershipId: ma.id, role: "viewer" }),
        changeMemberRole(b, { membershipId: mb.id, role: "viewer" }),
      ]);
      expect(await owners(ws.id)).toBe(1);
      expect(results.some((r) => r.status === "fulfilled" && r.value.ok)).toBe(true);
    }
  });

  it("two owners removing each other at the same moment leave one owner", async () => {
    const ws = await makeWorkspace();
    const a = await makeMember(ws.id, "owner");
    const b = await makeMember(ws.id, "owner");
    const [ma, mb] = [await membershipOf(a), await membershipOf(b)];
    await Promise.allSettled([removeMember(a, { membershipId: mb.id, confirm: "yes" }), removeMember(b, { membershipId: ma.id, confirm: "yes" })]);
    expect(await owners(ws.id)).toBe(1);
  });

  it("an owner hands over ownership and steps down; the new owner's and their own sessions end", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const editor = await makeMember(ws.id, "editor");
    const target = await membershipOf(editor);
    expect(await transferOwnership(owner, { membershipId: target.id, stepDown: "yes" })).toMatchObject({ ok: false, fieldErrors: { confirm: [expect.any(String)] } });
    expect(await transferOwnership(owner, { membershipId: (await membershipOf(owner)).id, confirm: "yes" })).toMatchObject({ ok: false });
    expect(await transferOwnership(owner, { membershipId: target.id, stepDown: "yes", confirm: "yes" })).toMatchObject({ ok: true });
    expect((await membershipOf(editor)).role).toBe("owner");
    expect((await membershipOf(owner)).role).toBe("editor");
    expect(await owners(ws.id)).toBe(1);
    expect([await sessionVersion(editor), await sessionVersion(owner)]).toEqual([1, 1]);
    expect(await audit(ws.id, "member.ownership_transfer")).toEqual([{ userId: owner.userId, data: { to: editor.email, stepDown: true } }]);
    // The former owner is now an editor and can no longer manage people.
    await expect(changeMemberRole(owner, { membershipId: target.id, role: "viewer" })).rejects.toThrow(/Only a workspace owner/);
  });

  it("an owner withdraws an invitation: its link stops working and the withdrawal is audited", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const email = `${unique("withdrawn")}@example.org`;
    await inviteMember(owner, { email, role: "editor" });
    const mail = await db.delivery.findFirstOrThrow({ where: { toAddress: email }, select: { text: true } });
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const invitation = await db.invitation.findFirstOrThrow({ where: { email }, select: { id: true } });
    expect(await revokeInvitation(owner, { invitationId: invitation.id })).toMatchObject({ ok: true });
    expect(await findInvitation(token)).toBeNull();
    await expect(revokeInvitation(owner, { invitationId: invitation.id })).rejects.toThrow(/not found/);
    expect(await audit(ws.id, "member.invitation_revoke")).toEqual([{ userId: owner.userId, data: { email, role: "editor" } }]);
  });

  it("another workspace's member and invitation ids are not found", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const other = await makeWorkspace();
    const theirOwner = await makeMember(other.id, "owner");
    const theirEditor = await makeMember(other.id, "editor");
    await inviteMember(theirOwner, { email: `${unique("theirs")}@example.org`, role: "viewer" });
    const theirInvitation = await db.invitation.findFirstOrThrow({ where: { workspaceId: other.id }, select: { id: true } });
    const theirs = await membershipOf(theirEditor);
    await expect(changeMemberRole(owner, { membershipId: theirs.id, role: "viewer" })).rejects.toThrow(/not a member of this workspace/);
    await expect(removeMember(owner, { membershipId: theirs.id, confirm: "yes" })).rejects.toThrow(/not a member of this workspace/);
    await expect(transferOwnership(owner, { membershipId: theirs.id, confirm: "yes" })).rejects.toThrow(/not a member of this workspace/);
    await expect(revokeInvitation(owner, { invitationId: theirInvitation.id })).rejects.toThrow(/not found/);
    expect((await membershipOf(theirEditor)).role).toBe("editor");
    expect(await db.invitation.count({ where: { id: theirInvitation.id, revokedAt: null } })).toBe(1);
    expect(await sessionVersion(theirEditor)).toBe(0);
  });

  it("editors and viewers cannot manage people", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const editor = await makeMember(ws.id, "editor");
    const viewer = await makeMember(ws.id, "viewer");
    await inviteMember(owner, { email: `${unique("pending")}@example.org`, role: "viewer" });
    const invitation = await db.invitation.findFirstOrThrow({ where: { workspaceId: ws.id }, select: { id: true } });
    const ownerMembership = await membershipOf(owner);
    for (const actor of [editor, viewer]) {
      await expect(changeMemberRole(actor, { membershipId: ownerMembership.id, role: "viewer" })).rejects.toThrow(/Only a workspace owner/);
      await expect(changeMemberRole(actor, { membershipId: (await membershipOf(actor)).id, role: "owner" })).rejects.toThrow(/Only a workspace owner/);
      await expect(removeMember(actor, { membershipId: ownerMembership.id, confirm: "yes" })).rejects.toThrow(/Only a workspace owner/);
      await expect(revokeInvitation(actor, { invitationId: invitation.id })).rejects.toThrow(/Only a workspace owner/);
      await expect(transferOwnership(actor, { membershipId: (await membershipOf(actor)).id, confirm: "yes" })).rejects.toThrow(/Only a workspace owner/);
    }
    expect(await owners(ws.id)).toBe(1);
    expect(await db.invitation.count({ where: { id: invitation.id, revokedAt: null } })).toBe(1);
  });
});
