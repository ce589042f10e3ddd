// Unsubscribe from alert emails by the signed link in a digest, without signing in.
// GET only shows what would be turned off (mail scanners and link previews follow GET
// links, so it must not change anything); the button POSTs, which applies it. POST also
// accepts the token in the query string, for mail clients' one-click unsubscribe (RFC 8058).
import type { NextRequest } from "next/server";
import { alertLabel } from "@/lib/alerts/kinds";
import { applyUnsubscribe, readUnsubscribeToken } from "@/lib/alerts/unsubscribe";
import { BodyTooLargeError, payloadTooLargeResponse, readBodyFormData, SMALL_BODY_BYTES } from "@/lib/http/read-body";
import { escapeHtml, htmlResponse, invalidLinkPage, renderUnsubscribePage } from "./unsubscribe-html";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request: NextRequest) => {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const read = readUnsubscribeToken(token);
  if (!read) return invalidLinkPage();
  const what = read.kind === "all" ? "all alert emails (every daily digest)" : `emails about “${alertLabel(read.kind)}” alerts`;
  return htmlResponse(
    renderUnsubscribePage({
      title: "Stop alert emails",
      body: `<p>This will stop ${escapeHtml(what)}.</p>
<p>The alerts will still show under <strong>Notifications</strong> when you sign in, and you can turn emails back on at any time under <strong>Alert settings</strong>.</p>
<form method="post" action="/unsubscribe">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">Stop these emails</button>
</form>`,
    }),
    200,
  );
});

export const POST = route(async (request: NextRequest) => {
  let token: unknown = request.nextUrl.searchParams.get("token");
  try {
    const form = await readBodyFormData(request, SMALL_BODY_BYTES);
    token = form.get("token") ?? token;
  } catch (error) {
    if (error instanceof BodyTooLargeError) return payloadTooLargeResponse(error.limitBytes);
    // Not a form body (a one-click client may send none): the query's token stands.
  }
  const result = await applyUnsubscribe(token);
  if (!result.ok) return invalidLinkPage();
  return htmlResponse(
    renderUnsubscribePage({
      title: "You have unsubscribed",
      body: `<p class="success" role="status">${escapeHtml(result.what)}</p>
<p>To change this later, sign in and open <a href="/settings/alerts">Alert settings</a>.</p>`,
    }),
    200,
  );
});
