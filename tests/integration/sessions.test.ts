// Sessions that can be ended, and the sign-in service behind the POST forms.
import { describe, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { issueSessionToken } from "@/lib/auth/session-cookie";
import { endAllSessions, signOutEverywhere } from "@/lib/auth/sessions";
import { requestSignInLink, signInWithPassword } from "@/lib/auth/sign-in";
import { changePassword } from "@/lib/workspaces/change-password";
import { makeMember, makeWorkspace, unique } from "../support/factories";

const version = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })).sessionVersion;

describe("ending sessions", () => {
  it("a session carries the version it was issued under; ending sessions makes it stale", async () => {
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "editor");
    const token = await decode({ token: await issueSessionToken(member.userId), secret: env().NEXTAUTH_SECRET! });
    expect(token).toMatchObject({ uid: member.userId, sv: 0 });
    await endAllSessions(member.userId);
    expect(await version(member.userId)).toBe(1);
    const fresh = await decode({ token: await issueSessionToken(member.userId), secret: env().NEXTAUTH_SECRET! });
    expect(fresh?.sv).toBe(1);
  });

  it("changing a password ends every session of that person, in the same commit, and nobody else's", async () => {
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "editor", await hashPassword("the old long password"));
    const other = await makeMember(ws.id, "editor");
    expect(await changePassword(member.userId, { currentPassword: "the old long password", newPassword: "the new long password", confirmPassword: "the new long password" })).toEqual({ ok: true });
    expect(await version(member.userId)).toBe(1);
    expect(await version(other.userId)).toBe(0);
    // A refused change ends nothing.
    await changePassword(member.userId, { currentPassword: "wrong", newPassword: "yet another password", confirmPassword: "yet another password" });
    expect(await version(member.userId)).toBe(1);
  });

  it("sign out everywhere ends every session and says so in each workspace's audit log", async () => {
    const [one, two] = [await makeWorkspace(), await makeWorkspace()];
    const member = await makeMember(one.id, "viewer");
    await db.membership.create({ data: { userId: member.userId, workspaceId: two.id, role: "editor" } });
    await signOutEverywhere(member.userId);
    expect(await version(member.userId)).toBe(1);
    const entries = await db.auditLog.findMany({ where: { userId: member.userId, action: "user.sign_out_everywhere" }, select: { workspaceId: true } });
    expect(entries.map((e) => e.workspaceId).sort()).toEqual([one.id, two.id].sort());
  });
});

describe("the sign-in forms' service", () => {
  it("signs in, audits the sign-in in the person's workspace, and sends a forced password change to its page", async () => {
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "editor", await hashPassword("a long enough password"));
    const ok = await signInWithPassword({ email: member.email, password: "a long enough password", callbackUrl: "/requests?status=overdue" }, null);
    expect(ok).toEqual({ ok: true, userId: member.userId, mustChangePassword: false, next: "/requests?status=overdue" });
    expect(await db.auditLog.count({ where: { workspaceId: ws.id, userId: member.userId, action: "user.sign_in" } })).toBe(1);
    await db.user.update({ where: { id: member.userId }, data: { mustChangePassword: true } });
    expect(await signInWithPassword({ email: member.email, password: "a long enough password", callbackUrl: "https://evil.example/" }, null)).toMatchObject({ ok: true, next: "/account/password" });
  });

  it("answers bad input with a code for the page, never an exception, and keeps the typed email (not the password)", async () => {
    expect(await signInWithPassword({}, null)).toEqual({ ok: false, code: "missing-email", email: "" });
    expect(await signInWithPassword({ email: "a@example.org" }, null)).toEqual({ ok: false, code: "missing-password", email: "a@example.org" });
    expect(await signInWithPassword({ email: "x".repeat(5000), password: "p" }, null)).toMatchObject({ ok: false, code: "missing-email" });
    const unknown = `${unique("nobody")}@example.org`;
    expect(await signInWithPassword({ email: unknown, password: "whatever it is" }, null)).toEqual({ ok: false, code: "invalid", email: unknown });
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "viewer", await hashPassword("a long enough password"));
    for (let i = 0; i < 5; i++) await signInWithPassword({ email: member.email, password: `guess ${i}` }, null);
    expect(await signInWithPassword({ email: member.email, password: "a long enough password" }, null)).toMatchObject({ ok: false, code: "locked", retryAfterMinutes: 15 });
  });

  it("stores a sign-in link's token hashed, only for an existing account, and refuses a malformed address", async () => {
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "viewer");
    expect(await requestSignInLink({ email: `  ${member.email.toUpperCase()} ` })).toEqual({ ok: true, email: member.email });
    const tokens = await db.verificationToken.findMany({ where: { identifier: member.email } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.token).toMatch(/^[0-9a-f]{64}$/);
    const unknown = `${unique("nobody")}@example.org`;
    expect(await requestSignInLink({ email: unknown })).toEqual({ ok: true, email: unknown });
    expect(await db.verificationToken.count({ where: { identifier: unknown } })).toBe(0);
    expect(await requestSignInLink({ email: "<script>alert(1)</script>" })).toMatchObject({ ok: false, code: "link-email" });
  });
});
