import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/auth/errors";
import { getWorkspaceMailbox, setWorkspaceMailbox } from "@/lib/workspaces/mailbox";
import { mailboxSchema } from "@/lib/workspaces/schemas";
import { makeMember, makeWorkspace } from "../support/factories";

describe("the campaign mailbox (Reply-To of letters)", () => {
  it("an owner sets and clears it; the change is audited", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    await setWorkspaceMailbox(owner, mailboxSchema.parse({ mailbox: "  Replies@LXP.example " }));
    expect(await getWorkspaceMailbox(owner)).toBe("replies@lxp.example");
    await setWorkspaceMailbox(owner, mailboxSchema.parse({ mailbox: "" }));
    expect(await getWorkspaceMailbox(owner)).toBeNull();
    const audit = await db.auditLog.findMany({ where: { workspaceId: ws.id, action: "workspace.mailbox" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.data)).toEqual([
      { from: null, to: "replies@lxp.example" },
      { from: "replies@lxp.example", to: null },
    ]);
  });

  it("editors cannot change it, and nobody changes another workspace's", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace();
    const editor = await makeMember(ws.id, "editor");
    await expect(setWorkspaceMailbox(editor, { mailbox: "x@example.org" })).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await makeMember(other.id, "owner");
    await expect(setWorkspaceMailbox({ ...outsider, workspaceId: ws.id }, { mailbox: "x@example.org" })).rejects.toThrow();
    expect((await db.workspace.findUniqueOrThrow({ where: { id: ws.id } })).mailbox).toBeNull();
  });

  it("refuses what is not an email address", () => {
    for (const bad of ["not an address", "<script>@x", "a@b", `${"x".repeat(320)}@example.org`]) {
      expect(mailboxSchema.safeParse({ mailbox: bad }).success).toBe(false);
    }
  });
});
