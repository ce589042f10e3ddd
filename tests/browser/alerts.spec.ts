// Alerts in the browser. The app's "today" is Monday 6 September 2021 and the test worker has
// already swept that day, so this file logs two requests received Friday 6 August 2021 (due
// Monday 6 September: 20 working days, skipping the 30 August bank holiday), moves the clock
// to Tuesday 7 September (NOW_FILE) and runs the real sweep command for that day: each
// request is then 1 working day overdue. Then: the header's unread count, the notifications
// list, mark read, mark all read, the email digest (sent by the worker over SMTP), the alert
// settings form, the calendar feed, and unsubscribing without signing in.
import { test, expect, type Page } from "@playwright/test";
import { BASE_URL, OWNER_STORAGE_STATE, readState } from "../support/browser-env";
import { freshContext, readmeScreenshot } from "../support/browser-pages";
import { clearNow, receivedMail, setNow } from "../support/batch-browser-env";
import { runAlertsCommand } from "../support/alert-browser-db";

test.describe.configure({ mode: "serial" });

const TRUSTS = ["Mersey Care", "Berkshire Healthcare"] as const;
const SWEEP_DAY = "2021-09-07";
const SWEEP_DAY_UK = "Tuesday 7 September 2021";
const created: Array<{ id: string; title: string; bodyName: string }> = [];

async function logSentRequest(page: Page, trust: string): Promise<{ id: string; title: string; bodyName: string }> {
  await page.goto("/requests/new");
  const to = page.getByLabel("To", { exact: true });
  const bodyName = (await to.locator("option", { hasText: trust }).first().textContent())!.trim();
  await to.selectOption({ label: bodyName });
  const title = `Why ${trust} did not apply for the Band 7 post`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("The letter").fill(`Dear ${bodyName},\n\nWhy did the trust not apply for the Band 7 funding?\n\nLXP Revolution`);
  await page.getByLabel("Sent by").selectOption({ label: "Email" });
  await page.getByLabel("Date", { exact: true }).fill("2021-08-06");
  await page.getByRole("button", { name: "Save the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  return { id, title, bodyName };
}

/**
 * The text of the alerts digest to the seeded owner for SWEEP_DAY, as received by the test
 * SMTP server. The worker sends digests on its one-minute tick, so this waits up to 90 s.
 */
async function readDigest(): Promise<string> {
  const { ownerEmail } = readState();
  const subject = new RegExp(`^FOI alerts: \\d+ new for ${SWEEP_DAY_UK}$`);
  let text = "";
  await expect(() => {
    const mail = receivedMail()
      .filter((m) => subject.test(m.subject) && m.to.toLowerCase().includes(ownerEmail.toLowerCase()))
      .at(-1);
    expect(mail, `a digest to ${ownerEmail} for ${SWEEP_DAY_UK}`).toBeDefined();
    text = mail!.text;
  }).toPass({ timeout: 90_000, intervals: [1_000] });
  return text;
}

/** The header link's unread count (0 when it shows none), read from its accessible name. */
async function unreadInHeader(page: Page): Promise<number> {
  const link = page.getByRole("banner").getByRole("link", { name: /^Notifications/ });
  await expect(link).toBeVisible();
  // With unread notifications the name is its aria-label, "Notifications, 3 unread".
  const match = /^Notifications, (\d+) unread$/.exec((await link.getAttribute("aria-label")) ?? "");
  return match ? Number(match[1]) : 0;
}

test.afterAll(async ({ browser }) => {
  clearNow();
  // Tidy up for the other specs (the dashboard and requests list count requests): delete
  // what this file logged (a soft delete; its notifications disappear with it).
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: OWNER_STORAGE_STATE });
  const page = await context.newPage();
  for (const r of created) {
    await page.goto(`/requests/${r.id}`);
    const summary = page.getByText("Delete this request", { exact: true });
    if (!(await summary.isVisible())) continue;
    await summary.click();
    await page.getByRole("button", { name: "Yes, delete this request" }).click();
    await expect(page).toHaveURL(/\/requests\?deleted=1/);
  }
  await context.close();
});

