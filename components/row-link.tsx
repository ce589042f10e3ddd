import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link in a row of a long list. Next's <Link> fetches every linked page that scrolls into view
 * before anyone clicks ("prefetch"): on a list of 50 rows that is 50 to 100 requests to the
 * server for each page view, each with a full session check, for pages mostly never opened.
 * Without prefetching a click still opens the page without a full reload.
 */
export function RowLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
