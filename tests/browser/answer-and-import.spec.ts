// Issue 12, the outgoing side: an editor imports FOI addresses for the directory from a pasted
// CSV (checked before saving), then sends a single request by email with JavaScript off and
// answers the trust's request for clarification from the request page; the test SMTP server
// receives both, threaded. Cleans up after itself so the other specs see the seed as it was.
import crypto from "node:crypto";
import { test, expect } from "@playwright/test";
import { receivedMail } from "../support/batch-browser-env";
import { withClient } from "../support/browser-db";
import { BASE_URL } from "../support/browser-env";
import { expectNoDuplicateIds } from "../support/browser-pages";

const DOMAIN = "import-test.example";
const OXLEAS_EMAIL = `foi.oxleas@${DOMAIN}`;
const TITLE = `Band 7 posts, asked by email ${crypto.randomBytes(3).toString("hex")}`;

test.afterAll(async () => {
  await withClient(async (client) => {
    await client.query("BEGIN");
    await client.query(`DELETE FROM "Delivery" WHERE "requestId" IN (SELECT id FROM "FoiRequest" WHERE title = $1)`, [TITLE]);
    await client.query(`DELETE FROM "FoiRequest" WHERE title = $1`, [TITLE]);
    await client.query(`UPDATE "PublicBody" SET "foiEmail" = NULL WHERE "foiEmail" LIKE $1`, [`%@${DOMAIN}`]);
    await client.query("COMMIT");
  });
});

test("directory addresses come from a CSV, then a request and a clarification go by email, threaded", async ({ page, browser }) => {
  test.setTimeout(120_000);

  // Import: one row found by name, one by ODS code with a bad address, one unknown.
  await page.goto("/trusts");
  await page.getByRole("link", { name: "Import FOI addresses from a CSV" }).click();
  await page.getByLabel("Or paste the table").fill(["Name,ODS code,FOI email", `Oxleas NHS Foundation Trust,,${OXLEAS_EMAIL}`, `,RX3,not-an-email`, `Nowhere Community Trust,,x@${DOMAIN}`].join("\n"));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Will be updated (1)" })).toBeVisible();
  await expect(page.getByText("FOI email: “not-an-email” is not an email address.")).toBeVisible();
  await expect(page.getByText(/No trust called “Nowhere Community Trust”/)).toBeVisible();
  await expectNoDuplicateIds(page);
  await page.getByRole("button", { name: "Save the ticked and chosen rows" }).click();
  await expect(page.getByText("Saved 1 trust (1 detail changed).")).toBeVisible();

  // A draft request to Oxleas, by email.
  await page.goto("/requests");
  await page.getByRole("link", { name: "Log a request" }).click();
  await page.getByLabel("To", { exact: true }).selectOption({ label: "Oxleas NHS Foundation Trust" });
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("The letter").fill("Dear Oxleas NHS Foundation Trust,\n\nWhy did the trust not apply for the funding?\n\nLXP Revolution");
  await page.getByLabel("Sent by").selectOption({ label: "Email" });
  await page.getByRole("button", { name: "Save the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const requestUrl = page.url();

  // Sent with JavaScript off: a plain form post.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: test.info().project.use.storageState, baseURL: BASE_URL });
  const plain = await noScript.newPage();
  await plain.goto(requestUrl);
  await plain.getByRole("button", { name: "Send by email now" }).click();
  await expect(plain.getByText(`Queued: the request goes to ${OXLEAS_EMAIL}`)).toBeVisible();
  await noScript.close();

  const first = () => receivedMail().find((m) => m.to === OXLEAS_EMAIL && m.subject.startsWith(`${TITLE} [FOI #`));
  await expect.poll(() => Boolean(first()), { timeout: 30_000 }).toBe(true);
  await page.reload();
  await expect(page.getByTestId("request-status")).toHaveText("Waiting for a response");

  // The trust asks for clarification; the answer goes from the page, in the same thread.
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add to the timeline" }) });
  await form.getByLabel("What happened").selectOption({ label: "Body asked for clarification" });
  await form.getByRole("button", { name: "Add to the timeline" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Waiting for your clarification");
  const letter = page.getByRole("textbox", { name: /Text of the letter/ });
  await letter.fill((await letter.inputValue()).replace("[Write your answer here.]", "I mean the years 2021 to 2023."));
  await page.getByRole("button", { name: `Send by email to ${OXLEAS_EMAIL}` }).click();
  await expect(page.getByText(`Queued: the clarification goes to ${OXLEAS_EMAIL}`)).toBeVisible();

  const reference = /\[FOI #\d+\]/.exec(first()!.subject)![0];
  const answer = () => receivedMail().find((m) => m.to === OXLEAS_EMAIL && m.subject.startsWith("Clarification of my"));
  await expect.poll(() => Boolean(answer()), { timeout: 30_000 }).toBe(true);
  expect(answer()!.subject).toContain(reference);
  expect(answer()!.inReplyTo).toBe(first()!.messageId);
  expect(answer()!.text).toContain("I mean the years 2021 to 2023.");
  await page.reload();
  await expect(page.getByTestId("request-status")).toHaveText("Waiting for a response");
  await expect(page.getByTestId("request-email")).toHaveCount(2);
});
