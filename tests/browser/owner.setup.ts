// The seeded owner's first sign-in: the generated password works once, the app insists on a
// new one before anything else, and then the dashboard shows the campaign. The signed-in
// session is saved for the other tests (project "chromium" uses it as storageState).
import { test as setup, expect } from "@playwright/test";
import { OWNER_NEW_PASSWORD, OWNER_STORAGE_STATE, readState } from "../support/browser-env";
import { submitPassword } from "../support/browser-pages";

setup.use({ storageState: { cookies: [], origins: [] } });

setup("the seeded owner signs in and must choose their own password first", async ({ page }) => {
  const { ownerEmail, ownerSeedPassword, workspaceName } = readState();

  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to FOI Tracker" })).toBeVisible();

  await submitPassword(page, ownerEmail, ownerSeedPassword);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { level: 1, name: "Choose your own password" })).toBeVisible();
  await expect(page.getByText("You signed in with a password we generated for you.")).toBeVisible();

  // Every other page sends them back here until they have changed it.
  await page.goto("/trusts");
  await expect(page).toHaveURL(/\/account\/password$/);

  // The generated password cannot be kept.
  await page.getByLabel("New password", { exact: true }).fill(ownerSeedPassword);
  await page.getByLabel("New password again").fill(ownerSeedPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Choose a password different from the one you were given.")).toBeVisible();

  await page.getByLabel("New password", { exact: true }).fill(OWNER_NEW_PASSWORD);
  await page.getByLabel("New password again").fill(OWNER_NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();

  await expect(page).toHaveURL(/\/\?password=changed$/);
  await expect(page.getByRole("heading", { level: 1, name: workspaceName })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Requests by state" })).toBeVisible();

  await page.context().storageState({ path: OWNER_STORAGE_STATE });
});
