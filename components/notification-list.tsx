import Link from "next/link";
import { WorkingDaysTag } from "@/components/working-days-tag";

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
  /** The day the alert was raised, as a UK date with its weekday. */
  raisedLabel: string;
  readAt: Date | null;
}

// What the date means for each kind, so "Tuesday 31 August 2021" is never ambiguous.
const DATE_MEANING: Record<string, string> = {
  due_soon: "Response due",
  due_today: "Response due",
  overdue: "Response was due",
  very_overdue: "40 working days reached",
  review_overdue: "Internal review was due",
  review_very_overdue: "Internal review reached 40 working days",
  clarification_waiting: "Clarification asked for",
  fee_waiting: "Fees notice dated",
};

// Kinds whose date is a deadline: show working days left or overdue. For the others the
// date is a milestone already passed (the 40th working day, the clarification request),
// so "overdue by" would mislead: say how long ago it was.
const DEADLINE_KINDS = new Set(["due_soon", "due_today", "overdue", "review_overdue"]);

function WorkingDays({ kind, workingDays }: { kind: string; workingDays: number }) {
  if (DEADLINE_KINDS.has(kind)) return <WorkingDaysTag workingDays={workingDays} />;
  const ago = -workingDays;
  if (ago <= 0) return <span className="tag soon">Today</span>;
  return <span className="tag soon">{ago === 1 ? "1 working day ago" : `${ago} working days ago`}</span>;
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
              <Link href={`/requests/${n.requestId}`}>{n.requestTitle}</Link>
              {n.batchName ? <span className="muted"> · Batch: {n.batchName}</span> : null}
            </p>
            <p>
              {DATE_MEANING[n.kind] ?? "Date"}: {n.dueLabel}
{" "}
              <WorkingDays kind={n.kind} workingDays={n.workingDays} />
            </p>
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