test("overdue requests raise notifications: the header counts them, the list says what to do, and they can be marked read", async ({ page }) => {
  test.setTimeout(180_000);
  for (const trust of TRUSTS) created.push(await logSentRequest(page, trust));

  // Before the sweep: nothing about these requests.
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  for (const r of created) await expect(page.getByRole("heading", { name: `New: Overdue: ${r.bodyName}` })).toHaveCount(0);
  const before = await unreadInHeader(page);

  // The next day. The worker may sweep it too: whoever is first raises each alert, once.
  setNow(SWEEP_DAY);
  const run = runAlertsCommand(SWEEP_DAY);
  expect(run.summary).toMatchObject({ today: SWEEP_DAY, dryRun: false });

  await page.reload();
  const unread = await unreadInHeader(page);
  expect(unread).toBeGreaterThanOrEqual(before + created.length);
  const headerLink = page.getByRole("banner").getByRole("link", { name: `Notifications, ${unread} unread` });
  await expect(headerLink).toBeVisible();
  await expect(page.getByTestId("unread-badge")).toHaveText(String(unread));

  // Each overdue request: the trust, the request, the date with its weekday, the working days late, what to do.
  for (const r of created) {
    const item = page.getByRole("article", { name: `New: Overdue: ${r.bodyName}` });
    await expect(item).toBeVisible();
    await expect(item.getByRole("link", { name: r.title })).toHaveAttribute("href", `/requests/${r.id}`);
    await expect(item).toContainText("Response was due: Monday 6 September 2021");
    await expect(item).toContainText("Overdue by 1 working day");
    await expect(item).toContainText("What to do next: Late: send a chaser. Once you have chased it, you can complain to the ICO, or ask for an internal review.");
    await expect(item).toContainText(`Alerted ${SWEEP_DAY_UK}`);
  }
  await readmeScreenshot(page, "notifications");

  // Running the sweep again the same day raises nothing new.
  const again = runAlertsCommand(SWEEP_DAY);
  expect(again.summary).toMatchObject({ alerts: 0, notifications: 0 });
  await page.reload();
  expect(await unreadInHeader(page)).toBe(unread);

  // The email digest (one, from the worker) names both trusts under "Overdue", each with its link.
  const digest = await readDigest();
  expect(digest).toContain("Overdue (");
  for (const r of created) {
    expect(digest).toContain(`* ${r.bodyName}: ${r.title}`);
    expect(digest).toContain(`${BASE_URL}/requests/${r.id}`);
  }
  const { ownerEmail } = readState();
  expect(receivedMail().filter((m) => m.subject.startsWith("FOI alerts:") && m.subject.endsWith(SWEEP_DAY_UK) && m.to.includes(ownerEmail))).toHaveLength(1);

  // Mark one read: the count goes down by one, and the item says it was read.
  const first = page.getByRole("article", { name: `New: Overdue: ${created[0]!.bodyName}` });
  await first.getByRole("button", { name: /^Mark read/ }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: unread - 1 === 0 ? "Notifications" : `Notifications, ${unread - 1} unread`, exact: true })).toBeVisible();
  const read = page.getByRole("article", { name: `Overdue: ${created[0]!.bodyName}`, exact: true });
  await expect(read).toContainText("Read");
  await expect(read.getByRole("button", { name: /^Mark read/ })).toHaveCount(0);

  // "Unread only" leaves it out.
  await page.getByRole("link", { name: /^Unread only/ }).click();
  await expect(page.getByRole("article", { name: `New: Overdue: ${created[1]!.bodyName}` })).toBeVisible();
  await expect(page.getByRole("article", { name: `Overdue: ${created[0]!.bodyName}`, exact: true })).toHaveCount(0);

  // Mark all read: no count left, and the unread filter is empty.
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(page.getByTestId("unread-badge")).toHaveCount(0);
  await expect(page.getByText("Nothing unread.")).toBeVisible();
  await page.reload();
  expect(await unreadInHeader(page)).toBe(0);
});

