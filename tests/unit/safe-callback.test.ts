import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

describe("sign-in callback paths", () => {
  it.each([
    ["/trusts?region=London", "/trusts?region=London"],
    ["/invite/abc", "/invite/abc"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ])("%j -> %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
