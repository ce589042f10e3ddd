// Replies file themselves: a trust's reply sent to the app's inbound mail listener (a real SMTP
// conversation, `npm run mail:receive` as a separate process) shows on its request with a
// suggested extension; one click confirms it and the due date on the page moves; a reply the app
// cannot place waits in the Unmatched inbox until a person files it. Today is pinned to Monday
// 6 September 2021 (tests/support/browser-env.ts).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import nodemailer from "nodemailer";
import { test, expect } from "@playwright/test";
import { BASE_URL, BROWSER_TODAY, readState, ROOT, TEST_AUTH_SECRET, TEST_PORT_OFFSET } from "../support/browser-env";
import { withClient } from "../support/browser-db";

const INBOUND_PORT = 2625 + TEST_PORT_OFFSET;
const INBOX = "lxp-revolution@localhost";
let listener: ChildProcess | null = null;
let requestId = "";

test.beforeAll(async () => {
  listener = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/mail-receive.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: readState().databaseUrl, APP_ENV: "test", NEXTAUTH_URL: BASE_URL, NEXTAUTH_SECRET: TEST_AUTH_SECRET, FOI_NOW: BROWSER_TODAY, INBOUND_SMTP_PORT: String(INBOUND_PORT), INBOUND_SMTP_HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the inbound mail listener did not start")), 60_000);
    listener!.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Receiving mail")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
});

test.afterAll(async () => {
  listener?.kill("SIGTERM");
  // Later specs count the seed's requests as they were.
  if (requestId) await withClient((client) => client.query(`DELETE FROM "FoiRequest" WHERE id = $1 AND title = 'Band 7 posts at Sussex Partnership'`, [requestId]));
});

const send = (mail: Parameters<ReturnType<typeof nodemailer.createTransport>["sendMail"]>[0]) => nodemailer.createTransport({ host: "127.0.0.1", port: INBOUND_PORT, secure: false, ignoreTLS: true }).sendMail(mail);

test("a trust's reply suggests an extension that one click confirms; an unmatched reply is filed from the inbox", async ({ page }) => {
  // Two messages go through a real SMTP conversation and the whole pipeline: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await page.goto("/requests/new");
  await page.getByLabel("To", { exact: true }).selectOption({ label: "Sussex Partnership NHS Foundation Trust" });
  await page.getByLabel("Title").fill("Band 7 posts at Sussex Partnership");
  await page.getByLabel("The letter").fill("Dear Sussex Partnership NHS Foundation Trust,\n\nWhy did the trust not apply?\n\nLXP Revolution");
  await page.getByLabel("Sent by").selectOption({ label: "Email" });
  await page.getByLabel("Date", { exact: true }).fill("2021-08-02");
  await page.getByRole("button", { name: "Save the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Band 7 posts at Sussex Partnership" })).toBeVisible();
  requestId = /\/requests\/([^/?#]+)/.exec(page.url())![1]!;
  const reference = /FOI #(\d+)/.exec((await page.locator(".lede").textContent()) ?? "")![1];

  await send({
    from: "Sussex Partnership FOI <foi@sussexpartnership.nhs.example>",
    to: INBOX,
    subject: `RE: FW: Band 7 posts at Sussex Partnership [FOI # ${reference}]`,
    date: new Date("2021-08-27T10:00:00+01:00"),
    text: "Dear Requester,\n\nWe are considering the public interest test for section 43(2). We need to extend the deadline and now aim to respond by Monday 20 September 2021.\n\nFOI Team",
  });
  await page.reload();
  const card = page.getByTestId("reply-suggestion");
  await expect(card).toContainText("Looks like: an extension to Monday 20 September 2021, citing s43(2)");
  await expect(page.getByText("Overdue by 4 working days (was due Tuesday 31 August 2021)")).toBeVisible();
  // The hidden part of the name is absolutely positioned, so Chromium names the button "Confirm : an extension...".
  await card.getByRole("button", { name: /^Confirm\s*:/ }).click();
  await expect(page.getByTestId("reply-suggestion")).toHaveCount(0);
  await expect(page.getByTestId("request-status")).toHaveText("Extended by the body");
  await expect(page.locator("dl.facts").first()).toContainText("Extended to");
  await expect(page.locator("dl.facts").first()).toContainText("Monday 20 September 2021");
  await expect(page.locator("ol.timeline")).toContainText("Deadline extended, Friday 27 August 2021");

  // No token, no reply to our letter, a sender we do not know: it waits for a person.
  await send({ from: "Jo at the trust <jo.bloggs@personal.example>", to: INBOX, subject: "Your question about Band 7 posts", date: new Date("2021-09-03T10:00:00+01:00"), text: "Dear Requester,\n\nThe Trust does not hold the information you have requested." });
  await page.getByRole("link", { name: "Unmatched replies" }).click();
  const waiting = page.getByTestId("unmatched-message").filter({ hasText: "Your question about Band 7 posts" });
  await expect(waiting).toContainText("Not filed because");
  await waiting.getByLabel("File it on a request").selectOption(requestId);
  await waiting.getByRole("button", { name: /File it here/ }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${requestId}`));
  await expect(page.getByTestId("reply-suggestion")).toContainText("Looks like: information not held");
});
