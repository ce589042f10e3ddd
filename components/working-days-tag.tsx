/** "3 working days left", "Due today", "Overdue by 4 working days", coloured by urgency. */
export function WorkingDaysTag({ workingDays }: { workingDays: number }) {
  if (workingDays > 0) {
    return <span className={`tag ${workingDays <= 3 ? "soon" : "ok"}`}>{workingDays === 1 ? "1 working day left" : `${workingDays} working days left`}</span>;
  }
  if (workingDays === 0) return <span className="tag soon">Due today</span>;
  const late = -workingDays;
  return <span className="tag overdue">Overdue by {late === 1 ? "1 working day" : `${late} working days`}</span>;
}
