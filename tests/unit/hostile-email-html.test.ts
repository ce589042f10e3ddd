import sanitizeHtml from "sanitize-html";
import { describe, expect, it } from "vitest";
import { sanitiseEmailHtml } from "@/lib/messages/sanitise-html";
import { emailFrameDocument, emailFrameHeight } from "@/lib/messages/email-frame";
import { HOSTILE_EMAIL_HTML, MARKER_HOST } from "../fixtures/hostile-email-html";

// What may come out of the sanitiser: formatting tags and, on links, an http(s) or mailto
// address. sanitize-html escapes every "<" and ">" of text and attribute values, so each
// "<" left in its output starts a real tag, and this simple reading of tags is exact.
const FORMATTING_TAGS = new Set(["p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "blockquote", "pre", "code", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "div", "hr"]);
const ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(["href", "title", "rel", "target"]),
  td: new Set(["colspan", "rowspan"]),
  th: new Set(["colspan", "rowspan", "scope"]),
  ol: new Set(["start"]),
};

function executableConstructs(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
    const name = tag[1]!.toLowerCase();
    if (!FORMATTING_TAGS.has(name)) problems.push(`tag <${name}>`);
    for (const attribute of tag[2]!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      const attributeName = attribute[1]!.toLowerCase();
      if (!ATTRIBUTES[name]?.has(attributeName)) problems.push(`attribute ${attributeName} on <${name}>`);
      if (attributeName === "href" && !/^(https?:\/\/|mailto:)/i.test(attribute[2] ?? "")) problems.push(`href ${attribute[2]}`);
    }
    // Text may mention anything (it is shown, not run); a tag may not point at the marker host.
    if (tag[2]!.includes(MARKER_HOST)) problems.push(`a reference to ${MARKER_HOST} in <${name}>`);
  }
  return problems;
}

describe("the hostile email corpus", () => {
  it("has at least 30 payloads, each named once", () => {
    expect(HOSTILE_EMAIL_HTML.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE_EMAIL_HTML.map((p) => p.name)).size).toBe(HOSTILE_EMAIL_HTML.length);
  });

  it("the checker finds what it looks for", () => {
    expect(executableConstructs(`<p onclick="x">a</p><img src="https://${MARKER_HOST}/"><a href="javascript:x">b</a><a href="/requests">c</a>`)).toEqual([
      "attribute onclick on <p>",
      "tag <img>",
      "attribute src on <img>",
      `a reference to ${MARKER_HOST} in <img>`,
      "href javascript:x",
      "href /requests",
    ]);
  });

  it.each(HOSTILE_EMAIL_HTML.map((p) => [p.name, p.html]))("sanitising leaves nothing that can run or load: %s", (_name, html) => {
    const output = sanitiseEmailHtml(html);
    expect(executableConstructs(output)).toEqual([]);
    // A second pass changes nothing: output that re-parses differently is how mutation XSS starts.
    expect(sanitiseEmailHtml(output)).toBe(output);
  });
});

// The app's own allow-list has no <textarea> or <xmp>, so these flaws are not reachable through
// sanitiseEmailHtml; the checks below are on the library itself, so that an install of an
// affected version (below 2.17.6) fails here rather than waiting for someone to widen the list.
describe("the installed sanitize-html has the raw-text fix (GHSA-jxwj-j7wr-gfrw, fixed in 2.17.6)", () => {
  it.each([
    ["textarea closed with </textarea/>", "<textarea></textarea/><img src=x onerror=alert(1)>", ["textarea"]],
    ["xmp closed with </xmp/>", "<xmp></xmp/><img src=x onerror=alert(1)>", ["xmp"]],
    ["textarea inside svg", "<svg><textarea><img src=x onerror=alert(1)></textarea></svg>", ["svg", "textarea"]],
  ])("%s", (_name, html, extraTags) => {
    const output = sanitizeHtml(html, { allowedTags: [...sanitizeHtml.defaults.allowedTags, ...extraTags] });
    expect(output).not.toMatch(/<img/i);
  });
});

describe("the email frame", () => {
  it("wraps the sanitised HTML in a document that loads nothing and runs nothing", () => {
    const doc = emailFrameDocument("<p>Dear campaigner</p>");
    expect(doc).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`);
    expect(doc).toContain('<meta name="referrer" content="no-referrer">');
    expect(doc).toMatch(/<body><p>Dear campaigner<\/p><\/body><\/html>$/);
    expect(doc).not.toMatch(/<script/i);
  });

  it("is tall enough for a short email and stops growing for a long one", () => {
    expect(emailFrameHeight("<p>Thanks</p>")).toBe(160);
    // 12 blocks, and 12 characters of text: one more line.
    expect(emailFrameHeight("<p>x</p>".repeat(12))).toBe((12 + 1) * 24 + 32);
    expect(emailFrameHeight("<p>x</p>".repeat(500))).toBe(640);
  });
});
