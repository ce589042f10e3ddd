import { describe, expect, it } from "vitest";
import { extractPastedAddresses, findDate, parseRequestAddress, urlTitleWords } from "@/lib/whatdotheyknow/addresses";

const WDTK = "https://www.whatdotheyknow.com";

describe("request addresses", () => {
  it.each([
    ["https://www.whatdotheyknow.com/request/funding_for_band_7_lxp_kuf_roles", "funding_for_band_7_lxp_kuf_roles"],
    ["whatdotheyknow.com/request/band_7_posts_2#incoming-1234", "band_7_posts_2"],
    ["https://www.whatdotheyknow.com/request/band_7_posts_2/details?x=1", "band_7_posts_2"],
    ["https://www.whatdotheyknow.com/request/band_7_posts.json", "band_7_posts"],
  ])("%s is the request %s on the site", (raw, urlTitle) => {
    expect(parseRequestAddress(raw, WDTK)).toEqual({ url: `${WDTK}/request/${urlTitle}`, urlTitle });
  });

  it.each(["https://evil.example/request/x", "https://www.whatdotheyknow.com/body/solent", "not an address", "https://www.whatdotheyknow.com/request/"])("%s is not one", (raw) => {
    expect(parseRequestAddress(raw, WDTK)).toBeNull();
  });

  it("another Alaveteli site (or a test server) is read the same way", () => {
    expect(parseRequestAddress("http://127.0.0.1:4123/request/x_2", "http://127.0.0.1:4123")).toEqual({ url: "http://127.0.0.1:4123/request/x_2", urlTitle: "x_2" });
    expect(parseRequestAddress("https://www.whatdotheyknow.com/request/x_2", "http://127.0.0.1:4123")).toBeNull();
  });

  it("the words of an address leave out the number a repeated title gets", () => {
    expect(urlTitleWords("band_7_posts_at_solent_12")).toEqual(["band", "7", "posts", "at", "solent"]);
  });

  it.each([
    ["sent 2021-09-07", "2021-09-07"],
    ["07/09/2021", "2021-09-07"],
    ["on 7 September 2021.", "2021-09-07"],
  ])("a date on the line: %s", (text, iso) => {
    expect(findDate(text)?.iso).toBe(iso);
  });
});

describe("what is pasted back", () => {
  it("lines of addresses, with the body's name and a date on the same line (two spreadsheet columns, or prose)", () => {
    const pasted = [
      "Solent NHS Trust\thttps://www.whatdotheyknow.com/request/band_7_posts_2\t07/09/2021",
      "https://www.whatdotheyknow.com/request/band_7_posts_3 - Oxleas NHS Foundation Trust",
      "https://www.whatdotheyknow.com/request/band_7_posts_4",
      "Thanks, all sent!",
      "Solent NHS Trust https://www.whatdotheyknow.com/request/band_7_posts_2",
    ].join("\n");
    const { addresses, notAddresses } = extractPastedAddresses(pasted, WDTK);
    expect(addresses.map((a) => [a.urlTitle, a.bodyName, a.sentOn])).toEqual([
      ["band_7_posts_2", "Solent NHS Trust", "2021-09-07"],
      ["band_7_posts_3", "Oxleas NHS Foundation Trust", null],
      ["band_7_posts_4", null, null],
    ]);
    expect(notAddresses).toEqual(["Thanks, all sent!"]);
  });

  it("the HTML source of WhatDoTheyKnow's batch page: each entry's address, body and date", () => {
    // The markup of Alaveteli's request/_request_listing_via_event.html.erb for a `sent` event
    // (ApplicationHelper#event_description, DateTimeHelper#simple_date's <time> tag).
    const entry = (urlTitle: string, bodyUrlName: string, bodyName: string, datetime: string) => `
<div class="request_listing">
  <div class="request_left">
    <span class="head">
        <a href="/request/${urlTitle}">Band 7 Lived Experience posts</a>
    </span>
    <div class="requester">
      Request sent to <a href="https://www.whatdotheyknow.com/body/${bodyUrlName}">${bodyName}</a> by <a href="https://www.whatdotheyknow.com/user/lxp_revolution">LXP Revolution</a> on <time datetime="${datetime}" title="${datetime}">7 September 2021</time>.
    </div>
    <p>
      <i class="icon-standalone icon_waiting_response"></i>
      <strong>
        Awaiting response
      </strong>
    </p>
  </div>
</div>`;
    const html = `<div class="results_block">${entry("band_7_lived_experience_posts", "solent", "Solent NHS Trust", "2021-09-07T09:30:12+01:00")}${entry(
      "band_7_lived_experience_posts_2",
      "south_london_and_maudsley_nhs_foundation_trust",
      "South London &amp; Maudsley NHS Foundation Trust",
      "2021-09-08T23:30:00+01:00",
    )}</div>`;
    const { addresses } = extractPastedAddresses(html, WDTK);
    expect(addresses.map((a) => [a.url, a.bodyName, a.bodyUrlName, a.sentOn])).toEqual([
      [`${WDTK}/request/band_7_lived_experience_posts`, "Solent NHS Trust", "solent", "2021-09-07"],
      [`${WDTK}/request/band_7_lived_experience_posts_2`, "South London & Maudsley NHS Foundation Trust", "south_london_and_maudsley_nhs_foundation_trust", "2021-09-08"],
    ]);
  });
});
