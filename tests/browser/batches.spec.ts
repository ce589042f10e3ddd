// Issue 5 end to end: from the NHS England request, start the follow-up batch of the 31
// trusts that did not apply, preview two letters, give the trusts FOI addresses (two through
// the trust page, the rest by tests/support/batch-browser-db.ts: the seed invents none), send
// by email through the outbox to the test SMTP server (tests/support/browser-global-setup.ts),
// watch progress reach 31 sent, then move the app's "today" forward (NOW_FILE, lib/time.ts)
// and chase the overdue ones. Cleans up after itself so the other specs see the seed as it was.
import { test, expect, type Page } from "@playwright/test";
import { clearNow, receivedMail, setNow } from "../support/batch-browser-env";
import { giveBatchRecipientsAddresses, removeBatchAndAddresses, testAddressFor, TEST_MAIL_DOMAIN } from "../support/batch-browser-db";
import { expectNoDuplicateIds, readmeScreenshot } from "../support/browser-pages";

const APOSTROPHE_TRUST = "South West London and St George's Mental Health NHS Trust";
const AMPERSAND_TRUST = "Lancashire & South Cumbria NHS Foundation Trust";
const BY_HAND = ["Oxleas NHS Foundation Trust", "Solent NHS Trust"];

let batchId = "";

test.afterAll(async () => {
  clearNow();
  if (batchId) await removeBatchAndAddresses(batchId);
});

function progressCount(page: Page, label: string) {
  return page.getByRole("list", { name: "Progress" }).locator("li", { hasText: `${label}:` }).locator("strong");
}

const batchMail = () => receivedMail().filter((m) => m.to.endsWith(`@${TEST_MAIL_DOMAIN}`));

