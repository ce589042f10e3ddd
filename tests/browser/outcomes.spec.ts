// On the NHS England request: paste the response's list of trusts, check what it matched
// (nothing saved yet), then confirm.
import { test, expect } from "@playwright/test";

test("pasting a response's trust list matches it to the directory and saves only on confirmation", async ({ page }) => {
  await page.goto("/requests");
  await page.getByRole("link", { name: "Funding for Band 7 LXP KUF roles in England" }).click();
  await page.getByRole("link", { name: "Outcomes per trust" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Outcomes per trust");

  await page.getByLabel("Trust names, one a line").fill(["Provider name", "OXLEAS NHS FOUNDATION TRUST", "Somerset NHS Foundaton Trust", "Birmingham", "Made Up Trust"].join("\n"));
  await page.getByLabel("What the response says about these trusts").selectOption({ label: "Did not apply" });
  await page.getByRole("button", { name: "Check the list" }).click();

  const check = page.getByRole("form", { name: /Check before saving/ });
  await expect(page.getByLabel("What the response says about these trusts")).toHaveValue("did_not_apply");
  await expect(check.getByRole("heading", { name: "Found in the directory (2)" })).toBeVisible();
  await expect(check.getByRole("heading", { name: /Choose which trust is meant \(1\)/ })).toBeVisible();
  await expect(check.getByRole("heading", { name: /Not found in the directory \(1\)/ })).toBeVisible();
  await expect(check.getByText("Made Up Trust")).toBeVisible();

  // Nothing is saved by checking: the two matched trusts already say "Did not apply" from the seed,
  // so saving reports them as already recorded rather than changed.
  await check.getByRole("button", { name: "Save 2 outcomes" }).click();
  await expect(page.getByText("Saved 2 outcomes: 0 new, 0 changed, 2 already recorded.")).toBeVisible();
});
