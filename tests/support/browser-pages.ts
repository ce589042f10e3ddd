// What the browser tests do often, done the way a person would: through the pages.
import fs from "node:fs";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { BASE_URL, ROOT } from "./browser-env";
import { receivedMail } from "./batch-browser-env";

/** A browser context with no cookies, whatever the file's storageState. */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: BASE_URL, storageState: { cookies: [], origins: [] }, viewport: { width: 1280, height: 800 } });
}

/** The "With your password" half of the sign-in page. */
export function passwordForm(page: Page) {
  return page.getByRole("region", { name: "With your password" });
}

/** Fills and submits the password form; resolves when the server has answered. */
export async function submitPassword(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  const form = passwordForm(page);
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === "/sign-in/password" && r.request().method() === "POST");
  await form.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

/** Signs in with a password and waits for the dashboard. */
export async function signIn(page: Page, email: string, password: string, workspaceName = "LXP Revolution"): Promise<void> {
  await page.goto("/sign-in");
  await submitPassword(page, email, password);
  await expect(page.getByRole("heading", { level: 1, name: workspaceName })).toBeVisible();
}

/**
 * The text of the newest email to `to` whose subject is `subject`, as received by the test
 * SMTP server the global setup runs (the app under test sends real SMTP). `page` is unused
 * now; it stays so the specs that call this keep their shape.
 */
export async function readMail(_page: Page, to: string, subject: string): Promise<string> {
  let text = "";
  await expect(() => {
    const mail = receivedMail()
      .filter((m) => m.subject === subject && m.to.toLowerCase().includes(to.toLowerCase()))
      .at(-1);
    expect(mail, `an email to ${to} with the subject "${subject}"`).toBeDefined();
    text = mail!.text;
  }).toPass({ timeout: 15_000 });
  return text;
}

/** The one link in an email that matches `pattern`. */
export function linkIn(text: string, pattern: RegExp): string {
  const links = text.match(/https?:\/\/\S+/g)?.filter((l) => pattern.test(l)) ?? [];
  expect(links, `one link matching ${pattern} in:\n${text}`).toHaveLength(1);
  return links[0]!;
}

/**
 * Full-page screenshot for the README. Always written under test-results/screenshots; copied
 * to docs/screenshots when that copy is missing or UPDATE_SCREENSHOTS=1 (so that ordinary
 * test runs do not rewrite the committed images, whose "Today is ..." line changes daily).
 */
export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  const fresh = path.join(ROOT, "test-results", "screenshots", `${name}.png`);
  await page.screenshot({ path: fresh, fullPage: true });
  const committed = path.join(ROOT, "docs", "screenshots", `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === "1" || !fs.existsSync(committed)) {
    fs.mkdirSync(path.dirname(committed), { recursive: true });
    fs.copyFileSync(fresh, committed);
  }
}

/**
 * Every id on the page is used once: a label, aria-describedby or a skip link pointing at a
 * repeated id reaches the first element with it, not its own.
 */
export async function expectNoDuplicateIds(page: Page): Promise<void> {
  const repeated = await page.evaluate(() => {
    const counts = new Map<string, number>();
    for (const element of document.querySelectorAll("[id]")) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    return [...counts].filter(([, count]) => count > 1).map(([id, count]) => `${id} (${count} times)`);
  });
  expect(repeated, `ids used more than once on ${new URL(page.url()).pathname}`).toEqual([]);
}
