// Findings in the browser, with the app's "today" pinned to Monday 6 September 2021: a sent
// follow-up batch of three "did not apply" trusts (made in the database: one answered on
// time, one late, one not at all), the suggested questions in one click, an answer recorded
// with its quote, the table and chart following it, the CSV download, and the public page
// switched on (no private note in it) and off (its link gives 404).
import fs from "node:fs";
import crypto from "node:crypto";
import { test, expect, type Page } from "@playwright/test";
import { freshContext, readmeScreenshot, signIn } from "../support/browser-pages";
import { createMember } from "../support/browser-db";
import { readState } from "../support/browser-env";
import { createFindingsBatch, removeFindingsBatch, QUOTE, type FindingsFixture } from "../support/findings-browser-db";
import { chart, chartValue, readmeElementScreenshot } from "../support/findings-browser-pages";

const INVOLVED = "Were Lived Experience Professionals involved in the decision?";
const WHY = "Why did the trust not apply?";
const PRIVATE_NOTE = `PRIVATE-NOTE-${crypto.randomBytes(4).toString("hex")} do not publish`;

let fixture: FindingsFixture;

test.beforeAll(async () => {
  fixture = await createFindingsBatch(`LXP follow-up ${crypto.randomBytes(3).toString("hex")}`);
});

test.afterAll(async () => {
  // Other specs count the seeded requests: leave the database as we found it.
  if (fixture) await removeFindingsBatch(fixture.batchId);
});

function answerForm(page: Page, question: string) {
  return page.getByRole("form", { name: `Answer: ${question}` });
}

