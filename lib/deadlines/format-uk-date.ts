import { parseIsoDate, partsFromDayNumber, weekdayOf } from "./iso-date";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** "2021-08-31" -> "Tuesday 31 August 2021": every date is shown with its weekday (DESIGN.md). */
export function formatUkDate(date: string): string {
  const day = parseIsoDate(date);
  const parts = partsFromDayNumber(day);
  return `${WEEKDAYS[weekdayOf(day)]} ${parts.day} ${MONTHS[parts.month - 1]} ${parts.year}`;
}