test("a follow-up batch of 31 goes out by email, and the overdue ones get a chaser", async ({ page }) => {
  test.setTimeout(180_000);

  // From the NHS England request: one click makes the draft batch of the 31 that did not apply.
  await page.goto("/requests");
  await page.getByRole("link", { name: "Funding for Band 7 LXP KUF roles in England" }).first().click();
  await page.getByRole("button", { name: "Follow up the 31 that did not apply" }).click();
  await expect(page.getByText("Draft batch created.")).toBeVisible();
  batchId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("did not apply");
  const recipients = page.getByRole("table", { name: /recipients/ });
  await expect(recipients.getByRole("row")).toHaveCount(32);

  // The seed has no FOI email addresses: "Before you send" lists every email recipient.
  const beforeYouSend = page.getByRole("region", { name: "Before you send" });
  await expect(beforeYouSend.getByRole("listitem")).toHaveCount(31);

  // Preview two letters: each names its own trust, apostrophe and ampersand intact.
  for (const trust of [APOSTROPHE_TRUST, AMPERSAND_TRUST]) {
    await page.getByRole("link", { name: `Preview or edit the letter to ${trust}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Letter to ${trust}` })).toBeVisible();
    await expect(page.getByTestId("letter-text")).toContainText(trust);
    await expect(page.getByTestId("letter-text")).not.toContainText("{{");
    await expect(page.getByTestId("letter-text")).not.toContainText("&amp;");
    await page.getByRole("link", { name: /^Back to / }).click();
  }

  // Two addresses typed on the trust pages (through the "Before you send" links), the rest set directly.
  for (const trust of BY_HAND) {
    await beforeYouSend.getByRole("link", { name: trust }).click();
    await page.getByLabel("FOI email address").fill(testAddressFor(trust));
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.goto(`/batches/${batchId}`);
  }
  await expect(beforeYouSend.getByRole("listitem")).toHaveCount(29);
  expect(await giveBatchRecipientsAddresses(batchId)).toBe(29);
  await page.reload();
  await expect(beforeYouSend).toContainText("Nothing stops this batch going.");

  // The confirmation step says exactly what will happen before anything does.
  await page.getByRole("link", { name: "Review and send" }).click();
  await expect(page.getByTestId("send-summary")).toHaveText("Creates 31 requests and emails 31 bodies.");
  await page.getByRole("button", { name: "Send the batch now" }).click();
  await expect(page.getByText("Created 31 requests and queued 31 emails.")).toBeVisible();

  // The worker drains the outbox to the test SMTP server; the page refreshes itself while anything is queued.
  await expect(progressCount(page, "Sent")).toHaveText("31", { timeout: 60_000 });
  await expect(progressCount(page, "Queued")).toHaveText("0");
  const letters = batchMail();
  expect(letters).toHaveLength(31);
  expect(new Set(letters.map((m) => m.messageId)).size).toBe(31);
  for (const m of letters) expect(m.subject).toMatch(/\[FOI #\d+\]$/);
  expect(letters.map((m) => m.to)).toContain(testAddressFor(APOSTROPHE_TRUST));
  const sentTable = page.getByRole("table", { name: /recipients/ });
  // Sent on Monday 6 September 2021 (the pinned today): due 20 working days later.
  const stGeorgesRow = sentTable.getByRole("row").filter({ hasText: APOSTROPHE_TRUST });
  await expect(stGeorgesRow).toContainText("Monday 4 October 2021");
  await expect(stGeorgesRow).toContainText("20 working days left");
  await expectNoDuplicateIds(page);
  await readmeScreenshot(page, "batch");

  // Five weeks on, every request is overdue: chase them all, after seeing whom it will go to.
  setNow("2021-10-11");
  await page.reload();
  await expect(progressCount(page, "Overdue")).toHaveText("31");
  await expect(page.getByRole("table", { name: /recipients/ }).getByRole("row").filter({ hasText: APOSTROPHE_TRUST })).toContainText("Overdue by 5 working days");
  await page.getByRole("button", { name: "Tick all overdue (31)" }).click();
  await expect(page.getByText("31 overdue requests ticked.")).toBeVisible();
  await page.getByLabel("What to do").selectOption("chaser");
  await page.getByRole("button", { name: "Check what will happen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check before it is done" })).toBeVisible();
  const plan = page.getByRole("table", { name: /What will be done, to whom \(31\)/ });
  await expect(plan.getByRole("row")).toHaveCount(32);
  await expect(plan).toContainText(APOSTROPHE_TRUST);
  // Nothing is sent by looking at the plan.
  expect(batchMail()).toHaveLength(31);
  await page.getByRole("button", { name: "Send these chasers (31)" }).click();
  await expect(page.getByText("Done: 31 chasers queued.")).toBeVisible();

  await expect.poll(() => batchMail().length, { timeout: 60_000 }).toBe(62);
  const chasers = batchMail().slice(31);
  expect(new Set(chasers.map((m) => m.to)).size).toBe(31);
  expect(new Set(batchMail().map((m) => m.messageId)).size).toBe(62);
  const stGeorges = chasers.find((m) => m.to === testAddressFor(APOSTROPHE_TRUST));
  expect(stGeorges?.text).toContain("4 October 2021");
  // Back to the pinned today for the next test (afterAll does it too, should this test fail).
  clearNow();
});

