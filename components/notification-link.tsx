"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * The header's "Notifications" link with its unread count. The count is a visible badge
 * for sighted users and part of the link's name for screen readers ("Notifications, 3
 * unread", starting with the visible word so voice control finds it), so the badge itself
 * is hidden from them to avoid reading the number twice.
 */
export function NotificationLink({ unread }: { unread: number }) {
  const pathname = usePathname();
  // The layout counts no further than 100 (UNREAD_BADGE_LIMIT).
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <Link
      className="notification-link"
      href="/notifications"
      aria-label={unread > 99 ? "Notifications, more than 99 unread" : unread > 0 ? `Notifications, ${unread} unread` : undefined}
      aria-current={pathname.startsWith("/notifications") ? "page" : undefined}
    >
      Notifications
      {unread > 0 ? (
        <span className="notification-badge" aria-hidden="true" data-testid="unread-badge">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}

/** The header's link to the signed-in person's alert settings. */
export function AlertSettingsLink() {
  const pathname = usePathname();
  return (
    <Link href="/settings/alerts" aria-current={pathname.startsWith("/settings") ? "page" : undefined}>
      Alert settings
    </Link>
  );
}
