import { WorkingDaysTag } from "@/components/working-days-tag";
import { formatWorkingDays, type WorkingDaysStatus } from "@/lib/deadlines";
import { RowLink } from "@/components/row-link";

/** What the list needs of one notification (lib/alerts/notifications.ts gives more). */
export interface NotificationListItem {
  id: string;
  kind: string;
  label: string;
  whatToDo: string;
  requestId: string;
  requestTitle: string;
  bodyName: string;
  batchName?: string | null;
  /** The date the alert is about, as a UK date with its weekday. */
  dueLabel: string;
  /** Working days from today to the date: positive left, 0 on the day, negative past. */
  workingDays: number;
  /** For a deadline, where it stands today; null for a milestone already passed. */
  dueStatus: WorkingDaysStatus | null;
  /** What the date means for this kind: "Response was due". */
  dateMeaning: string;
  /** The day the alert was raised, as a UK date with its weekday. */
  raisedLabel: string;
  /** Set when a catch-up raised it after the day it became true. */
  lateNote?: string | null;
  readAt: Date | null;
}

function WorkingDays({ item }: { item: NotificationListItem }) {
  if (item.dueStatus) return <WorkingDaysTag status={item.dueStatus} />;
  // A milestone already passed: say how long ago, not "overdue by".
  const ago = -item.workingDays;
  if (ago <= 0) return <span className="tag soon">Today</span>;
  return <span className="tag soon">{formatWorkingDays(ago)} ago</span>;
}

/** Alerts as a list of short cards: what happened, where, when, and what to do next. */
export function NotificationList({ items, markReadAction }: { items: NotificationListItem[]; markReadAction: (formData: FormData) => Promise<void> }) {
  return (
    <ul className="notification-list">
      {items.map((n) => (
        <li key={n.id}>
          <article className={`notification kind-${n.kind}${n.readAt ? "" : " unread"}`} aria-labelledby={`notification-${n.id}`} data-testid="notification">
            <h2 id={`notification-${n.id}`}>
              {n.readAt ? null : <span className="new">New: </span>}
              {n.label}: {n.bodyName}
            </h2>
            <p>
              <RowLink href={`/requests/${n.requestId}`}>{n.requestTitle}</RowLink>
              {n.batchName ? <span className="muted"> · Batch: {n.batchName}</span> : null}
            </p>
            <p>
              {n.dateMeaning}: {n.dueLabel}{" "}
              <WorkingDays item={n} />
            </p>
            {n.lateNote ? <p className="muted">{n.lateNote}</p> : null}
            <p className="what-to-do">What to do next: {n.whatToDo}</p>
            <div className="actions">
              <span className="muted">Alerted {n.raisedLabel}</span>
              {n.readAt ? (
                <span className="muted">Read</span>
              ) : (
                <form action={markReadAction}>
                  <input type="hidden" name="notificationId" value={n.id} />
                  <button type="submit" className="secondary">
                    Mark read<span className="visually-hidden">: {n.label}, {n.bodyName}</span>
                  </button>
                </form>
              )}
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}