test("a batch from ticked trusts: merge-field errors, one letter edited, WhatDoTheyKnow and post, a bulk status, CSV", async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const [wdtkTrust, postTrust, removedTrust] = ["Berkshire Healthcare NHS Foundation Trust", "Camden and Islington NHS Foundation Trust", "Isle of Wight NHS Trust"];
  let ownBatchId = "";
  try {
    // Tick three trusts in the filtered directory and start a batch with them.
    await page.goto("/trusts?outcome=funded");
    for (const trust of [wdtkTrust, postTrust, removedTrust]) await page.getByLabel(`Tick ${trust} for a batch`, { exact: true }).check();
    await page.getByRole("button", { name: "Start a batch with the ticked trusts" }).click();
    await expect(page.getByText("Draft batch created.")).toBeVisible();
    ownBatchId = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("New batch (3 bodies)");

    // An unknown merge field is refused next to the letter, and nothing is saved.
    const letter = page.getByLabel("Letter", { exact: true });
    await letter.fill("Dear {{body.nmae}},\n\nHow many Band 7 Lived Experience posts do you have?\n\n{{sender.name}}");
    await page.getByRole("button", { name: "Save the letter" }).click();
    await expect(page.locator("#field-template-error")).toContainText("body.name");
    await letter.fill("Dear {{body.name}},\n\nHow many Band 7 Lived Experience posts do you have?\n\n{{sender.name}}");
    await page.getByLabel("Via WhatDoTheyKnow").check();
    await page.getByRole("button", { name: "Save the letter" }).click();
    await expect(page.getByText("Saved. The previews use this letter now.")).toBeVisible();
    await page.reload();
    await page.screenshot({ path: "test-results/screenshots/batch-draft.png", fullPage: true });
    await expectNoDuplicateIds(page);

    // One recipient by post instead, one removed.
    await page.getByLabel(`Channel for ${postTrust}`).selectOption("post");
    await page.getByRole("button", { name: `Change the channel for ${postTrust}` }).click();
    await expect(page.getByRole("row").filter({ hasText: postTrust })).toContainText("(this one only)");
    await page.getByRole("button", { name: `Remove ${removedTrust}` }).click();
    await expect(page.getByRole("table", { name: /recipients/ }).getByRole("row")).toHaveCount(3);

    // One letter edited for its recipient alone, then put back to the template.
    await page.getByRole("link", { name: `Preview or edit the letter to ${wdtkTrust}` }).click();
    await expect(page.getByTestId("letter-text")).toContainText(`Dear ${wdtkTrust},`);
    await page.getByLabel(`Letter to ${wdtkTrust}`).fill(`Dear ${wdtkTrust},\n\nA letter written for you alone.\n\nLXP Revolution`);
    await page.getByRole("button", { name: "Save this letter" }).click();
    await expect(page.getByTestId("letter-text")).toContainText("A letter written for you alone.");
    await page.getByRole("button", { name: "Go back to the template" }).click();
    await expect(page.getByTestId("letter-text")).toContainText("How many Band 7 Lived Experience posts");
    await page.getByRole("link", { name: /^Back to / }).click();

    await page.getByRole("link", { name: "Review and send" }).click();
    await expect(page.getByTestId("send-summary")).toHaveText("Creates 2 requests and 1 goes via WhatDoTheyKnow; 1 goes by post.");
    await page.getByRole("button", { name: "Send the batch now" }).click();
    await expect(page.getByText("Created 2 requests.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Progress" })).toContainText("Drafted: 2");
    // Nothing has gone yet: the requests wait for their WhatDoTheyKnow address and posting date.
    await expect(page.locator("p.lede")).toContainText("Requests created on Monday 6 September 2021; 0 of 2 sent");
    // A mark-as-sent form per recipient: each label must reach its own row's field.
    await expectNoDuplicateIds(page);

    // WhatDoTheyKnow: a link to the body's page, the letter to copy, then the request's address pasted back.
    const wdtkRow = page.getByRole("row").filter({ hasText: wdtkTrust });
    // Collapsed by default, so a batch of 31 stays a short page.
    await wdtkRow.getByText("Send and mark as sent").click();
    await expect(wdtkRow.getByRole("link", { name: `Open ${wdtkTrust} on WhatDoTheyKnow` })).toHaveAttribute("href", /^https:\/\/www\.whatdotheyknow\.com\//);
    await wdtkRow.getByRole("button", { name: `Copy the letter to ${wdtkTrust}` }).click();
    await expect(wdtkRow.getByText("Copied. Paste it into WhatDoTheyKnow.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`Dear ${wdtkTrust},`);
    await wdtkRow.getByLabel(/Request address on WhatDoTheyKnow/).fill("https://example.org/not-wdtk");
    await wdtkRow.getByRole("button", { name: /Mark as sent/ }).click();
    await expect(wdtkRow.locator(".field-error")).toContainText("whatdotheyknow.com/request/");
    await wdtkRow.getByLabel(/Request address on WhatDoTheyKnow/).fill("https://www.whatdotheyknow.com/request/band_7_lxp_posts_berkshire");
    await wdtkRow.getByRole("button", { name: /Mark as sent/ }).click();
    await expect(wdtkRow.getByRole("link", { name: `On WhatDoTheyKnow (${wdtkTrust})` })).toHaveAttribute("href", "https://www.whatdotheyknow.com/request/band_7_lxp_posts_berkshire");
    await expect(page.locator("p.lede")).toContainText("Requests created on Monday 6 September 2021; 1 of 2 sent");

    // Post: printable letter, then the posting date (not before the batch was sent).
    const postRow = page.getByRole("row").filter({ hasText: postTrust });
    await postRow.getByLabel(/Posted on/).fill("2021-09-03");
    await postRow.getByRole("button", { name: /Mark as posted/ }).click();
    await expect(postRow.locator(".field-error")).toContainText("before the batch was sent");
    await postRow.getByLabel(/Posted on/).fill("2021-09-06");
    await postRow.getByRole("button", { name: /Mark as posted/ }).click();
    await expect(postRow).toContainText("Posted Monday 6 September 2021");
    await expect(page.getByRole("list", { name: "Progress" })).toContainText("Sent: 2");
    await expect(page.locator("p.lede")).toContainText("Sent Monday 6 September 2021 · 2 recipients");
    await page.goto(`/batches/${ownBatchId}/letters`);
    await expect(page.getByRole("article")).toHaveCount(2);
    await page.goto(`/batches/${ownBatchId}`);

    // A bulk status: what it will do to whom first, then done.
    for (const trust of [wdtkTrust, postTrust]) await page.getByLabel(`Tick ${trust}`, { exact: true }).check();
    await page.getByLabel("What to do").selectOption("status");
    await page.getByLabel("What happened (for “Record what happened”)").selectOption("acknowledged");
    await page.getByLabel("On (for “Record what happened”)").fill("2021-09-06");
    await page.getByRole("button", { name: "Check what will happen" }).click();
    await expect(page.getByRole("table", { name: /What will be done, to whom \(2\)/ })).toContainText(wdtkTrust);
    await page.screenshot({ path: "test-results/screenshots/batch-bulk-plan.png", fullPage: true });
    await page.getByRole("button", { name: "Record it for these requests (2)" }).click();
    await expect(page.getByText("Done: 2 statuses recorded.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Progress" })).toContainText("Acknowledged: 2");

    // A note left empty: the error is next to the field, and fixing it there goes on to the plan.
    for (const trust of [wdtkTrust, postTrust]) await page.getByLabel(`Tick ${trust}`, { exact: true }).check();
    await page.getByLabel("What to do").selectOption("note");
    await page.getByRole("button", { name: "Check what will happen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nothing was done" })).toBeVisible();
    const note = page.getByLabel("Note", { exact: true });
    await expect(note).toHaveAccessibleDescription("Write the note.");
    await note.fill("Phoned the FOI team <b>twice</b>");
    await page.getByRole("button", { name: "Check what will happen" }).click();
    await expect(page.getByRole("table", { name: /What will be done, to whom \(2\)/ })).toContainText(postTrust);

    // CSV of every recipient.
    const csv = await page.request.get(`/batches/${ownBatchId}/export`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain(wdtkTrust);
    expect(text).toContain(postTrust);
    expect(text).not.toContain(removedTrust);
  } finally {
    if (ownBatchId) await removeBatchAndAddresses(ownBatchId);
  }
});

