// Page helpers for the findings browser test.
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { ROOT } from "./browser-env";

/**
 * A README screenshot of one part of a page (the charts), written like readmeScreenshot in
 * browser-pages.ts: always under test-results/screenshots; copied to docs/screenshots when
 * missing or with UPDATE_SCREENSHOTS=1.
 */
export async function readmeElementScreenshot(locator: Locator, name: string): Promise<void> {
  const fresh = path.join(ROOT, "test-results", "screenshots", `${name}.png`);
  await locator.screenshot({ path: fresh });
  const committed = path.join(ROOT, "docs", "screenshots", `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === "1" || !fs.existsSync(committed)) {
    fs.mkdirSync(path.dirname(committed), { recursive: true });
    fs.copyFileSync(fresh, committed);
  }
}

/** The chart whose caption starts with `title`. */
export function chart(page: Page, title: string): Locator {
  return page.getByRole("figure").filter({ has: page.locator(".chart-title", { hasText: title }) }).first();
}

/** The number in a chart's data table for one bar, read after opening "Show the data". */
export async function chartValue(page: Page, title: string, bar: string): Promise<string> {
  const figure = chart(page, title);
  const details = figure.locator("details.chart-data");
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await figure.getByText("Show the data").click();
  return (await figure.getByRole("row").filter({ has: page.getByRole("rowheader", { name: bar, exact: true }) }).getByRole("cell").innerText()).trim();
}
