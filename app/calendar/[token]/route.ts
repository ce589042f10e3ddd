// A person's secret calendar feed (/calendar/<token>.ics) for Google Calendar, Outlook and
// Apple Calendar to subscribe to. No session: calendar apps cannot sign in, so the token
// is the credential (only its hash is stored; lib/alerts/calendar-feed.ts). Unknown,
// revoked or malformed tokens all get the same 404, so a guess learns nothing.
import { calendarFeedFor } from "@/lib/alerts/calendar-feed";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } });

export const GET = route(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token: segment } = await params;
  if (!segment.endsWith(".ics")) return notFound();
  const feed = await calendarFeedFor(segment.slice(0, -".ics".length));
  if (feed === null) return notFound();
  return new Response(feed, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // Calendar apps poll: five minutes of private caching spares the database, and
      // "private" keeps shared caches from storing someone's due dates.
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": 'inline; filename="foi-tracker.ics"',
      "Referrer-Policy": "no-referrer",
    },
  });
});
