import { describe, expect, it } from "vitest";
import { formatAuditDetails, formatAuditWhen } from "@/lib/audit/format";
import { auditActionLabel } from "@/lib/audit/actions";

describe("audit entries in plain English", () => {
  it("shows UK time with the weekday, in summer and winter", () => {
    expect(formatAuditWhen(new Date("2021-09-06T13:05:00Z"))).toBe("Monday 6 September 2021 at 14:05");
    expect(formatAuditWhen(new Date("2021-12-24T23:59:00Z"))).toBe("Friday 24 December 2021 at 23:59");
  });

  it("lists details in a stable order whatever order the database returns keys in", () => {
    expect(formatAuditDetails({ to: "editor", from: "viewer", email: "a@example.org" })).toBe("email: a@example.org; from: viewer; to: editor");
    expect(formatAuditDetails({ stepDown: true, to: "b@example.org" })).toBe("to: b@example.org; stepped down to editor: yes");
    expect(formatAuditDetails(null)).toBe("");
  });

  it("labels every known action, and shows an unknown one as written", () => {
    expect(auditActionLabel("member.role_change")).toBe("Changed someone's role");
    expect(auditActionLabel("something.old")).toBe("something.old");
  });
});
