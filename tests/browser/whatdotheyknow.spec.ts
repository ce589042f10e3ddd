// Issue 13 end to end: the batch of 31 is sent via WhatDoTheyKnow, the whole batch page is
// pasted back at once (31 clocks start), then a reply on WhatDoTheyKnow reaches its request
// with a suggested event. WhatDoTheyKnow is the local stand-in (tests/support/wdtk-fixtures.ts)
// the app is pointed at (WDTK_BASE_URL in tests/support/browser-global-setup.ts).
import { test, expect } from "@playwright/test";
import { removeBatchAndAddresses } from "../support/batch-browser-db";
import { withClient } from "../support/browser-db";
import { WDTK_FIXTURE_PORT } from "../support/browser-env";
import { expectNoDuplicateIds } from "../support/browser-pages";
import { batchPage, startWdtkFixtureServer, type FixtureRequest, type WdtkFixtureServer } from "../support/wdtk-fixtures";

let site: WdtkFixtureServer;
let batchId = "";

test.beforeAll(async () => {
  site = await startWdtkFixtureServer(WDTK_FIXTURE_PORT, []);
});

test.afterAll(async () => {
  if (batchId) await removeBatchAndAddresses(batchId);
  await site?.close();
});

/** What sending each letter on WhatDoTheyKnow makes there: one request per trust, the same title, numbered. */
function madeOnWhatDoTheyKnow(names: string[]): FixtureRequest[] {
  return names.map((name, i) => ({
    id: 7000 + i,
    urlTitle: `band_7_lived_experience_posts${i === 0 ? "" : `_${i + 1}`}`,
    title: "Band 7 Lived Experience posts",
    body: { id: 800 + i, urlName: name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, ""), name, shortName: null },
    lawUsed: "foi",
    describedState: "waiting_response",
    awaitingDescription: false,
    prominence: "normal",
    userName: "LXP Revolution",
    events: [
      {
        id: 70_000 + i,
        type: "sent",
        createdAt: "2021-09-06T10:00:00.000+01:00",
        describedState: "waiting_response",
        calculatedState: "waiting_response",
        outgoing: { id: 71_000 + i, text: `Dear ${name}, ...` },
      },
    ],
  }));
}

test("the batch of 31 sent via WhatDoTheyKnow: pasted back at once, 31 clocks, and a reply there arrives with a suggested event", async ({ page }) => {
  test.setTimeout(180_000);

  await page.goto("/requests");
  await page.getByRole("link", { name: "Funding for Band 7 LXP KUF roles in England" }).first().click();
  await page.getByRole("button", { name: "Follow up the 31 that did not apply" }).click();
  await expect(page.getByText("Draft batch created.")).toBeVisible();
  batchId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByLabel("Via WhatDoTheyKnow").check();
  await page.getByRole("button", { name: "Save the letter" }).click();
  await expect(page.getByText("Saved. The previews use this letter now.")).toBeVisible();
  await page.getByRole("link", { name: "Review and send" }).click();
  await page.getByRole("button", { name: "Send the batch now" }).click();
  await expect(page.getByText("Created 31 requests.")).toBeVisible();

  // The per-recipient steps are folded away; one box takes the whole batch back.
  await expect(page.locator("details.wdtk-steps")).toHaveCount(31);
  await expect(page.locator("details.wdtk-steps[open]")).toHaveCount(0);
  const names = await withClient(async (client) =>
    (await client.query<{ name: string }>(`SELECT b.name FROM "BatchRecipient" r JOIN "PublicBody" b ON b.id = r."bodyId" WHERE r."batchId" = $1 ORDER BY r.position`, [batchId])).rows.map((r) => r.name),
  );
  expect(names).toHaveLength(31);
  const made = madeOnWhatDoTheyKnow(names);
  for (const r of made) site.add(r);

  // The HTML source of WhatDoTheyKnow's batch page, pasted as it is.
  await page.getByLabel("Request addresses on WhatDoTheyKnow").fill(batchPage("Band 7 Lived Experience posts", made, site.origin));
  await page.getByRole("button", { name: "Check the addresses" }).click();
  await expect(page.getByText("Found 31 addresses: 31 matched. Nothing is marked as sent yet.")).toBeVisible();
  const check = page.getByRole("form", { name: "Check before marking as sent" });
  await expect(check.getByRole("checkbox")).toHaveCount(31);
  await expectNoDuplicateIds(page);
  await check.getByRole("button", { name: "Mark the ticked and chosen requests as sent" }).click();
  await expect(page.getByText("Marked 31 requests as sent from their WhatDoTheyKnow addresses. Their clocks are running.")).toBeVisible();

  // 31 clocks, each from its own date of receipt.
  await expect(page.locator("p.lede")).toContainText("Sent Monday 6 September 2021 · 31 recipients");
  const rows = page.getByRole("table", { name: /recipients/ }).locator("tbody tr");
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(0);
  await expect(rows.filter({ hasText: "20 working days left" })).toHaveCount(shown);
  const clocks = await withClient(async (client) => (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "FoiRequest" WHERE "batchId" = $1 AND "dueOn" IS NOT NULL AND "externalUrl" LIKE $2`, [batchId, `${site.origin}/request/%`])).rows[0]!.n);
  expect(Number(clocks)).toBe(31);

  // A reply on WhatDoTheyKnow: "Check WhatDoTheyKnow now" on its request files it, with what it seems to mean.
  const first = made[0]!;
  site.addReply(first.urlTitle, { id: 90_001, eventId: 90_002, createdAt: "2021-09-06T00:30:00.000+01:00", state: null, text: "Dear LXP Revolution,\n\nWe acknowledge receipt of your request, which we received on 6 September 2021." });
  await page.getByRole("row").filter({ hasText: first.body.name }).getByRole("link", { name: first.body.name, exact: true }).click();
  // The batch page has a button of the same name (for all 31): wait until the request's page is open.
  await expect(page).toHaveURL(/\/requests\/[^/?]+$/);
  await page.getByRole("button", { name: "Check WhatDoTheyKnow now" }).click();
  await expect(page.getByText("Checked 1 request on WhatDoTheyKnow: 1 new message to look at; 1 request has another status there.")).toBeVisible();
  await expect(page.getByTestId("wdtk-status")).toContainText("WhatDoTheyKnow says: Awaiting classification");
  // The suggestion card, as for mail: what it looks like, why it is filed here, to confirm or dismiss.
  const card = page.getByTestId("reply-suggestion");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Looks like:");
  await expect(card).toContainText("WhatDoTheyKnow filed it on this request");
  const correspondence = page.getByRole("region", { name: "Correspondence" });
  await correspondence.locator("summary", { hasText: /^Received Monday 6 September 2021/ }).click();
  await expect(correspondence.getByText("We acknowledge receipt of your request")).toBeVisible();
  await expect(correspondence.getByRole("link", { name: "This message on WhatDoTheyKnow" })).toHaveAttribute("href", `${site.origin}/request/${first.urlTitle}#incoming-90001`);
  const filed = await withClient(async (client) => (await client.query<{ review: string; suggestion: { kind: string } }>(`SELECT review, suggestion FROM "Message" WHERE "sourceKey" = $1`, [`127.0.0.1:${WDTK_FIXTURE_PORT}/incoming/90001`])).rows);
  expect(filed).toEqual([{ review: "pending", suggestion: expect.objectContaining({ kind: "acknowledged" }) }]);
});
