import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authorizePassword, sendSignInLink, SIGN_IN_ERRORS } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { checkLoginAllowed, clientAddress, MAX_FAILURES_PER_EMAIL, MAX_SIGN_IN_LINKS_PER_EMAIL } from "@/lib/auth/rate-limit";
import { changePassword } from "@/lib/workspaces/change-password";
import { makeMember, makeWorkspace, unique } from "../support/factories";

const passwordAuthorize = () => (credentials: Record<string, string>, ip: string | null) => authorizePassword(credentials, ip);
const headers = (ip: string) => ip;

describe("password sign-in", () => {
  it("accepts the right password and refuses a wrong one with one message for both unknown email and wrong password", async () => {
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "editor", await hashPassword("correct horse battery staple"));
    const authorize = passwordAuthorize();
    await expect(authorize({ email: member.email.toUpperCase(), password: "correct horse battery staple" }, headers("10.0.0.1"))).resolves.toMatchObject({ id: member.userId });
    await expect(authorize({ email: member.email, password: "wrong" }, headers("10.0.0.1"))).rejects.toThrow(SIGN_IN_ERRORS.invalid);
    await expect(authorize({ email: `${unique("nobody")}@example.org`, password: "wrong" }, headers("10.0.0.1"))).rejects.toThrow(SIGN_IN_ERRORS.invalid);
    await expect(authorize({ email: "not an email", password: "x" }, headers("10.0.0.1"))).rejects.toThrow(SIGN_IN_ERRORS.invalid);
  });

  it(`locks an email after ${MAX_FAILURES_PER_EMAIL} failures for 15 minutes, even with the right password`, async () => {
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "viewer", await hashPassword("correct horse battery staple"));
    const authorize = passwordAuthorize();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      await expect(authorize({ email: member.email, password: `guess ${i}` }, headers(`10.0.1.${i}`))).rejects.toThrow(SIGN_IN_ERRORS.invalid);
    }
    await expect(authorize({ email: member.email, password: "correct horse battery staple" }, headers("10.0.2.1"))).rejects.toThrow(/Too many attempts: try again in 15 minutes/);
    // Another person is not affected.
    const other = await makeMember(ws.id, "viewer", await hashPassword("another long password"));
    await expect(authorize({ email: other.email, password: "another long password" }, headers("10.0.2.1"))).resolves.toMatchObject({ id: other.userId });
    // After the window, the right password works again.
    expect((await checkLoginAllowed(member.email, "10.0.3.1", new Date(Date.now() + 16 * 60_000))).allowed).toBe(true);
  });

  it("counts parallel guesses: at most 5 of 12 simultaneous attempts reach the password check", async () => {
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "viewer", await hashPassword("correct horse battery staple"));
    const authorize = passwordAuthorize();
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => authorize({ email: member.email, password: `guess ${i}` }, null)));
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "signed in"));
    expect(messages.filter((m) => m === SIGN_IN_ERRORS.invalid)).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(messages.filter((m) => m.startsWith("Too many attempts"))).toHaveLength(12 - MAX_FAILURES_PER_EMAIL);
  });

  it("believes only the address added by a trusted proxy", () => {
    expect(clientAddress("203.0.113.9", 0)).toBeNull();
    expect(clientAddress("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress(undefined, 1)).toBeNull();
  });
});

describe("changing a generated password", () => {
  it("requires a different, long enough password, and clears the forced change", async () => {
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "owner", await hashPassword("generated-password-1"));
    await db.user.update({ where: { id: member.userId }, data: { mustChangePassword: true } });
    expect(await changePassword(member.userId, { newPassword: "short", confirmPassword: "short" })).toEqual({ ok: false, fieldErrors: { newPassword: ["Use at least 12 characters."] } });
    expect(await changePassword(member.userId, { newPassword: "a long new password", confirmPassword: "another" })).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ["The two new passwords do not match."] } });
    expect(await changePassword(member.userId, { newPassword: "generated-password-1", confirmPassword: "generated-password-1" })).toMatchObject({ ok: false, fieldErrors: { newPassword: [expect.stringMatching(/different/)] } });
    expect(await changePassword(member.userId, { newPassword: "a long new password", confirmPassword: "a long new password" })).toEqual({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { mustChangePassword: true } });
    expect(user.mustChangePassword).toBe(false);
    // Now the current password is required.
    expect(await changePassword(member.userId, { newPassword: "yet another password", confirmPassword: "yet another password" })).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["That is not your current password."] } });
  });
});

describe("magic links", () => {
  it("are emailed only to people with an account, and say so only in the email", async () => {
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "viewer");
    const stranger = `${unique("stranger")}@example.org`;
    await sendSignInLink({ identifier: member.email, url: "http://localhost:3000/api/auth/callback/email?token=abc" });
    await sendSignInLink({ identifier: stranger, url: "http://localhost:3000/api/auth/callback/email?token=def" });
    const toMember = await db.delivery.findMany({ where: { toAddress: member.email }, select: { text: true, state: true } });
    expect(toMember).toHaveLength(1);
    expect(toMember[0]!.text).toContain("token=abc");
    expect(toMember[0]!.state).not.toBe("failed");
    expect(await db.delivery.count({ where: { toAddress: stranger } })).toBe(0);
  });

  it(`are limited to ${MAX_SIGN_IN_LINKS_PER_EMAIL} per address per 15 minutes`, async () => {
    const ws = await makeWorkspace();
    const member = await makeMember(ws.id, "viewer");
    for (let i = 0; i < MAX_SIGN_IN_LINKS_PER_EMAIL + 2; i++) await sendSignInLink({ identifier: member.email, url: `http://localhost:3000/x?token=${i}` });
    expect(await db.delivery.count({ where: { toAddress: member.email } })).toBe(MAX_SIGN_IN_LINKS_PER_EMAIL);
  });
});
