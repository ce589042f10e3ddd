// The session cookie is read without next-auth's handler (lib/auth/session.ts): a token issued
// in next-auth's own format must read back, and anything else must read as signed out.
import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { readSessionToken } from "@/lib/auth/session";

const SECRET = "a-test-secret-of-at-least-32-characters-0123";

describe("reading the session cookie", () => {
  it("reads the person and session version from a token next-auth issued", async () => {
    const token = await encode({ token: { sub: "u1", uid: "u1", sv: 3, email: "a@example.org" }, secret: SECRET, maxAge: 60 });
    expect(await readSessionToken(token, SECRET)).toEqual({ uid: "u1", sv: 3 });
    // The key is derived once per secret: a second read, and a read under another secret, still hold.
    expect(await readSessionToken(token, SECRET)).toEqual({ uid: "u1", sv: 3 });
    const other = await encode({ token: { uid: "u2", sv: 0 }, secret: `${SECRET}-other`, maxAge: 60 });
    expect(await readSessionToken(other, `${SECRET}-other`)).toEqual({ uid: "u2", sv: 0 });
  });

  it("treats a token under another secret, a changed token, an expired one or rubbish as no session", async () => {
    const token = await encode({ token: { uid: "u1", sv: 1 }, secret: SECRET, maxAge: 60 });
    expect(await readSessionToken(token, `${SECRET}-other`)).toBeNull();
    const parts = token.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith("AA") ? "BB" : "AA"}`;
    expect(await readSessionToken(parts.join("."), SECRET)).toBeNull();
    const expired = await encode({ token: { uid: "u1", sv: 1 }, secret: SECRET, maxAge: -60 });
    expect(await readSessionToken(expired, SECRET)).toBeNull();
    expect(await readSessionToken("not-a-token", SECRET)).toBeNull();
    expect(await readSessionToken("", SECRET)).toBeNull();
    // A token without a person (signed in through nothing of ours) is no session either.
    const anonymous = await encode({ token: { email: "a@example.org" }, secret: SECRET, maxAge: 60 });
    expect(await readSessionToken(anonymous, SECRET)).toBeNull();
  });
});
