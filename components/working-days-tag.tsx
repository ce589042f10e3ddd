import type { WorkingDaysStatus } from "@/lib/deadlines";
// The module itself, not the index: this tag is drawn in the browser too (a batch's rows).
import { isPastDue } from "@/lib/deadlines/working-days-status";

/** "3 working days left", "Due today", "Overdue by 4 working days", coloured by urgency. */
export function WorkingDaysTag({ status }: { status: WorkingDaysStatus }) {
  const urgency = isPastDue(status) ? "overdue" : status.state === "not_due" && status.workingDays > 3 ? "ok" : "soon";
  return <span className={`tag ${urgency}`}>{status.sentence}</span>;
}
