// The statutory clock for UK FOI requests (FOIA 2000 s10, EIR 2004 reg 5 and 7, FOISA 2002 s10).
// Pure: holiday data and "today" are parameters; no I/O, no framework imports.
export {
  buildCalendar,
  regionForLaw,
  type BuildCalendarOptions,
  type CalendarHoliday,
  type CalendarRegion,
  type HolidaySource,
  type WorkingDayCalendar,
} from "./build-calendar";
export {
  computeClock,
  FURTHER_WORKING_DAYS,
  REVIEW_LIMIT_BASIS,
  REVIEW_MAX_WORKING_DAYS,
  REVIEW_WORKING_DAYS,
  STATUTORY_WORKING_DAYS,
  type Clock,
  type ClockOptions,
  type ClockState,
  type ClockStateKind,
  type ExtensionInfo,
  type Pause,
  type ResponseTimeliness,
  type ReviewClock,
  type WaitingFor,
} from "./compute-clock";
export { isQualifiedFoiaExemption, parseFoiaExemption, type ParsedExemption } from "./exemptions";
export { addCalendarDays, addCalendarMonths, ASK_REVIEW_WORKING_DAYS, OWN_DEADLINE_LABELS, OWN_DEADLINE_WARNING_WORKING_DAYS, ownDeadlines, type OwnDeadline, type OwnDeadlineFacts, type OwnDeadlineKind } from "./own-deadlines";
export { describeClock } from "./describe-clock";
export { diffHolidayData, type DivisionDiff, type HolidayDataDiff, type YearRange } from "./diff-holiday-data";
export { formatUkDate } from "./format-uk-date";
export { isIsoDate } from "./iso-date";
export { InvalidHolidayDataError, parseGovUkHolidays } from "./parse-gov-uk-holidays";
export { projectHolidays, type HolidayProjector, type ProjectedHoliday } from "./project-holidays";
export { parseReceipt, receiptDate, type Receipt } from "./receipt-date";
export {
  clockEventSchema,
  conventionSchema,
  DIVISIONS,
  EVENT_KINDS,
  eventKindSchema,
  govUkHolidaysSchema,
  isoDateSchema,
  lawSchema,
  RESPONSE_KINDS,
  type ClockEvent,
  type Convention,
  type Division,
  type EventKind,
  type GovUkHolidays,
  type GovUkHolidaysInput,
  type Law,
  type ResponseKind,
} from "./schemas";
export {
  addWorkingDays,
  isProjectedSpan,
  isWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
  workingDaysBetween,
} from "./working-days";
export {
  describeDue,
  dueStateAt,
  formatWorkingDays,
  isPastDue,
  statusOfClockState,
  workingDaysStatus,
  type DueState,
  type WorkingDaysStatus,
} from "./working-days-status";
