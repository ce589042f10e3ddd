// Deadline calculator: prints one JSON object with the statutory dates for a date of receipt.
// Usage: npm run -s deadline -- --received 2021-08-02 [--law foia|eir|foisa]
//        [--convention calendar|next-working-day] [--days N] [--today YYYY-MM-DD]
//        [--event KIND:YYYY-MM-DD[:key=value...]]... [--responded YYYY-MM-DD]
import { readFileSync } from "node:fs";
import {
  buildCalendar,
  computeClock,
  conventionSchema,
  EVENT_KINDS,
  eventKindSchema,
  describeClock,
  isIsoDate,
  lawSchema,
  receiptDate,
  type ClockEvent,
  type Convention,
  type Law,
} from "../lib/deadlines";

const HELP = `Usage: npm run -s deadline -- --received DATE [options]

Prints the statutory FOI dates for a request as one JSON object.

  --received DATE     date of receipt (YYYY-MM-DD) or an ISO timestamp (its Europe/London date)
  --law LAW           foia (default), eir or foisa (Scottish bank holidays only)
  --convention C      calendar (default: day 0 is the arrival date) or next-working-day
  --days N            working days to the due date (default 20)
  --today DATE        also print the state on that date and working days left or overdue
  --event KIND:DATE[:key=value...]
                      a timeline event, repeatable, in order; KIND is a timeline event kind
                      (clarification_requested, clarification_sent, fees_notice, fee_paid,
                      extension, acknowledged, resent, response_refused, ...). Keys:
                      newDue=DATE (extension; or ico_decision: the date its steps are due), exemption=s43 (repeatable; the qualified
                      exemption an extension notice names), approximate=true (only "on or
                      before" is known), notRequired=true (a clarification not reasonably
                      required). Example: --event extension:2021-08-20:newDue=2021-09-20:exemption=s43
  --responded DATE    the date of the substantive response: adds responseTimeliness
                      (on_time, late, very_late, unknown)

  The output adds due (after the timeline), extendedDue (null unless a valid extension
  applies), ownDeadlines (yours: internal review, complaint, appeal, fee; and a decision
  notice's date for the body) and warnings (why an event did not count).
  --help              show this help
`;

class UsageError extends Error {}

interface Args {
  received: string;
  law: Law;
  convention: Convention;
  days: number;
  today: string | null;
  events: ClockEvent[];
  responded: string | null;
}

const OPTIONS = new Set(["received", "law", "convention", "days", "today", "event", "responded"]);
const REPEATABLE = new Set(["event"]);

/** "extension:2021-08-20:newDue=2021-09-20:exemption=s43" -> a clock event. */
function parseEvent(text: string): ClockEvent {
  const [kindText = "", date = "", ...pairs] = text.split(":");
  const kind = eventKindSchema.safeParse(kindText);
  if (!kind.success) throw new UsageError(`--event ${JSON.stringify(text)}: unknown kind ${JSON.stringify(kindText)} (use one of ${EVENT_KINDS.filter((k) => k !== "sent").join(", ")})`);
  if (kind.data === "sent") throw new UsageError(`--event ${JSON.stringify(text)}: the request is sent on --received (use resent to send it again)`);
  if (!isIsoDate(date)) throw new UsageError(`--event ${JSON.stringify(text)}: the date must be a real date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const event: ClockEvent = { kind: kind.data, at: date };
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const key = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? "" : pair.slice(eq + 1);
    if (key === "newDue") {
      if (kind.data !== "extension" && kind.data !== "ico_decision") {
        throw new UsageError(`--event ${JSON.stringify(text)}: newDue only goes with an extension (the body's date) or an ico_decision (the date set for its steps)`);
      }
      if (!isIsoDate(value)) throw new UsageError(`--event ${JSON.stringify(text)}: newDue must be a real date as YYYY-MM-DD`);
      event.newDueDate = value;
    } else if (key === "exemption") {
      if (value === "") throw new UsageError(`--event ${JSON.stringify(text)}: exemption needs a value, like exemption=s43`);
      event.exemptions = [...(event.exemptions ?? []), ...value.split(",").filter(Boolean)];
    } else if (key === "approximate" || key === "notRequired") {
      if (value !== "true" && value !== "false") throw new UsageError(`--event ${JSON.stringify(text)}: ${key} must be true or false`);
      if (key === "notRequired" && kind.data !== "clarification_requested") {
        throw new UsageError(`--event ${JSON.stringify(text)}: notRequired only goes with clarification_requested`);
      }
      if (key === "approximate") event.approximate = value === "true";
      else event.notReasonablyRequired = value === "true";
    } else {
      throw new UsageError(`--event ${JSON.stringify(text)}: unknown key ${JSON.stringify(key)} (use newDue, exemption, approximate or notRequired)`);
    }
  }
  return event;
}

