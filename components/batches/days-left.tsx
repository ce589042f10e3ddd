import type { RecipientRow } from "@/lib/batches/get-batch";
import { WorkingDaysTag } from "@/components/working-days-tag";

/** A sent recipient's working days left, or overdue (the one rule: workingDaysStatus). */
export function DaysLeft({ row }: { row: Pick<RecipientRow, "dueStatus"> & { dueText?: string } }) {
  if (row.dueStatus) return <WorkingDaysTag status={row.dueStatus} />;
  return <span className="muted">{row.dueText || "—"}</span>;
}
