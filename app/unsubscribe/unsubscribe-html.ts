// The unsubscribe pages as plain HTML. They are served by a route handler rather than a
// page because an invalid link must answer 400 (a page can only answer 200 or 404), and
// because the link is opened by people who are not signed in, often on a phone.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to place in HTML text or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// A few rules copied from app/globals.css (a route handler's HTML does not get the app's
// stylesheet): the same colours, system fonts and visible focus.
const STYLE = `
:root{--ink:#1b1b1b;--muted:#505a5f;--band:#f3f2f1;--brand:#1d4f91;--brand-dark:#123665;--danger:#b1231b;--ok:#00703c;--focus:#ffdd00;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);line-height:1.5}
body{margin:0}header{background:var(--brand-dark);color:#fff;padding:.75rem 1rem;font-weight:700}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 4rem}h1{font-size:1.8rem;line-height:1.2}
a{color:var(--brand)}:focus-visible{outline:3px solid var(--focus);box-shadow:0 0 0 6px var(--ink)}
button{font:inherit;font-weight:600;background:var(--brand);color:#fff;border:2px solid transparent;padding:.5rem 1rem;cursor:pointer}
button:hover{background:var(--brand-dark)}
.success{border-left:6px solid var(--ok);background:#e8f5ee;padding:.75rem 1rem}
.problem{border-left:6px solid var(--danger);background:var(--band);padding:.75rem 1rem}
`;

export interface UnsubscribeHtml {
  title: string;
  /** Already-escaped HTML for the main content below the heading. */
  body: string;
}

export function renderUnsubscribePage({ title, body }: UnsubscribeHtml): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · FOI Tracker</title>
<style>${STYLE}</style>
</head>
<body>
<header>FOI Tracker</header>
<main id="main">
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

export function htmlResponse(html: string, status: number): Response {
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // The token is a credential: never cache a page made from it, nor leak it onwards.
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
}

/** The answer to a link that is not one of ours (altered, truncated, or for something else). */
export function invalidLinkPage(): Response {
  return htmlResponse(
    renderUnsubscribePage({
      title: "This unsubscribe link does not work",
      body: `<p class="problem" role="alert">The link is incomplete or has been changed, so nothing was turned off.</p>
<p>Copy the whole link from the email again, or sign in to FOI Tracker and choose what you are sent under <strong>Alert settings</strong>.</p>
<p><a href="/settings/alerts">Sign in and open Alert settings</a></p>`,
    }),
    400,
  );
}