function parseArgs(argv: readonly string[]): Args | "help" {
  const values = new Map<string, string>();
  const repeated: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return "help";
    if (!arg.startsWith("--")) throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`);
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!OPTIONS.has(name)) throw new UsageError(`unknown option --${name}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "" || (eq === -1 && value.startsWith("--"))) {
      throw new UsageError(`--${name} needs a value`);
    }
    if (REPEATABLE.has(name)) repeated.push(value);
    else if (values.has(name)) throw new UsageError(`--${name} given twice`);
    else values.set(name, value);
  }
  const received = values.get("received");
  if (received === undefined) throw new UsageError("--received is required (YYYY-MM-DD or an ISO timestamp)");
  const law = lawSchema.safeParse(values.get("law") ?? "foia");
  if (!law.success) throw new UsageError(`unknown law ${JSON.stringify(values.get("law"))}: use foia, eir or foisa`);
  const convention = conventionSchema.safeParse(values.get("convention") ?? "calendar");
  if (!convention.success) {
    throw new UsageError(`unknown convention ${JSON.stringify(values.get("convention"))}: use calendar or next-working-day`);
  }
  const daysText = values.get("days") ?? "20";
  if (!/^[1-9]\d{0,2}$/.test(daysText)) throw new UsageError(`--days must be a whole number from 1 to 999, got ${JSON.stringify(daysText)}`);
  const today = values.get("today") ?? null;
  if (today !== null && !isIsoDate(today)) throw new UsageError(`--today must be a real date as YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const responded = values.get("responded") ?? null;
  if (responded !== null && !isIsoDate(responded)) throw new UsageError(`--responded must be a real date as YYYY-MM-DD, got ${JSON.stringify(responded)}`);
  const events = repeated.map(parseEvent);
  const receivedDay = isIsoDate(received) ? received : null;
  for (const [i, e] of events.entries()) {
    if (receivedDay !== null && String(e.at) < receivedDay) throw new UsageError(`--event ${JSON.stringify(repeated[i])}: before the request was received (${receivedDay})`);
    if (i > 0 && String(e.at) < String(events[i - 1]!.at)) throw new UsageError(`--event ${JSON.stringify(repeated[i])}: events must be given in date order`);
  }
  if (responded !== null && receivedDay !== null && responded < receivedDay) throw new UsageError(`--responded ${responded} is before the request was received (${receivedDay})`);
  return { received, law: law.data, convention: convention.data, days: Number(daysText), today, events, responded };
}

function main(argv: readonly string[]): number {
  let args: Args | "help";
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`deadline: ${error.message} (see --help)\n`);
      return 2;
    }
    throw error;
  }
  if (args === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    const date = receiptDate(args.received);
    const data: unknown = JSON.parse(readFileSync(new URL("../data/uk-bank-holidays.json", import.meta.url), "utf8"));
    // The library's default range is 2010-2040; widen it so any plausible date works here.
    const year = Number(date.slice(0, 4));
    const calendar = buildCalendar(data, {
      law: args.law,
      fromYear: Math.max(1900, Math.min(2010, year - 1)),
      toYear: Math.min(2200, Math.max(2040, year + 5)),
    });
    const events: ClockEvent[] = [{ kind: "sent", at: args.received }, ...args.events];
    if (args.responded !== null) events.push({ kind: "response_successful", at: args.responded });
    const clock = computeClock(
      events,
      { law: args.law, convention: args.convention, calendar, workingDays: args.days },
      args.today ?? undefined,
    );
    const out: Record<string, string | number | boolean | null | string[]> = {
      received: clock.received,
      law: clock.law,
      convention: clock.convention,
      dateOfReceipt: date,
      dateOfReceiptIfNextWorkingDay: clock.dateOfReceiptIfNextWorkingDay,
      due: clock.due,
      dueIfCalendar: clock.dueIfCalendar,
      dueIfNextWorkingDay: clock.dueIfNextWorkingDay,
      veryOverdue: clock.veryOverdue,
      extendedDue: clock.extendedDue,
      projected: clock.projected,
    };
    if (clock.extension !== null) out.extensionBodyDate = clock.extension.bodyDate;
    if (args.responded !== null) out.responded = args.responded;
    if (args.responded !== null || clock.answeredOn !== null) {
      // The answer that counts is the first one; a later --responded after it stopped the clock is ignored (see warnings).
      out.answeredOn = clock.answeredOn;
      out.responseTimeliness = clock.state?.kind === "answered" ? (clock.state.timeliness ?? null) : null;
    }
    out.ownDeadlines = clock.ownDeadlines.map((d) => `${d.kind} ${d.due} (${d.source})`);
    out.warnings = clock.warnings;
    if (args.days !== 20) out.days = args.days;
    if (args.today !== null && clock.state) {
      out.today = args.today;
      out.state = clock.state.kind;
      if (clock.state.workingDaysLeft !== undefined) out.workingDaysLeft = clock.state.workingDaysLeft;
      if (clock.state.workingDaysOverdue !== undefined) out.workingDaysOverdue = clock.state.workingDaysOverdue;
      out.summary = describeClock(clock);
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof RangeError) {
      process.stderr.write(`deadline: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
