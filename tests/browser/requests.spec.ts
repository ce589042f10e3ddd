// A request's life in the browser, with the app's "today" pinned to Monday 6 September 2021
// (FOI_NOW, see tests/support/browser-env.ts): log it, see it overdue with a chaser ready,
// record a refusal, ask for an internal review, and see each letter follow the facts.
import { test, expect, type Page } from "@playwright/test";

async function addEvent(page: Page, what: string, date: string, extra: Record<string, string> = {}) {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add to the timeline" }) });
  if (!(await form.isVisible())) await page.getByText("Add to the timeline", { exact: true }).first().click();
  await form.getByLabel("What happened").selectOption({ label: what });
  await form.getByLabel("Date", { exact: true }).fill(date);
  for (const [label, value] of Object.entries(extra)) await form.getByLabel(label).fill(value);
  await form.getByRole("button", { name: "Add to the timeline" }).click();
}

test("a logged request goes overdue, is refused, and goes to internal review, with the right letter at each step", async ({ page }) => {
  await page.goto("/requests");
  await page.getByRole("link", { name: "Log a request" }).click();
  await page.getByLabel("To", { exact: true }).selectOption({ label: "Oxleas NHS Foundation Trust" });
  await page.getByLabel("Title").fill("Band 7 Lived Experience posts at Oxleas");
  await page.getByLabel("The letter").fill("Dear Oxleas NHS Foundation Trust,\n\nWhy did the trust not apply for the funding?\n\nLXP Revolution");
  await page.getByLabel("Sent by").selectOption({ label: "Email" });
  await page.getByLabel("Date", { exact: true }).fill("2021-08-02");
  await page.getByRole("button", { name: "Save the request" }).click();

  // Received Monday 2 August 2021: due Tuesday 31 August; on Monday 6 September, 4 working days late.
  await expect(page.getByRole("heading", { level: 1, name: "Band 7 Lived Experience posts at Oxleas" })).toBeVisible();
  await expect(page.getByText("Overdue by 4 working days (was due Tuesday 31 August 2021)")).toBeVisible();
  // The ICO takes a complaint about a request never answered once the body was chased (ICO FOI and EIR complaints guidance).
  await expect(page.getByText(/^Late: send a chaser\. The ICO takes a complaint about a request with no answer once you have chased it/)).toBeVisible();
  const letters = page.getByRole("region", { name: /ready to send/ });
  await expect(letters.getByRole("heading", { name: "Chaser: the response is overdue" })).toBeVisible();
  await expect(letters.getByRole("textbox").first()).toHaveValue(/Tuesday 31 August 2021[\s\S]*4 working days/);

  // An entry recorded by mistake can be taken back, behind a confirmation.
  await addEvent(page, "Acknowledged", "2021-08-03");
  const timeline = page.locator("ol.timeline");
  await expect(timeline).toContainText("Acknowledged, Tuesday 3 August 2021");
  await timeline.locator("summary", { hasText: "Remove" }).click();
  await timeline.getByRole("button", { name: /Yes, remove it/ }).click();
  await expect(timeline).not.toContainText("Acknowledged");

  // A date in the future is refused next to the field, and nothing is added.
  await addEvent(page, "Refused", "2021-09-07");
  await expect(page.locator(".field").filter({ has: page.getByLabel("Date", { exact: true }) }).locator(".field-error")).toContainText("future");

  await addEvent(page, "Refused", "2021-09-03", { "Exemptions cited (optional)": "s40, s43" });
  await expect(page.getByTestId("request-status")).toHaveText("Refused");
  await expect(page.getByText("Answered on Friday 3 September 2021, 3 working days late")).toBeVisible();
  await expect(letters.getByRole("heading", { name: "Request for an internal review" })).toBeVisible();
  await expect(letters.getByRole("textbox").first()).toHaveValue(/section 40[\s\S]*section 43/);

  // The refusal letter itself, pasted, with its PDF: stored and offered only as a download.
  const correspondence = page.getByRole("region", { name: "Correspondence" });
  await correspondence.getByLabel("From (name)").fill("Oxleas FOI team");
  await correspondence.getByLabel("Subject").fill("Your FOI request <script>alert(1)</script>");
  await correspondence.getByLabel("Date sent").fill("2021-09-03");
  await correspondence.getByLabel("Text of the message").fill("Dear LXP Revolution,\n\nWe withhold the information under section 40 and section 43.");
  await correspondence.getByLabel("Attachments (optional)").setInputFiles({ name: "refusal.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await correspondence.getByRole("button", { name: "Save message" }).click();
  const attachment = correspondence.getByRole("link", { name: /refusal\.pdf/ });
  await expect(correspondence.getByText("Your FOI request <script>alert(1)</script>")).toBeVisible();
  await correspondence.getByText("Your FOI request <script>alert(1)</script>").click();
  await expect(attachment).toBeVisible();
  const download = await page.request.get((await attachment.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);

  // An internal review answer before a review was asked for is refused with the reason.
  const kinds = page.getByLabel("What happened");
  await expect(kinds.locator("option", { hasText: "Internal review answered" })).toHaveCount(0);

  await addEvent(page, "Internal review requested", "2021-09-06");
  await expect(page.getByTestId("request-status")).toHaveText("Internal review");
  // Review asked for Monday 6 September 2021: 20 working days end Monday 4 October 2021.
  await expect(page.getByText("Internal review: Due Monday 4 October 2021: 20 working days left")).toBeVisible();
  await expect(page.getByRole("region", { name: /ready to send/ })).toHaveCount(0);

  // Tidy up for the other tests (the dashboard counts requests): delete, which an owner can undo.
  await page.getByText("Delete this request", { exact: true }).click();
  await page.getByRole("button", { name: "Yes, delete this request" }).click();
  await expect(page.getByText("The request was deleted.")).toBeVisible();
  await page.getByRole("link", { name: "An owner can restore it for 30 days." }).click();
  await expect(page.getByRole("button", { name: "Restore Band 7 Lived Experience posts at Oxleas" })).toBeVisible();
});
