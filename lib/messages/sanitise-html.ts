// Emails are hostile input: a reply from "a trust" can be anyone's HTML. What is kept is
// a small allow-list of formatting; everything else (scripts, event handlers, styles,
// embedded documents, forms, SVG and MathML, which can carry script) is dropped.
import sanitizeHtml from "sanitize-html";

const ALLOWED_TAGS = [
  "p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "blockquote", "pre", "code",
  "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
  "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "div", "hr",
];

/** An address with its scheme (the allowed schemes are then checked by allowedSchemes). */
const ABSOLUTE_URL = /^\s*(https?:\/\/|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  // No img: remote images in email are tracking pixels (opening the message would tell
  // the sender who read it and when), and inline ones are kept as attachments instead.
  // No style attribute or tag: CSS can hide text, overlay the page or fetch URLs.
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan", "scope"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  // "//evil.example" would inherit our scheme and look like a link inside the app.
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Tags whose text is code or metadata, not something the sender meant us to read.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "iframe", "noembed", "noframes", "xmp", "template", "object", "applet"],
  // Links open outside the app and tell the other site nothing about where they came from.
  // A relative address ("/requests/…") would point into the app itself: only full addresses are kept.
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...(attribs.href && ABSOLUTE_URL.test(attribs.href) ? { href: attribs.href } : {}), ...(attribs.title ? { title: attribs.title } : {}), rel: "noopener noreferrer nofollow", target: "_blank" },
    }),
  },
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

/** The formatting of an email's HTML with everything that could run, load or mislead removed. */
export function sanitiseEmailHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
