import { describe, expect, it } from "vitest";
import { sanitiseEmailHtml } from "@/lib/messages/sanitise-html";

// Payloads from the OWASP XSS Filter Evasion Cheat Sheet and the HTML5 Security Cheatsheet
// (html5sec.org), cut down to what an email could carry.
describe("sanitiseEmailHtml removes everything that could run", () => {
  it.each([
    ["script tag", "<p>Hi</p><script>alert(1)</script>", "<p>Hi</p>"],
    ["script tag, mixed case", "<p>Hi</p><ScRiPt>alert(1)</sCrIpT>", "<p>Hi</p>"],
    ["script with src", '<script src="https://evil.example/x.js"></script>ok', "ok"],
    ["onclick handler", '<p onclick="alert(1)">Click</p>', "<p>Click</p>"],
    ["onmouseover on a link", '<a href="https://example.org" onmouseover="alert(1)">x</a>', '<a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["img onerror", '<img src=x onerror="alert(1)">text', "text"],
    ["body onload", '<body onload="alert(1)"><p>x</p></body>', "<p>x</p>"],
    ["javascript: URL", '<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["javascript: URL, mixed case", '<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["javascript: URL, tab entity inside", '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["javascript: URL, raw tab and newline inside", '<a href="jav\tas\ncript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["javascript: URL, entity-encoded letters", '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["javascript: URL, leading spaces and control characters", '<a href=" &#14; javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["vbscript: URL", '<a href="vbscript:msgbox(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["data: URL", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["protocol-relative URL", '<a href="//evil.example/">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["SVG with script", '<svg><script>alert(1)</script><circle r="1"/></svg>after', "after"],
    ["SVG with onload", '<svg onload="alert(1)"><g></g></svg>after', "after"],
    ["SVG animate setting href", '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["MathML", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "x"],
    ["iframe", '<iframe src="https://evil.example/"></iframe>after', "after"],
    ["iframe srcdoc", '<iframe srcdoc="<script>alert(1)</script>">fallback</iframe>after', "after"],
    ["object and embed", '<object data="x.swf"></object><embed src="x.swf">after', "after"],
    ["style tag", "<style>body { display: none }</style><p>x</p>", "<p>x</p>"],
    ["CSS expression in a style attribute", '<p style="width: expression(alert(1))">x</p>', "<p>x</p>"],
    ["style attribute with url()", '<div style="background:url(javascript:alert(1))">x</div>', "<div>x</div>"],
    ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>x</p>', "<p>x</p>"],
    ["base href", '<base href="https://evil.example/"><a href="https://example.org/">x</a>', '<a href="https://example.org/" rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["form and input", '<form action="https://evil.example/"><input name="password"><button>Go</button></form>', "Go"],
    ["link stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">x', "x"],
    ["remote image (tracking pixel)", '<img src="https://tracker.example/pixel.gif?u=1" width="1" height="1">x', "x"],
    ["title in head", "<html><head><title>Secret title</title></head><body><p>x</p></body></html>", "<p>x</p>"],
    ["HTML comment / conditional comment", "<!--[if gte mso 9]><script>alert(1)</script><![endif]--><p>x</p>", "<p>x</p>"],
    ["unclosed tags are closed", "<p><b>bold <i>both", "<p><b>bold <i>both</i></b></p>"],
    ["unclosed script swallows nothing that runs", "<p>x</p><script>alert(1)", "<p>x</p>"],
    ["unterminated attribute", '<a href="https://example.org/ onclick=alert(1)>x', ""],
    ["target and rel from the sender are replaced", '<a href="https://example.org" target="_self" rel="opener">x</a>', '<a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["class and id are dropped", '<div class="x" id="y">z</div>', "<div>z</div>"],
  ])("%s", (_name, input, expected) => {
    const output = sanitiseEmailHtml(input);
    expect(output).toBe(expected);
    expect(output).not.toMatch(/<script|javascript:|vbscript:|data:|\son\w+=|style=|<svg|<iframe|<img/i);
  });
});

describe("sanitiseEmailHtml keeps what the sender wrote", () => {
  it.each([
    ["paragraphs and emphasis", "<p>Dear <strong>campaigner</strong>, <em>thank you</em>.</p>"],
    ["lists", "<ul><li>one</li><li>two</li></ul><ol start=\"3\"><li>three</li></ol>"],
    ["tables", '<table><thead><tr><th scope="col">Trust</th></tr></thead><tbody><tr><td colspan="2">Oxleas</td></tr></tbody></table>'],
    ["quotes and code", "<blockquote><p>quoted</p></blockquote><pre><code>ref 123</code></pre>"],
    ["headings and rules", "<h1>One</h1><h6>Six</h6><hr />"],
    ["https link", '<a href="https://www.whatdotheyknow.com/request/1" rel="noopener noreferrer nofollow" target="_blank">request</a>'],
    ["mailto link", '<a href="mailto:foi@oxleas.nhs.uk" rel="noopener noreferrer nofollow" target="_blank">foi@oxleas.nhs.uk</a>'],
    ["Welsh, emoji and right-to-left text", "<p>Ymddiriedolaeth GIG · ŵ ŷ â · 👍🏽 · مرحبا · שלום</p>"],
    ["entities stay entities", "<p>5 &lt; 6 &amp; 7 &gt; 3</p>"],
  ])("%s", (_name, input) => {
    expect(sanitiseEmailHtml(input)).toBe(input);
  });

  it("keeps the text of dropped wrappers such as font and center", () => {
    expect(sanitiseEmailHtml('<center><font color="red">Hello</font></center>')).toBe("Hello");
  });

  it("is idempotent, so re-sanitising on display changes nothing", () => {
    const once = sanitiseEmailHtml('<p onclick="x">a<a href="https://example.org">b</a><script>c</script></p>');
    expect(sanitiseEmailHtml(once)).toBe(once);
  });
});
