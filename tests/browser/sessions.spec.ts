// Credentials never travel in a URL, the forms work with JavaScript off, and sessions can be
// ended: a password change or "sign out everywhere" signs the person out in every other browser.
import { test, expect, type BrowserContext, type Request } from "@playwright/test";
import { BASE_URL } from "../support/browser-env";
import { createMember, insertInvitation, uniqueEmail } from "../support/browser-db";
import { freshContext, signIn } from "../support/browser-pages";

test.use({ storageState: { cookies: [], origins: [] } });

/** Every URL the context asks for, to check no secret ends up in one. */
function recordUrls(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (r: Request) => urls.push(r.url()));
  return urls;
}

test("with JavaScript off, signing in with a password posts the form; the password is never in a URL", async ({ browser }) => {
  const user = await createMember("editor", { prefix: "nojs" });
  const context = await browser.newContext({ baseURL: BASE_URL, javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const urls = recordUrls(context);
  const page = await context.newPage();
  await page.goto("/sign-in");
  const form = page.getByRole("region", { name: "With your password" });
  await form.getByLabel("Email address").fill(user.email);
  await form.getByLabel("Password").fill(user.password);
  // Enter in the password field, as a password manager would, before any script could run.
  await form.getByLabel("Password").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "LXP Revolution" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(`${user.name} (editor)`);
  for (const url of urls) {
    expect(url, "no request URL carries the password").not.toContain(encodeURIComponent(user.password).replace(/%20/g, "+"));
    expect(url).not.toContain(encodeURIComponent(user.password));
    expect(new URL(url).searchParams.has("password"), url).toBe(false);
  }

  // A wrong password, still without JavaScript: the message is shown and the email kept, not the password.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await form.getByLabel("Email address").fill(user.email);
  await form.getByLabel("Password").fill("not the password");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByRole("alert")).toHaveText("Email or password is not right.");
  await expect(form.getByLabel("Email address")).toHaveValue(user.email);
  await expect(form.getByLabel("Password")).toHaveValue("");
  expect(urls.some((u) => u.includes("not+the+password") || u.includes("not%20the%20password"))).toBe(false);

  // An empty form gets its message next to the field.
  await form.getByLabel("Email address").fill("");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByText("Enter your email address.")).toBeVisible();
  await context.close();
});

test("with JavaScript off, changing a password and accepting an invitation both work", async ({ browser }) => {
  const user = await createMember("viewer", { prefix: "nojs-pw" });
  const context = await browser.newContext({ baseURL: BASE_URL, javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const urls = recordUrls(context);
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  await page.goto("/account/password");
  const newPassword = "a brand new password for tests";
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/\?password=changed$/);
  await expect(page.getByRole("heading", { level: 1, name: "LXP Revolution" })).toBeVisible();

  const invited = uniqueEmail("nojs-invite");
  const token = await insertInvitation(invited, "viewer");
  const stranger = await browser.newContext({ baseURL: BASE_URL, javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const strangerUrls = recordUrls(stranger);
  const invitePage = await stranger.newPage();
  await invitePage.goto(`/invite/${token}`);
  await invitePage.getByLabel("Your name").fill("Invited Without Scripts");
  await invitePage.getByLabel("Choose a password").fill("invited person's long password");
  await invitePage.getByRole("button", { name: "Create my account" }).click();
  await expect(invitePage).toHaveURL(/\/sign-in\?joined=1/);
  for (const url of [...urls, ...strangerUrls]) {
    expect(url).not.toContain("brand+new+password");
    expect(url).not.toContain("brand%20new%20password");
    expect(url).not.toContain("long+password");
    expect(url).not.toContain("long%20password");
  }
  await context.close();
  await stranger.close();
});

test("changing the password signs the person out in every other browser at once, and keeps this one", async ({ browser }) => {
  const user = await createMember("editor", { prefix: "pw-ends" });
  const here = await freshContext(browser);
  const there = await freshContext(browser);
  const herePage = await here.newPage();
  const therePage = await there.newPage();
  await signIn(herePage, user.email, user.password);
  await signIn(therePage, user.email, user.password);

  await herePage.goto("/account/password");
  await herePage.getByLabel("Current password").fill(user.password);
  await herePage.getByLabel("New password", { exact: true }).fill("another fresh password please");
  await herePage.getByLabel("New password again").fill("another fresh password please");
  await herePage.getByRole("button", { name: "Change password" }).click();
  await expect(herePage).toHaveURL(/\/\?password=changed$/);

  await therePage.goto("/requests");
  await expect(therePage).toHaveURL(/\/sign-in/);
  await herePage.goto("/requests");
  await expect(herePage).toHaveURL(/\/requests$/);
  await here.close();
  await there.close();
});

test("sign out everywhere ends every session of that person, and only theirs", async ({ browser }) => {
  const user = await createMember("viewer", { prefix: "everywhere" });
  const other = await createMember("viewer", { prefix: "bystander" });
  const [a, b, c] = await Promise.all([freshContext(browser), freshContext(browser), freshContext(browser)]);
  const [pageA, pageB, pageC] = await Promise.all([a.newPage(), b.newPage(), c.newPage()]);
  await signIn(pageA, user.email, user.password);
  await signIn(pageB, user.email, user.password);
  await signIn(pageC, other.email, other.password);

  await pageA.getByRole("link", { name: user.name }).click();
  await expect(pageA.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await pageA.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(pageA).toHaveURL(/\/sign-in\?signedOut=everywhere/);
  await expect(pageA.getByText("You are signed out on every device and browser.")).toBeVisible();

  await pageB.goto("/");
  await expect(pageB).toHaveURL(/\/sign-in/);
  await pageC.goto("/");
  await expect(pageC.getByRole("heading", { level: 1, name: "LXP Revolution" })).toBeVisible();

  // Signing in again works as usual.
  await signIn(pageB, user.email, user.password);
  await Promise.all([a.close(), b.close(), c.close()]);
});

test("a sign-in form posted from another site is refused (login CSRF)", async ({ request }) => {
  const user = await createMember("viewer", { prefix: "csrf" });
  const response = await request.post("/sign-in/password", {
    form: { email: user.email, password: user.password },
    headers: { Origin: "https://attacker.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
  const ours = await request.post("/sign-in/password", { form: { email: user.email, password: user.password }, headers: { Origin: BASE_URL }, maxRedirects: 0 });
  expect(ours.status()).toBe(303);
  expect(ours.headers()["set-cookie"] ?? "").toContain("next-auth.session-token");
});
