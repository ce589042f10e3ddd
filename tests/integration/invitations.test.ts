import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acceptInvitation, findInvitation, inviteMember } from "@/lib/workspaces/invitations";
import { makeMember, makeWorkspace, unique } from "../support/factories";

/** The invitation link as emailed (the token exists nowhere else). */
async function tokenEmailedTo(email: string): Promise<string> {
  const mail = await db.delivery.findFirstOrThrow({ where: { toAddress: email }, orderBy: { createdAt: "desc" }, select: { text: true } });
  return /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}

describe("invitations", () => {
  it("an owner invites by email; the link creates the account once and only once", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const email = `${unique("invitee")}@example.org`;
    expect(await inviteMember(owner, { email: `  ${email.toUpperCase()} `, role: "editor" })).toEqual({ ok: true, email });
    const token = await tokenEmailedTo(email);
    expect(await db.invitation.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored
    expect(await findInvitation(token)).toMatchObject({ email, role: "editor", hasAccount: false });

    expect(await acceptInvitation({ token, name: "", password: "short" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Enter your name."], password: ["Use at least 12 characters."] },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);

    expect(await acceptInvitation({ token, name: "Ada <script>alert(1)</script> Ørsted", password: "a long enough password" })).toEqual({ ok: true, email });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { name: true, memberships: { select: { role: true, workspaceId: true } } } });
    expect(user.name).toBe("Ada <script>alert(1)</script> Ørsted"); // stored as text; React escapes it
    expect(user.memberships).toEqual([{ role: "editor", workspaceId: ws.id }]);

    expect(await acceptInvitation({ token, name: "Again", password: "a long enough password" })).toMatchObject({ ok: false, message: expect.stringMatching(/already been used/) });
    expect(await findInvitation(token)).toBeNull();
  });

  it("an expired invitation cannot be used", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const email = `${unique("late")}@example.org`;
    await inviteMember(owner, { email, role: "viewer" });
    const token = await tokenEmailedTo(email);
    await db.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitation(token)).toBeNull();
    expect(await acceptInvitation({ token, name: "Late", password: "a long enough password" })).toMatchObject({ ok: false });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses bad input and existing members next to the field", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    expect(await inviteMember(owner, { email: "", role: "editor" })).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    expect(await inviteMember(owner, { email: "a@example.org", role: "admin" })).toMatchObject({ ok: false, fieldErrors: { role: ["Choose owner, editor or viewer."] } });
    expect(await inviteMember(owner, { email: `${"x".repeat(320)}@example.org`, role: "viewer" })).toMatchObject({ ok: false });
    expect(await inviteMember(owner, { email: owner.email, role: "viewer" })).toMatchObject({ ok: false, fieldErrors: { email: ["That person is already a member of this workspace."] } });
  });
});