test("succession (Solent taken over by Hampshire and Isle of Wight Healthcare, 1 October 2024): the draft batch offers one request to the successor covering both", async ({ page }) => {
  let ownBatchId = "";
  try {
    await page.goto("/requests");
    await page.getByRole("link", { name: "Funding for Band 7 LXP KUF roles in England" }).first().click();
    await page.getByRole("button", { name: "Follow up the 31 that did not apply" }).click();
    await expect(page.getByText("Draft batch created.")).toBeVisible();
    ownBatchId = new URL(page.url()).pathname.split("/").pop()!;
    const checking = page.getByRole("region", { name: "Mergers and bodies outside the Act" });
    await expect(checking.getByTestId("succession-offer")).toContainText("Solent NHS Trust merged into Hampshire and Isle of Wight Healthcare NHS Foundation Trust, which is also in this batch");
    // Livewell Southwest CIC is outside FOIA (s3(1)): said before sending.
    await expect(checking).toContainText("Livewell Southwest CIC is not a public authority under the Freedom of Information Act");
    await checking.getByRole("button", { name: "Send one request to Hampshire and Isle of Wight Healthcare NHS Foundation Trust covering Solent NHS Trust" }).click();
    await expect(page.getByText("Combined: one request now covers 2 trusts.")).toBeVisible();
    await expect(page.getByRole("table", { name: /recipients/ }).getByRole("row")).toHaveCount(31);
    await expect(page.getByTestId("succession-offer")).toHaveCount(0);
    await page.getByRole("link", { name: "Preview or edit the letter to Hampshire and Isle of Wight Healthcare NHS Foundation Trust" }).click();
    await expect(page.getByTestId("letter-text")).toContainText("This request also covers Solent NHS Trust, whose services your trust took over on Tuesday 1 October 2024");
    await expectNoDuplicateIds(page);
  } finally {
    if (ownBatchId) await removeBatchAndAddresses(ownBatchId);
  }
});
