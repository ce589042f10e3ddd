// Safe to put on a server: every response carries the security headers (proxy.ts,
// lib/security/headers.ts), every page works under its Content-Security-Policy, and hostile
// email HTML shown on a request page runs nothing, loads nothing and cannot touch the app.
import { test, expect, request as playwrightRequest, type APIResponse, type Page } from "@playwright/test";
import { BASE_URL } from "../support/browser-env";
import { createRequestWithHostileMail, removeHostileRequest } from "../support/hostile-email-db";
import { HOSTILE_EMAIL_HTML, MARKER_HOST } from "../fixtures/hostile-email-html";

// The requests these tests add are removed afterwards, so later specs count the seed as it was.
const hostileRequests: string[] = [];
test.afterAll(async () => {
  for (const id of hostileRequests.splice(0)) await removeHostileRequest(id);
});

/** The script nonce of a response's policy, after checking the policy's rules. */
function checkSecurityHeaders(response: APIResponse, what: string): string {
  const headers = response.headers();
  const policy = headers["content-security-policy"];
  expect(policy, `${what}: Content-Security-Policy`).toBeTruthy();
  const directives = new Map(policy!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
  const scripts = directives.get("script-src") ?? [];
  expect(scripts, `${what}: script-src`).not.toContain("'unsafe-inline'");
  expect(scripts, `${what}: script-src`).not.toContain("'unsafe-eval'");
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `${what}: a nonce in script-src`).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  expect(directives.get("frame-ancestors"), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(directives.get("object-src"), `${what}: object-src`).toEqual(["'none'"]);
  expect(directives.get("base-uri"), `${what}: base-uri`).toEqual(["'none'"]);
  expect(directives.get("form-action"), `${what}: form-action`).toEqual(["'self'"]);
  expect(headers["x-content-type-options"], `${what}: X-Content-Type-Options`).toBe("nosniff");
  expect(headers["referrer-policy"], `${what}: Referrer-Policy`).toBeTruthy();
  // The tests run with APP_ENV=test on plain http: HSTS is for production only (a unit test checks it is there).
  expect(headers["strict-transport-security"], `${what}: no HSTS outside production`).toBeUndefined();
  return nonce!;
}

test("every kind of response carries the security headers, and a page's scripts carry its nonce", async () => {
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: { cookies: [], origins: [] } });
  try {
    const signIn = await api.get("/sign-in", { maxRedirects: 0 });
    expect(signIn.status()).toBe(200);
    const nonce = checkSecurityHeaders(signIn, "the sign-in page");
    const html = await signIn.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, "each script tag carries the response's nonce").toContain(`nonce="${nonce}"`);
    // A fresh nonce for every response.
    expect(checkSecurityHeaders(await api.get("/sign-in", { maxRedirects: 0 }), "the sign-in page again")).not.toBe(nonce);

    const health = await api.get("/api/health");
    expect(health.status()).toBe(200);
    checkSecurityHeaders(health, "a route handler");

    const missing = await api.get("/no-such-page-here");
    expect(missing.status()).toBe(404);
    const missingNonce = checkSecurityHeaders(missing, "the not-found page");
    for (const tag of (await missing.text()).match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${missingNonce}"`);

    const staticPath = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(staticPath, "a script file named in the sign-in page").toBeTruthy();
    const staticFile = await api.get(staticPath!);
    expect(staticFile.status()).toBe(200);
    checkSecurityHeaders(staticFile, "a static file");
  } finally {
    await api.dispose();
  }
});

/** Collects Content-Security-Policy violations and console errors about them, from the page and its frames. */
async function watchForPolicyViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportPolicyViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportPolicyViolation: (line: string) => void }).__reportPolicyViolation(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

test("the main pages work under the policy: no violation, and React takes over the page", async ({ page }) => {
  test.setTimeout(180_000); // a dozen pages on a shared 2-core machine
  const violations = await watchForPolicyViolations(page);
  const { id } = await createRequestWithHostileMail(HOSTILE_EMAIL_HTML.slice(0, 3));
  hostileRequests.push(id);
  const paths = ["/", "/requests", `/requests/${id}`, "/trusts", "/batches", "/findings", "/notifications", "/settings/alerts", "/members", "/no-such-page-here"];
  await page.goto("/batches");
  // A batch's page too, when an earlier spec made one.
  const [firstBatch] = await page.locator('main a[href^="/batches/c"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  if (firstBatch) paths.push(firstBatch);

  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], `${path} has a Content-Security-Policy`).toContain("'nonce-");
    // Next.js hydrates the whole document: when its scripts were refused, this mark is missing.
    await expect.poll(() => page.evaluate(() => Object.keys(document).some((k) => k.startsWith("__reactContainer"))), { message: `${path} is hydrated` }).toBe(true);
  }
  expect(violations).toEqual([]);
});

test("hostile email HTML runs nothing, loads nothing and stays out of the app's page", async ({ page }) => {
  test.setTimeout(180_000);
  const { id } = await createRequestWithHostileMail(HOSTILE_EMAIL_HTML);
  hostileRequests.push(id);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const markerRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes(MARKER_HOST) || request.url().includes("pwned")) markerRequests.push(request.url());
  });
  const popups: string[] = [];
  page.on("popup", (popup) => popups.push(popup.url()));

  const url = `${BASE_URL}/requests/${id}`;
  await page.goto(url);
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));

  const frames = page.locator("iframe.email-frame");
  await expect(frames).toHaveCount(HOSTILE_EMAIL_HTML.length);
  for (const frame of await frames.all()) {
    // No permission at all: no scripts, no same origin, no forms, no popups, no top navigation.
    expect(await frame.getAttribute("sandbox")).toBe("");
    expect(await frame.getAttribute("srcdoc")).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
  }
  // The formatted email is inside its frame, never in the app's own document.
  await expect(page.locator("main")).not.toContainText("Formatted payload");
  await expect(page.frameLocator("iframe.email-frame").first().locator("body")).toContainText("Formatted payload 0");
  const last = HOSTILE_EMAIL_HTML.length - 1;
  await expect(page.frameLocator("iframe.email-frame").nth(last).locator("body")).toContainText(`Formatted payload ${last}`);

  // Try the links and buttons that survived, as a curious reader would.
  for (let index = 0; index < HOSTILE_EMAIL_HTML.length; index++) {
    const frame = page.frameLocator("iframe.email-frame").nth(index);
    for (const link of await frame.locator("a, button").all()) await link.click({ timeout: 2_000 }).catch(() => {});
  }
  // Time for anything delayed (meta refresh, animations, image errors) to have happened.
  await page.waitForTimeout(1_500);

  expect(dialogs).toEqual([]);
  expect(markerRequests).toEqual([]);
  expect(popups).toEqual([]);
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  for (const frame of page.frames()) {
    expect(frame.url() === "about:srcdoc" || frame.url().startsWith(BASE_URL), `no frame went to ${frame.url()}`).toBe(true);
  }
});

test("the plain text of an email can be read without JavaScript", async ({ browser }) => {
  const { id } = await createRequestWithHostileMail(HOSTILE_EMAIL_HTML.slice(0, 1));
  hostileRequests.push(id);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: test.info().project.use.storageState, baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    await page.goto(`/requests/${id}`);
    await page.locator("summary", { hasText: "Payload 0" }).click();
    await page.locator("summary", { hasText: "Show as plain text" }).click();
    await expect(page.getByText("Plain text of payload 0")).toBeVisible();
  } finally {
    await context.close();
  }
});
