// Deadline calculator: prints one JSON object with the statutory dates for a date of receipt.
// Usage: npm run -s deadline -- --received 2021-08-02 [--law foia|eir|foisa]
//        [--convention calendar|next-working-day] [--days N] [--today YYYY-MM-DD]
import { readFileSync } from "node:fs";
import {
  buildCalendar,
  computeClock,
  conventionSchema,
  describeClock,
  isIsoDate,
  lawSchema,
  receiptDate,
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
  --help              show this help
`;

class UsageError extends Error {}

interface Args {
  received: string;
  law: Law;
  convention: Convention;
  days: number;
  today: string | null;
}

const OPTIONS = new Set(["received", "law", "convention", "days", "today"]);

function parseArgs(argv: readonly string[]): Args | "help" {
  const values = new Map<string, string>();
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
    values.set(name, value);
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
  return { received, law: law.data, convention: convention.data, days: Number(daysText), today };
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
    const clock = computeClock(
      [{ kind: "sent", at: args.received }],
      { law: args.law, convention: args.convention, calendar, workingDays: args.days },
      args.today ?? undefined,
    );
    const out: Record<string, string | number | boolean | null> = {
      received: clock.received,
      law: clock.law,
      convention: clock.convention,
      dateOfReceipt: date,
      dateOfReceiptIfNextWorkingDay: clock.dateOfReceiptIfNextWorkingDay,
      due: clock.due,
      dueIfCalendar: clock.dueIfCalendar,
      dueIfNextWorkingDay: clock.dueIfNextWorkingDay,
      veryOverdue: clock.veryOverdue,
      projected: clock.projected,
    };
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
