// An owner changes a member's role and withdraws an invitation on the Members page, then
// finds both in the audit log by filtering.
import { test, expect } from "@playwright/test";
import { createMember, uniqueEmail } from "../support/browser-db";

// Signed in as the seeded owner (project "chromium" storageState, saved by owner.setup.ts).

test("an owner changes a role, withdraws an invitation and filters the audit log", async ({ page }) => {
  const member = await createMember("viewer");
  const invitee = uniqueEmail("withdrawn");

  await page.goto("/members");
  await page.getByLabel("Email address").fill(invitee);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: invitee })).toBeVisible();

  // Each row has its own labelled role control.
  const row = page.getByRole("row").filter({ hasText: member.email });
  await row.getByLabel(`Role of ${member.name}`).selectOption("editor");
  await row.getByRole("button", { name: `Change role of ${member.name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${member.name} is now an editor.`);
  await expect(row).toContainText("Editor: changes requests");

  await page.getByRole("listitem").filter({ hasText: invitee }).getByRole("button", { name: `Withdraw the invitation to ${invitee}` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: invitee })).toHaveCount(0);

  await page.getByRole("link", { name: "Audit log" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("Kind").selectOption({ label: "Changed someone's role" });
  await page.getByLabel("From").fill("32/13/2021");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("Enter a real date, like 31/08/2021.")).toBeVisible();
  await expect(page.getByLabel("From")).toHaveAttribute("aria-invalid", "true");
  const entry = page.getByRole("row").filter({ hasText: member.email });
  await expect(entry).toContainText("Changed someone's role");
  await expect(entry).toContainText("from: viewer; to: editor");

  await page.getByLabel("Kind").selectOption({ label: "Withdrew an invitation" });
  await page.getByLabel("From").fill("");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row").filter({ hasText: invitee })).toContainText("Withdrew an invitation");
  await expect(page.getByRole("row").filter({ hasText: member.email })).toHaveCount(0);
});
