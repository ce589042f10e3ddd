// The alert kinds in display order, with plain-English labels and what to do next.
// Pure: no I/O, usable from pages, emails and tests alike.
import { formatUkDate } from "@/lib/deadlines";
import type { AlertKind } from "@/lib/generated/prisma";

export interface AlertKindInfo {
  kind: AlertKind;
  label: string;
  /** A short line for settings pages: when this alert is raised. */
  when: string;
}

export const ALERT_KINDS: readonly AlertKindInfo[] = [
  { kind: "due_soon", label: "Due soon", when: "a few working days before a response is due (you choose how many)" },
  { kind: "due_today", label: "Due today", when: "on the day a response is due" },
  { kind: "overdue", label: "Overdue", when: "the day after a response was due" },
  { kind: "very_overdue", label: "Very overdue (40 working days)", when: "after 40 working days without a response" },
  { kind: "review_overdue", label: "Internal review overdue", when: "20 working days after you asked for an internal review (40 for EIR)" },
  { kind: "review_very_overdue", label: "Internal review very overdue (40 working days)", when: "40 working days after you asked for an internal review" },
  { kind: "clarification_waiting", label: "Waiting for you: clarification", when: "when a body has asked you to clarify a request" },
  { kind: "fee_waiting", label: "Waiting for you: fee", when: "when a body has sent a fees notice" },
];

export const ALERT_KIND_VALUES = ALERT_KINDS.map((k) => k.kind) as [AlertKind, ...AlertKind[]];

/**
 * How urgent each kind is, most urgent highest: lists show, for alerts about the same date,
 * the most urgent first (an "Overdue" above the "Due today" it follows).
 */
export const ALERT_SEVERITY = {
  review_very_overdue: 8,
  very_overdue: 7,
  review_overdue: 6,
  overdue: 5,
  clarification_waiting: 4,
  fee_waiting: 3,
  due_today: 2,
  due_soon: 1,
} as const satisfies Record<AlertKind, number>;

const byKind = new Map(ALERT_KINDS.map((k) => [k.kind, k]));

export function alertLabel(kind: AlertKind): string {
  return byKind.get(kind)?.label ?? kind;
}

const WHAT_TO_DO: Record<AlertKind, string> = {
  due_soon: "Nothing to do yet: the response is due soon. Check the request for any reply you have not logged.",
  due_today: "The response is due today. If it arrives, log it; if not, it is overdue from tomorrow.",
  overdue: "Late: send a chaser, or ask for an internal review.",
  very_overdue: "Very late: ask for an internal review, or complain to the ICO (the Scottish Information Commissioner for FOISA).",
  review_overdue: "The internal review is late: send a chaser, or complain to the ICO.",
  review_very_overdue: "The internal review is very late: complain to the ICO (the Scottish Information Commissioner for FOISA).",
  clarification_waiting: "The body is waiting for you: send the clarification it asked for (the clock restarts when it receives it).",
  fee_waiting: "The body is waiting for you: pay the fee or narrow the request (the clock is paused until then).",
};

export function whatToDo(kind: AlertKind): string {
  return WHAT_TO_DO[kind];
}

export interface DescribableAlert {
  kind: AlertKind;
  /** YYYY-MM-DD: the date the alert is about. */
  dueOn: string;
  bodyName: string;
  requestTitle?: string;
}

/** One line for a list or an email: "Overdue: Oxleas NHS Foundation Trust, was due Tuesday 31 August 2021". */
export function describeAlert(alert: DescribableAlert): string {
  const date = formatUkDate(alert.dueOn);
  const what: Record<AlertKind, string> = {
    due_soon: `due ${date}`,
    due_today: `due today, ${date}`,
    overdue: `was due ${date}`,
    very_overdue: `40 working days passed ${date}`,
    review_overdue: `internal review was due ${date}`,
    review_very_overdue: `internal review reached 40 working days ${date}`,
    clarification_waiting: `clarification asked for ${date}`,
    fee_waiting: `fees notice of ${date}`,
  };
  const title = alert.requestTitle ? ` (${alert.requestTitle})` : "";
  return `${alertLabel(alert.kind)}: ${alert.bodyName}${title}, ${what[alert.kind]}`;
}
