// Signing in: with a password (and what a wrong one, or too many, look like), and with a
// one-time link read from the dev mailbox.
import { test, expect } from "@playwright/test";
import { OWNER_NEW_PASSWORD, readState } from "../support/browser-env";
import { createMember, insertSignInToken, uniqueEmail } from "../support/browser-db";
import { freshContext, linkIn, passwordForm, readMail, signIn, submitPassword } from "../support/browser-pages";

test.use({ storageState: { cookies: [], origins: [] } });

const WRONG = "Email or password is not right.";
const LINK_SPENT = "That sign-in link has expired or has already been used.";

test("the owner signs in with the password they chose", async ({ page }) => {
  const { ownerEmail } = readState();
  await signIn(page, ownerEmail, OWNER_NEW_PASSWORD);
  await expect(page.getByRole("banner")).toContainText("LXP Revolution · LXP Revolution owner (owner)");
});

test("a wrong password or an unknown email gets one clear message, and five failures lock the email", async ({ page }) => {
  const user = await createMember("viewer", { prefix: "lockout" });
  await page.goto("/sign-in");
  const alert = passwordForm(page).getByRole("alert");

  // Same message for an address with no account: it does not reveal who has one.
  await submitPassword(page, uniqueEmail("nobody"), "whatever it is");
  await expect(alert).toHaveText(WRONG);

  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitPassword(page, user.email, `wrong password ${attempt}`);
    await expect(alert, `attempt ${attempt}`).toHaveText(WRONG);
  }
  // The sixth try is refused before the password is checked, even the right one.
  await submitPassword(page, user.email, user.password);
  await expect(alert).toContainText("Too many attempts");
  await expect(alert).toContainText(/try again in 1[45] minutes/);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a sign-in link from the dev mailbox signs in once, and cannot be used again", async ({ page }) => {
  const user = await createMember("editor", { prefix: "magic" });
  await page.goto("/sign-in");
  const linkForm = page.getByRole("region", { name: "With a link by email" });
  await linkForm.getByLabel("Email address").fill(user.email);
  await linkForm.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`If ${user.email} has an account, we have sent it a sign-in link.`)).toBeVisible();

  const mail = await readMail(page, user.email, "Your sign-in link for FOI Tracker");
  expect(mail).toContain("The link works once and expires in 15 minutes.");
  const link = linkIn(mail, /\/api\/auth\/callback\/email\?/);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "LXP Revolution" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(`${user.name} (editor)`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to FOI Tracker" })).toBeVisible();

  await page.goto(link);
  await expect(page).toHaveURL(/\/sign-in\?error=Verification/);
  await expect(passwordForm(page).getByRole("alert")).toContainText(LINK_SPENT);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an expired sign-in link is refused, while a current one made the same way works", async ({ browser }) => {
  const user = await createMember("viewer", { prefix: "expired" });

  const expiredLink = await insertSignInToken(user.email, new Date(Date.now() - 60_000));
  const expired = await freshContext(browser);
  const page = await expired.newPage();
  await page.goto(expiredLink);
  await expect(page).toHaveURL(/\/sign-in\?error=Verification/);
  await expect(passwordForm(page).getByRole("alert")).toContainText(LINK_SPENT);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expired.close();

  // The control: the same hashing with a future expiry signs in, so the refusal above is the expiry.
  const currentLink = await insertSignInToken(user.email, new Date(Date.now() + 10 * 60_000));
  const current = await freshContext(browser);
  const page2 = await current.newPage();
  await page2.goto(currentLink);
  await expect(page2.getByRole("heading", { level: 1, name: "LXP Revolution" })).toBeVisible();
  await expect(page2.getByRole("banner")).toContainText(`${user.name} (viewer)`);
  await current.close();
});
