// The seeded campaign as the owner sees it: the dashboard, the trust directory and its
// filters, and the NHS England request. Also takes the README screenshots.
import { test, expect } from "@playwright/test";
import { readmeScreenshot } from "../support/browser-pages";

// Signed in as the seeded owner (project "chromium" storageState, saved by owner.setup.ts).

test("the dashboard shows the campaign and its requests by state", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "LXP Revolution" })).toBeVisible();
  await expect(page.getByText(/^Today is (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}\.$/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Requests by state" })).toBeVisible();
  const counts = page.getByRole("list", { name: "Requests by state" });
  await expect(counts.getByRole("listitem").filter({ hasText: "Answered in full" })).toHaveText("1 Answered in full");
  await expect(counts.getByRole("listitem").filter({ hasText: "Overdue" })).toHaveText("0 Overdue");
  await expect(page.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await readmeScreenshot(page, "dashboard");
});

test("the trust directory lists the 56 bodies and filters them by outcome and name", async ({ page }) => {
  await page.goto("/trusts");
  await expect(page.getByRole("heading", { level: 1, name: "Trusts and other bodies" })).toBeVisible();
  const caption = page.locator("table caption");
  await expect(caption).toHaveText("56 bodies found");
  await readmeScreenshot(page, "trusts");

  const filters = page.getByRole("search", { name: "Filter the directory" });
  await filters.getByLabel("Outcome in the NHS England response").selectOption({ label: "Did not apply" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/outcome=did_not_apply/);
  await expect(caption).toHaveText("29 bodies found");
  // 25 to a page; the second page keeps the filter.
  await expect(page.locator("tbody tr")).toHaveCount(25);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 1 of 2");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(caption).toHaveText("29 bodies found");
  await expect(page.locator("tbody tr")).toHaveCount(4);
  await expect(page.locator("tbody td:nth-child(4)").filter({ hasNotText: "Did not apply" })).toHaveCount(0);

  await filters.getByLabel("Outcome in the NHS England response").selectOption({ label: "Applied, then withdrew" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(caption).toHaveText("2 bodies found");

  // Clearing resets the form too, not only the results (a client-side navigation keeps the form).
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(caption).toHaveText("56 bodies found");
  await expect(filters.getByLabel("Outcome in the NHS England response")).toHaveValue("");
  await filters.getByLabel("Name, short name or ODS code").fill("Oxleas");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(caption).toHaveText("1 body found");
  await expect(page.getByRole("link", { name: "Oxleas NHS Foundation Trust" })).toBeVisible();
});

test("the NHS England request shows its reference and the date it was answered", async ({ page }) => {
  await page.goto("/requests");
  await expect(page.getByRole("table")).toContainText("1 request");
  await page.getByRole("link", { name: "Funding for Band 7 LXP KUF roles in England" }).click();
  await expect(page).toHaveURL(/\/requests\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Funding for Band 7 LXP KUF roles in England" })).toBeVisible();
  await expect(page.locator("p.lede")).toContainText("To NHS England · Answered in full");
  await expect(page.getByText("FOI-2108-1525161", { exact: true })).toBeVisible();
  const clock = page.locator("dl.facts").first();
  await expect(clock).toContainText("Answered");
  await expect(clock).toContainText("Tuesday 31 August 2021");
  await expect(page.getByRole("heading", { level: 2, name: "Correspondence" })).toBeVisible();
  await readmeScreenshot(page, "request");
});

test("a list's rows do not make the server render every linked page ahead of a click; the header's links still prefetch", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto("/trusts");
  await expect(page.locator("table caption")).toHaveText("56 bodies found");
  const rows = page.locator("table tbody tr");
  expect(await rows.count()).toBeGreaterThanOrEqual(20);
  // Prefetching runs when the browser is idle: the header's links show it is on.
  await expect.poll(() => prefetched.filter((p) => p === "/requests" || p === "/batches").length, { timeout: 10_000 }).toBeGreaterThan(0);
  await page.waitForTimeout(1_000);
  const rowPages = await rows.locator("th a, td a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(rowPages.length).toBeGreaterThanOrEqual(20);
  expect(prefetched.filter((p) => rowPages.includes(p))).toEqual([]);
  // A row's link still opens its page in the app.
  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/trusts\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
