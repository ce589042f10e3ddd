import type { RecipientRow } from "@/lib/batches/get-batch";

/** A sent recipient's working days left, or overdue. */
export function DaysLeft({ row }: { row: RecipientRow }) {
  if (row.workingDaysOverdue !== null && row.workingDaysOverdue > 0) {
    return <span className="tag overdue">Overdue by {row.workingDaysOverdue === 1 ? "1 working day" : `${row.workingDaysOverdue} working days`}</span>;
  }
  if (row.workingDaysLeft !== null) {
    if (row.workingDaysLeft === 0) return <span className="tag soon">Due today</span>;
    return <span className={`tag ${row.workingDaysLeft <= 3 ? "soon" : "ok"}`}>{row.workingDaysLeft === 1 ? "1 working day left" : `${row.workingDaysLeft} working days left`}</span>;
  }
  return <span className="muted">{row.dueText || "—"}</span>;
}