test("alert settings: a kind turned off and the digest time are saved; a wrong time is refused next to the field", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Alert settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alert settings" })).toBeVisible();

  const veryOverdue = page.getByRole("group", { name: "Very overdue (40 working days)", exact: true });
  await expect(veryOverdue.getByRole("radio", { name: "Email digest" })).toBeChecked();
  await veryOverdue.getByRole("radio", { name: "Off" }).check();
  await page.getByRole("group", { name: "Due soon" }).getByRole("radio", { name: "In the app only" }).check();
  await page.getByLabel("Time of the daily email digest").fill("07:30");
  await page.getByRole("button", { name: "Save alert settings" }).click();
  await expect(page.getByText("Your alert settings are saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("group", { name: "Very overdue (40 working days)", exact: true }).getByRole("radio", { name: "Off" })).toBeChecked();
  await expect(page.getByRole("group", { name: "Due soon" }).getByRole("radio", { name: "In the app only" })).toBeChecked();
  await expect(page.getByRole("group", { name: "Overdue", exact: true }).getByRole("radio", { name: "Email digest" })).toBeChecked();
  await expect(page.getByLabel("Time of the daily email digest")).toHaveValue("07:30");
  await readmeScreenshot(page, "alert-settings");

  // No time at all (a time input cannot hold "25:00"), and a number of days out of range:
  // each refused next to its field, and nothing saved.
  await page.getByLabel("Time of the daily email digest").fill("");
  await page.getByLabel(/due soon this many working days before/).fill("99");
  await page.getByRole("group", { name: "Overdue", exact: true }).getByRole("radio", { name: "Off" }).check();
  await page.getByRole("button", { name: "Save alert settings" }).click();
  await expect(page.getByText("Check the answers marked below. Nothing was saved.")).toBeVisible();
  const timeField = page.locator(".field").filter({ has: page.getByLabel("Time of the daily email digest") });
  await expect(timeField.locator(".field-error")).toContainText("Enter a time from 00:00 to 23:59");
  await expect(page.getByLabel("Time of the daily email digest")).toHaveAttribute("aria-invalid", "true");
  const daysField = page.locator(".field").filter({ has: page.getByLabel(/due soon this many working days before/) });
  await expect(daysField.locator(".field-error")).toContainText("from 1 to 10");

  await page.reload();
  await expect(page.getByLabel("Time of the daily email digest")).toHaveValue("07:30");
  await expect(page.getByRole("group", { name: "Overdue", exact: true }).getByRole("radio", { name: "Email digest" })).toBeChecked();
});

test("the calendar feed: a secret .ics address with the due dates, which stops working when turned off", async ({ page }) => {
  expect(created.length, "the first test logs the requests").toBe(TRUSTS.length);
  await page.goto("/settings/alerts");
  await expect(page.getByText("You have no calendar feed.")).toBeVisible();
  await page.getByRole("button", { name: "Create my calendar feed" }).click();
  const address = page.getByLabel("Your calendar feed address (secret)");
  await expect(address).toHaveValue(new RegExp(`^${BASE_URL}/calendar/[A-Za-z0-9_-]{20,}\\.ics$`));
  const url = await address.inputValue();

  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(feed.headers()["cache-control"]).toBe("private, max-age=300");
  // Unfold RFC 5545 continuation lines before reading properties.
  const ics = (await feed.text()).replace(/\r\n[ \t]/g, "");
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  for (const r of created) {
    const event = ics.split("BEGIN:VEVENT").find((e) => e.includes(`UID:${r.id}-due@foi-tracker`));
    expect(event, `an event for ${r.bodyName}`).toBeDefined();
    expect(event).toContain("DTSTART;VALUE=DATE:20210906");
    expect(event).toContain(`FOI due: ${r.bodyName}`);
  }

  // After a reload the address is not shown again (only its hash is stored).
  await page.reload();
  await expect(page.getByText("You have a calendar feed.")).toBeVisible();
  await expect(page.getByLabel("Your calendar feed address (secret)")).toHaveCount(0);

  // A new address replaces the old one; turning the feed off stops the new one too.
  await page.getByRole("button", { name: "Make a new address" }).click();
  const second = await page.getByLabel("Your calendar feed address (secret)").inputValue();
  await page.screenshot({ path: "test-results/screenshots/calendar-feed.png", fullPage: true });
  expect(second).not.toBe(url);
  expect((await page.request.get(url)).status()).toBe(404);
  expect((await page.request.get(second)).status()).toBe(200);
  await page.getByRole("button", { name: "Turn off the calendar feed" }).click();
  await expect(page.getByText("Your calendar feed is turned off.")).toBeVisible();
  expect((await page.request.get(second)).status()).toBe(404);
  expect((await page.request.get("/calendar/not-a-real-token-at-all-0000.ics")).status()).toBe(404);
});

test("the digest's unsubscribe link works without signing in: GET only asks, the button turns alert emails off", async ({ page, browser }) => {
  const digest = await readDigest();
  const link = /Stop all alert emails[^:]*: (\S+)/.exec(digest)?.[1];
  expect(link, `an unsubscribe-from-all link in:\n${digest}`).toMatch(new RegExp(`^${BASE_URL}/unsubscribe\\?token=`));

  const stranger = await freshContext(browser);
  const visitor = await stranger.newPage();
  await visitor.goto(link!);
  await expect(visitor.getByRole("heading", { level: 1, name: "Stop alert emails" })).toBeVisible();
  await expect(visitor.getByText("This will stop all alert emails")).toBeVisible();
  await visitor.screenshot({ path: "test-results/screenshots/unsubscribe.png", fullPage: true });
  // Opening the link (as a mail scanner would) changed nothing.
  await page.goto("/settings/alerts");
  await expect(page.getByRole("group", { name: "Overdue", exact: true }).getByRole("radio", { name: "Email digest" })).toBeChecked();

  await visitor.getByRole("button", { name: "Stop these emails" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "You have unsubscribed" })).toBeVisible();
  await expect(visitor.getByText("You will get no more alert emails.")).toBeVisible();
  await stranger.close();

  // Email became "in the app only"; what was off stays off.
  await page.reload();
  await expect(page.getByRole("group", { name: "Overdue", exact: true }).getByRole("radio", { name: "In the app only" })).toBeChecked();
  await expect(page.getByRole("group", { name: "Very overdue (40 working days)", exact: true }).getByRole("radio", { name: "Off" })).toBeChecked();
  for (const radio of await page.getByRole("radio", { name: "Email digest" }).all()) await expect(radio).not.toBeChecked();
});

test("an unsubscribe link that has been tampered with is refused with a clear message", async ({ page }) => {
  const response = await page.request.get("/unsubscribe?token=abc.def", { failOnStatusCode: false });
  expect(response.status()).toBe(400);
  await page.goto("/unsubscribe?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  await expect(page.getByRole("heading", { level: 1, name: "This unsubscribe link does not work" })).toBeVisible();
  await expect(page.getByText("nothing was turned off")).toBeVisible();
  const posted = await page.request.post("/unsubscribe", { form: { token: "abc.def" }, failOnStatusCode: false });
  expect(posted.status()).toBe(400);
});
