import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { countBodiesByOutcome, getBody, listBodies } from "@/lib/bodies/queries";
import { updateBody } from "@/lib/bodies/update-body";
import { getDashboard, listRequests } from "@/lib/requests/queries";
import { getRequest } from "@/lib/requests/get-request";
import { inviteMember, listMembers } from "@/lib/workspaces/invitations";
import { makeMember, makeWorkspace } from "../support/factories";

async function twoCampaigns() {
  const a = await makeWorkspace({ withDirectory: true });
  const b = await makeWorkspace({ withDirectory: true });
  const ownerA = await makeMember(a.id, "owner");
  const ownerB = await makeMember(b.id, "owner");
  const bodyA = await db.publicBody.findFirstOrThrow({ where: { workspaceId: a.id, key: "oxleas" }, select: { id: true } });
  const request = await db.foiRequest.create({
    data: { workspaceId: a.id, bodyId: bodyA.id, title: "A's private request", letter: "Dear Oxleas", channel: "email", status: "draft" },
    select: { id: true },
  });
  return { a, b, ownerA, ownerB, bodyA, request };
}

describe("a member of another workspace gets nothing from any service", () => {
  it("reads: lists show only their own workspace, ids from another workspace are not found", async () => {
    const { ownerB, bodyA, request } = await twoCampaigns();
    const listed = await listBodies(ownerB, { q: "Oxleas" });
    expect(listed.bodies).toHaveLength(1);
    expect(listed.bodies[0]!.id).not.toBe(bodyA.id);
    await expect(getBody(ownerB, bodyA.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequest(ownerB, request.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listRequests(ownerB)).rows.map((r) => r.id)).not.toContain(request.id);
    expect((await getDashboard(ownerB)).total).toBe(0);
  });

  it("writes: another workspace's body cannot be changed, and nothing is saved", async () => {
    const { ownerB, bodyA } = await twoCampaigns();
    await expect(updateBody(ownerB, { bodyId: bodyA.id, foiEmail: "attacker@example.org", website: null, notes: null })).rejects.toBeInstanceOf(NotFoundError);
    const after = await db.publicBody.findUniqueOrThrow({ where: { id: bodyA.id }, select: { foiEmail: true } });
    expect(after.foiEmail).toBeNull();
  });

  it("naming another workspace in the actor is refused outright", async () => {
    const { a, ownerB, bodyA, request } = await twoCampaigns();
    const forged = { userId: ownerB.userId, workspaceId: a.id };
    for (const call of [
      () => listBodies(forged),
      () => getBody(forged, bodyA.id),
      () => countBodiesByOutcome(forged),
      () => getRequest(forged, request.id),
      () => listRequests(forged),
      () => getDashboard(forged),
      () => listMembers(forged),
      () => updateBody(forged, { bodyId: bodyA.id, foiEmail: null, website: null, notes: "x" }),
      () => inviteMember(forged, { email: "new@example.org", role: "owner" }),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("roles", () => {
  it("a viewer reads but cannot edit; an editor edits but cannot invite", async () => {
    const { a, bodyA } = await twoCampaigns();
    const viewer = await makeMember(a.id, "viewer");
    const editor = await makeMember(a.id, "editor");
    await expect(getBody(viewer, bodyA.id)).resolves.toMatchObject({ id: bodyA.id });
    await expect(updateBody(viewer, { bodyId: bodyA.id, foiEmail: "foi@oxleas.nhs.uk", website: null, notes: null })).rejects.toThrow(/view this workspace but not change it/);
    await updateBody(editor, { bodyId: bodyA.id, foiEmail: "foi@oxleas.nhs.uk", website: null, notes: null });
    expect((await getBody(viewer, bodyA.id)).foiEmail).toBe("foi@oxleas.nhs.uk");
    await expect(inviteMember(editor, { email: "x@example.org", role: "viewer" })).rejects.toThrow(/Only a workspace owner/);
    const audit = await db.auditLog.findFirst({ where: { workspaceId: a.id, action: "body.update" }, select: { userId: true } });
    expect(audit?.userId).toBe(editor.userId);
  });
});
