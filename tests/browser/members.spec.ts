// The owner invites someone; the invitation arrives in the dev mailbox; its link lets the
// person create an account, once.
import { test, expect } from "@playwright/test";
import { uniqueEmail } from "../support/browser-db";
import { freshContext, linkIn, readMail, signIn } from "../support/browser-pages";

// Signed in as the seeded owner (project "chromium" storageState, saved by owner.setup.ts).

test("an invitation lets a new person create an account once", async ({ page, browser }) => {
  const email = uniqueEmail("invitee");
  const password = "a long invitee password";

  await page.goto("/members");
  await expect(page.getByRole("heading", { level: 1, name: "Members of LXP Revolution" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("radio", { name: "Viewer: reads only" }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation sent" })).toHaveText(`Invitation sent to ${email}.`);
  await expect(page.getByRole("listitem").filter({ hasText: email })).toContainText(`${email} as viewer, until`);

  const mail = await readMail(page, email, "You are invited to LXP Revolution on FOI Tracker");
  expect(mail).toContain("has invited you to join LXP Revolution on FOI Tracker as viewer.");
  const link = linkIn(mail, /\/invite\/[\w-]{20,}$/);

  const invitee = await freshContext(browser);
  const guest = await invitee.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { level: 1, name: "Join LXP Revolution" })).toBeVisible();
  await expect(guest.getByText(`You have been invited as viewer (${email}).`)).toBeVisible();
  await guest.getByLabel("Your name").fill("Ivy Invitee");
  await guest.getByLabel("Choose a password").fill(password);
  await guest.getByRole("button", { name: "Create my account" }).click();
  await expect(guest).toHaveURL(/\/sign-in\?joined=1/);

  await signIn(guest, email, password);
  await expect(guest.getByRole("banner")).toContainText("Ivy Invitee (viewer)");

  // The link is spent, for a stranger and for the new member alike.
  await guest.goto(link);
  await expect(guest.getByRole("heading", { level: 1, name: "This invitation cannot be used" })).toBeVisible();
  await expect(guest.getByText(/It has expired, was withdrawn by an owner, or has already been used/)).toBeVisible();
  await invitee.close();
  const stranger = await freshContext(browser);
  const other = await stranger.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: "This invitation cannot be used" })).toBeVisible();
  await expect(other.getByRole("button", { name: "Create my account" })).toHaveCount(0);
  await stranger.close();

  // The owner now sees them as a member, and no longer as a pending invitation.
  await page.goto("/members");
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Ivy Invitee");
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Viewer: reads only");
  await expect(page.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);
});

test("an owner sets the campaign mailbox that trusts reply to", async ({ page }) => {
  await page.goto("/members");
  const mailbox = page.getByLabel("Campaign mailbox");
  await mailbox.fill("not an address");
  await page.getByRole("button", { name: "Save mailbox" }).click();
  await expect(page.getByText("Enter an email address, like name@example.org.")).toBeVisible();
  await mailbox.fill("replies@lxp-revolution.example");
  await page.getByRole("button", { name: "Save mailbox" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Replies will go to" })).toHaveText("Replies will go to replies@lxp-revolution.example.");
  await page.reload();
  await expect(page.getByLabel("Campaign mailbox")).toHaveValue("replies@lxp-revolution.example");
  // Back as it was, for the other specs.
  await page.getByLabel("Campaign mailbox").fill("");
  await page.getByRole("button", { name: "Save mailbox" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Replies will go to" })).toHaveText("Replies will go to whoever sends each batch.");
});
