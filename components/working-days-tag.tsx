import type { WorkingDaysStatus } from "@/lib/deadlines";

/** "3 working days left", "Due today", "Overdue by 4 working days", coloured by urgency. */
export function WorkingDaysTag({ status }: { status: WorkingDaysStatus }) {
  const urgency = status.state === "overdue" || status.state === "very_overdue" ? "overdue" : status.state === "not_due" && status.workingDays > 3 ? "ok" : "soon";
  return <span className={`tag ${urgency}`}>{status.sentence}</span>;
}
