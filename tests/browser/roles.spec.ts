// Roles on a trust's page: a viewer reads only; an editor saves the trust's FOI email, and a
// malformed one is explained next to its field.
import { test, expect } from "@playwright/test";
import { createMember, findBodyId } from "../support/browser-db";
import { signIn } from "../support/browser-pages";

test.use({ storageState: { cookies: [], origins: [] } });

test("a viewer sees the trust but cannot edit it", async ({ page }) => {
  const viewer = await createMember("viewer");
  const bodyId = await findBodyId("Oxleas");
  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/trusts/${bodyId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Oxleas NHS Foundation Trust" })).toBeVisible();
  await expect(page.getByText("You have read-only access to this workspace, so you cannot edit this body.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByLabel("FOI email address")).toHaveCount(0);
});

test("an editor saves a trust's FOI email, and a malformed one is explained next to the field", async ({ page }) => {
  const editor = await createMember("editor");
  const bodyId = await findBodyId("Oxleas");
  await signIn(page, editor.email, editor.password);
  await page.goto(`/trusts/${bodyId}`);
  await expect(page.getByText("You have read-only access")).toHaveCount(0);

  const emailInput = page.getByLabel("FOI email address");
  const status = page.getByRole("status");

  await emailInput.fill("foi at oxleas");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(status).toHaveText("Check the answers marked below.");
  const field = page.locator(".field").filter({ has: emailInput });
  await expect(field.locator(".field-error")).toHaveText("Enter an email address, like foi@trust.nhs.uk.");
  await expect(emailInput).toHaveAttribute("aria-invalid", "true");
  await expect(emailInput).toHaveAttribute("aria-describedby", /field-foiEmail-error/);
  // The refused form keeps what was typed, so it can be corrected rather than retyped.
  await expect(emailInput).toHaveValue("foi at oxleas");

  await emailInput.fill("foi@oxleas.nhs.uk");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(status).toHaveText("Saved.");
  await expect(field.locator(".field-error")).toHaveCount(0);

  // Saved for real: a fresh load shows it in the trust's facts.
  await page.reload();
  await expect(page.locator("dl.facts")).toContainText("foi@oxleas.nhs.uk");
  await expect(page.getByLabel("FOI email address")).toHaveValue("foi@oxleas.nhs.uk");
});
