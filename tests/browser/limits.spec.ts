// Safe to put on a server: request bodies are capped (a large body only where files are
// uploaded), and no page repeats an element id (labels must reach their own field).
import { test, expect } from "@playwright/test";
import { expectNoDuplicateIds } from "../support/browser-pages";

const MB = 1024 * 1024;

test("a body over the cap is refused with 413: the unsubscribe button's form, and a 2 MB post to a page without uploads", async ({ request }) => {
  // Over the unsubscribe form's own cap (16 KB), well under the 1 MB for every page.
  const form = await request.post("/unsubscribe", { form: { token: "x".repeat(100_000) } });
  expect(form.status()).toBe(413);
  expect(form.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await form.text()).toContain("Too large");

  const big = await request.post("/unsubscribe", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: Buffer.alloc(2 * MB, 97) });
  expect(big.status()).toBe(413);

  // A Server Action posts to its page's path; only a request's page takes files.
  const action = await request.post("/trusts", { headers: { "Next-Action": "0".repeat(40), "Content-Type": "text/plain;charset=UTF-8" }, data: Buffer.alloc(2 * MB, 97) });
  expect(action.status()).toBe(413);
  expect(await action.text()).toBe("Too large: this address accepts at most 1 MB.\n");

  // A small unsubscribe post still gets its answer (an invalid link, here).
  const small = await request.post("/unsubscribe", { form: { token: "not-a-token" } });
  expect(small.status()).not.toBe(413);
});

test("a 12 MB attachment can still be added to a request's correspondence", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/requests/new");
  await page.getByLabel("To", { exact: true }).selectOption({ label: "Oxleas NHS Foundation Trust" });
  await page.getByLabel("Title").fill("A request with a large attachment");
  await page.getByLabel("The letter").fill("Dear Oxleas NHS Foundation Trust,\n\nPlease send the papers.\n\nLXP Revolution");
  await page.getByLabel("Sent by").selectOption({ label: "Email" });
  await page.getByLabel("Date", { exact: true }).fill("2021-08-02");
  await page.getByRole("button", { name: "Save the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A request with a large attachment" })).toBeVisible();

  // Over 10 MB: Next would cut a body short there if the proxy's copy limit were left at its default.
  const correspondence = page.getByRole("region", { name: "Correspondence" });
  await correspondence.getByLabel("From (name)").fill("Oxleas FOI team");
  await correspondence.getByLabel("Subject").fill("The papers you asked for");
  await correspondence.getByLabel("Date sent").fill("2021-09-03");
  await correspondence.getByLabel("Text of the message").fill("Please find the papers attached.");
  const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(12 * MB, 32), Buffer.from("\n%%EOF\n")]);
  await correspondence.getByLabel("Attachments (optional)").setInputFiles({ name: "papers.pdf", mimeType: "application/pdf", buffer: pdf });
  await correspondence.getByRole("button", { name: "Save message" }).click();
  await expect(correspondence.getByText("The papers you asked for")).toBeVisible({ timeout: 30_000 });
  await correspondence.getByText("The papers you asked for").click();
  const attachment = correspondence.getByRole("link", { name: /papers\.pdf/ });
  await expect(attachment).toBeVisible();
  const download = await page.request.get((await attachment.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).length).toBe(pdf.length);

  // Tidy up for the other tests (the dashboard and list count requests).
  await page.getByText("Delete this request", { exact: true }).click();
  await page.getByRole("button", { name: "Yes, delete this request" }).click();
  await expect(page.getByText("The request was deleted.")).toBeVisible();
});

test("no main page uses an element id twice", async ({ page }) => {
  for (const path of ["/", "/requests", "/trusts", "/findings", "/notifications", "/settings/alerts", "/members", "/requests/deleted"]) {
    await page.goto(path);
    await expectNoDuplicateIds(page);
  }
  await page.goto("/requests");
  await page.getByRole("link", { name: "Funding for Band 7 LXP KUF roles in England" }).click();
  await expect(page).toHaveURL(/\/requests\/[^/]+$/);
  await expectNoDuplicateIds(page);
  await page.goto(`${new URL(page.url()).pathname}/outcomes`);
  await expectNoDuplicateIds(page);
  // Each trust's page, and each batch's findings.
  await page.goto("/trusts?q=Oxleas");
  await page.getByRole("link", { name: "Oxleas NHS Foundation Trust" }).first().click();
  await expect(page).toHaveURL(/\/trusts\/[^/]+$/);
  await expectNoDuplicateIds(page);
  await page.goto("/findings");
  const findingsLink = page.locator("main a[href^='/findings/']").first();
  if (await findingsLink.count()) {
    await findingsLink.click();
    await expectNoDuplicateIds(page);
  }
});