test("record an answer with its quote, see the table and chart change, export it, publish and withdraw the public page", async ({ page, browser }) => {
  const [onTime, late, silent] = fixture.requests;

  await page.goto("/findings");
  await page.getByRole("link", { name: fixture.batchName }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Findings: ${fixture.batchName}` })).toBeVisible();
  await expect(page.getByText("3 requests · 2 answered · 1 overdue without an answer")).toBeVisible();

  // The timeliness chart already tells the story of the clocks.
  await expect(chart(page, "Answered on time, late").getByRole("img")).toHaveAttribute("aria-label", /on time 1, answered late 1 and not answered \(overdue\) 1/i);

  // No questions yet: the campaign's three in one click.
  await page.getByRole("button", { name: "Add the suggested questions" }).click();
  const questions = page.locator("ol.question-list > li");
  await expect(questions).toHaveCount(3);
  await expect(questions.first()).toContainText(WHY);
  await expect(page.getByRole("button", { name: "Add the suggested questions" })).toHaveCount(0);
  expect(await chartValue(page, INVOLVED, "Yes")).toBe("0");

  // The table's rows lead to each request's answers.
  const table = page.getByTestId("findings-table");
  await expect(table.getByRole("rowheader")).toHaveCount(3);
  await expect(table.getByRole("row").filter({ hasText: silent!.bodyName })).toContainText("Not answered (overdue)");
  await expect(table.getByRole("row").filter({ hasText: late!.bodyName })).toContainText("Answered 3 working days late");
  await table.getByRole("link", { name: onTime!.bodyName, exact: true }).click();

  const answers = page.getByRole("region", { name: "Research answers" });
  await expect(answers).toBeVisible();
  // A free-text question needs its answer: refused next to the field, nothing saved.
  const why = answerForm(page, WHY);
  await why.getByRole("button", { name: "Save this answer" }).click();
  await expect(why.locator(".field-error")).toContainText("Write the answer");
  await expect(answers.locator(`section`).first()).toContainText("Not recorded yet.");
  await why.getByLabel("Answer", { exact: true }).fill("The funding window closed before the board met. <script>alert(1)</script>");
  await why.getByLabel("Private note (optional)").fill(PRIVATE_NOTE);
  await why.getByRole("button", { name: "Save this answer" }).click();
  await expect(why.getByText("Answer saved.")).toBeVisible();

  const involved = answerForm(page, INVOLVED);
  await involved.getByRole("radio", { name: "Yes", exact: true }).check();
  await involved.getByLabel("Supporting quote").fill(QUOTE);
  await involved.getByLabel("Message it comes from").selectOption({ label: `Friday 20 August 2021, received: ${onTime!.messageSubject}` });
  await involved.getByLabel("Attachment it comes from (optional)").selectOption({ index: 1 });
  await involved.getByRole("button", { name: "Save this answer" }).click();
  await expect(involved.getByText("Answer saved.")).toBeVisible();
  // The form keeps showing what was saved, evidence included.
  await expect(involved.getByLabel("Message it comes from")).toHaveValue(onTime!.messageId!);
  await expect(involved.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  const involvedSection = answers.locator("section").filter({ hasText: INVOLVED });
  await expect(involvedSection.locator(".answer-saved")).toContainText("Recorded answer: Yes");
  await expect(involvedSection.locator(".answer-saved")).toContainText(QUOTE);
  await readmeElementScreenshot(involvedSection, "findings-answer");
  // The script is kept as text, never run.
  await expect(answers.locator("section").filter({ hasText: WHY }).locator(".answer-saved")).toContainText("<script>alert(1)</script>");

  // Back on the findings: the cell, its quote and the chart's data table follow (0 → 1).
  await page.getByRole("link", { name: /See the findings of/ }).click();
  const row = page.getByTestId("findings-table").getByRole("row").filter({ hasText: onTime!.bodyName });
  await expect(row).toContainText("Yes");
  await expect(row).toContainText(QUOTE);
  await expect(row).not.toContainText(PRIVATE_NOTE);
  expect(await chartValue(page, INVOLVED, "Yes")).toBe("1");
  await expect(chart(page, INVOLVED).getByRole("img")).toHaveAttribute("aria-label", /yes 1/);

  await readmeScreenshot(page, "findings");
  await readmeElementScreenshot(page.locator(".findings-charts"), "findings-charts");

  // Each cell links to its evidence: the answer on the request page.
  await row.getByRole("link", { name: /^Yes: evidence for question 2/ }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${onTime!.id}#answer-`));
  const anchor = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${anchor}"]`)).toContainText(INVOLVED);
  await page.goBack();

  // The CSV: the right columns, one row per trust, the answer and its quote.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Findings table (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^findings-lxp-follow-up-[a-z0-9]+-2021-09-06\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    `Reference,Trust,NHS region,Status,Answered on time?,Date received,Due,Answered,Working days to respond,1. ${WHY},1. Quote,2. ${INVOLVED},2. Quote,3. Are other Band 7 or higher Lived Experience posts planned?,3. Quote`,
  );
  expect(lines).toHaveLength(4);
  const csvRow = lines.find((l) => l.includes(onTime!.bodyName))!;
  expect(csvRow).toContain(`Answered on time,2021-08-02,2021-08-31,2021-08-20,`);
  expect(csvRow).toContain(`,Yes,${QUOTE},`);
  expect(csv).not.toContain(PRIVATE_NOTE);
  // The JSON and the workspace's requests with their dates come from the same session.
  const json = (await (await page.request.get(`/findings/${fixture.batchId}/export/findings.json`)).json()) as { rows: Array<{ trust: string }> };
  expect(json.rows.map((r) => r.trust).sort()).toEqual(fixture.requests.map((r) => r.bodyName).sort());
  const requestsCsv = await (await page.request.get("/findings/export/requests.csv")).text();
  expect(requestsCsv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Reference,Body,Title,Status,Law,Batch,Sent,Date received,Due,Very overdue from,Answered,Working days to respond,Answered on time?");

  // The public page: on, seen by a stranger without the private note or people's names, then off.
  await page.getByRole("button", { name: "Turn the public page on" }).click();
  const link = page.getByLabel("Public link");
  await expect(link).toHaveValue(/\/public\/findings\/[A-Za-z0-9_-]{32}$/);
  const publicUrl = await link.inputValue();
  const stranger = await freshContext(browser);
  const publicPage = await stranger.newPage();
  const response = await publicPage.goto(publicUrl);
  expect(response?.status()).toBe(200);
  await expect(publicPage.getByRole("heading", { level: 1, name: fixture.batchName })).toBeVisible();
  await expect(publicPage.getByTestId("findings-table").getByRole("row").filter({ hasText: onTime!.bodyName })).toContainText(QUOTE);
  await expect(publicPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  const html = await publicPage.content();
  for (const secret of [PRIVATE_NOTE, "Private Sender Person", readState().ownerEmail, "LXP Revolution owner", onTime!.id]) expect(html, secret).not.toContain(secret);
  await readmeScreenshot(publicPage, "findings-public");
  const publicCsv = await stranger.request.get(`${publicUrl}/download/findings.csv`);
  expect(publicCsv.status()).toBe(200);
  expect(await publicCsv.text()).not.toContain(PRIVATE_NOTE);

  await page.getByRole("button", { name: "Turn the public page off" }).click();
  await expect(page.getByText("The public page is off.", { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel("Public link")).toHaveCount(0);
  expect((await publicPage.goto(publicUrl))?.status()).toBe(404);
  expect((await stranger.request.get(`${publicUrl}/download/findings.csv`)).status()).toBe(404);
  await stranger.close();
});

test("the printable report has the charts with their data, and the table, for print", async ({ page }) => {
  await page.goto(`/findings/${fixture.batchId}/report`);
  await expect(page.getByRole("heading", { level: 1, name: `Findings: ${fixture.batchName}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByTestId("findings-table")).toBeVisible();
  await expect(chart(page, "Requests by status").getByRole("table")).toBeVisible();
});

test("another workspace's batch id, or an unknown public token, is not found", async ({ page, browser }) => {
  expect((await page.goto("/findings/not-a-real-batch"))?.status()).toBe(404);
  expect((await page.goto("/findings/not-a-real-batch/export/findings.csv"))?.status()).toBe(404);
  const stranger = await freshContext(browser);
  const visitor = await stranger.newPage();
  expect((await visitor.goto("/public/findings/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))?.status()).toBe(404);
  // A signed-out visitor is sent to sign in, not given the export.
  await visitor.goto(`/findings/${fixture.batchId}/export/findings.csv`);
  await expect(visitor).toHaveURL(/\/sign-in/);
  await stranger.close();
});

test("a viewer reads the findings and the recorded answers but cannot change them", async ({ browser }) => {
  const viewer = await createMember("viewer", { prefix: "findings-viewer" });
  const context = await freshContext(browser);
  const page = await context.newPage();
  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/findings/${fixture.batchId}`);
  await expect(page.getByRole("heading", { level: 1, name: `Findings: ${fixture.batchName}` })).toBeVisible();
  await expect(page.locator("ol.question-list > li")).toHaveCount(3);
  await expect(page.getByText("Add a question")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Public page" })).toHaveCount(0);
  await page.getByTestId("findings-table").getByRole("link", { name: fixture.requests[0]!.bodyName, exact: true }).click();
  const answers = page.getByRole("region", { name: "Research answers" });
  await expect(answers.locator(".answer-saved").first()).toBeVisible();
  await expect(answers.getByRole("button", { name: "Save this answer" })).toHaveCount(0);
  await context.close();
});
