import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { listNotifications, unreadCount } from "@/lib/alerts/notifications";
import { listHref } from "@/lib/pagination/list-href";
import { NotificationList } from "@/components/notification-list";
import { Pagination } from "@/components/pagination";
import { markAllReadAction, markReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

type Params = Record<string, string | undefined>;

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const { actor, workspace } = await requireWorkspace();
  const unreadOnly = params.unread === "1";
  const [list, unread] = await Promise.all([listNotifications(actor, { page: params.page, unread: unreadOnly }), unreadCount(actor)]);
  const keep: Params = { unread: unreadOnly ? "1" : undefined };
  return (
    <>
      <h1>Notifications</h1>
      <p className="lede">
        Alerts about the requests in {workspace.name}: what is due, what is late, and what to do next. Choose what you hear about, and by email or not, in{" "}
        <Link href="/settings/alerts">Alert settings</Link>.
      </p>
      <div className="list-actions">
        <nav aria-label="Show">
          <ul className="filter-links">
            <li>
              <Link href="/notifications" aria-current={unreadOnly ? undefined : "page"}>
                All
              </Link>
            </li>
            <li>
              <Link href="/notifications?unread=1" aria-current={unreadOnly ? "page" : undefined}>
                Unread only ({unread})
              </Link>
            </li>
          </ul>
        </nav>
        {unread > 0 ? (
          <form action={markAllReadAction}>
            <button type="submit" className="secondary">
              Mark all read
            </button>
          </form>
        ) : null}
      </div>
      {list.total === 0 ? (
        <p className="empty">
          {unreadOnly ? (
            <>
              Nothing unread. <Link href="/notifications">Show all notifications</Link>.
            </>
          ) : (
            "No notifications yet. You will be told here when a response is due soon, due today or overdue, when an internal review is late, and when a body is waiting for you (a clarification or a fee)."
          )}
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {list.total} notification{list.total === 1 ? "" : "s"}
            {unreadOnly ? " unread" : `, ${unread} unread`}, latest date first (on the same date, the most urgent first).
          </p>
          <NotificationList items={list.items} markReadAction={markReadAction} />
        </>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => listHref("/notifications", keep, { page: String(p) })} />
    </>
  );
}
