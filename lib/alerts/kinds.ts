// Every alert kind, in one registry: to add a kind, add it to the AlertKind enum
// (prisma/schema.prisma) and here; the compiler then lists the rest (the sweep's SQL).
// Pure: no I/O, usable from pages, emails and tests alike.
import { formatUkDate } from "@/lib/deadlines";
import type { AlertKind } from "@/lib/generated/prisma";

export interface AlertKindInfo {
  kind: AlertKind;
  label: string;
  /** A short line for settings pages: when this alert is raised. */
  when: string;
}

interface AlertKindFacts {
  label: string;
  when: string;
  /** How urgent, most urgent highest: for alerts about the same date, the most urgent is listed first. */
  severity: number;
  /** "What to do next", in lists and digests. */
  whatToDo: string;
  /** What the alert's date means, in the app's list ("Response was due: Tuesday 31 August 2021"). */
  dateMeaning: string;
  /** The same in the digest email ("Was due Tuesday 31 August 2021"). */
  digestDateWords: string;
  /** One-line summaries: the date's part ("was due Tuesday 31 August 2021"). */
  describeDate: (date: string) => string;
  /**
   * Whether the date is a deadline (show working days left or overdue). Otherwise it is a
   * milestone already passed (the 40th working day, the clarification request), so
   * "overdue by" would mislead: lists say how long ago it was.
   */
  isDeadline: boolean;
}

/** In display order (settings, digests). */
export const ALERT_KIND_REGISTRY = {
  due_soon: {
    label: "Due soon",
    when: "a few working days before a response is due (you choose how many)",
    severity: 1,
    whatToDo: "Nothing to do yet: the response is due soon. Check the request for any reply you have not logged.",
    dateMeaning: "Response due",
    digestDateWords: "Due",
    describeDate: (date) => `due ${date}`,
    isDeadline: true,
  },
  due_today: {
    label: "Due today",
    when: "on the day a response is due",
    severity: 2,
    whatToDo: "The response is due today. If it arrives, log it; if not, it is overdue from tomorrow.",
    dateMeaning: "Response due",
    digestDateWords: "Due",
    describeDate: (date) => `due today, ${date}`,
    isDeadline: true,
  },
  overdue: {
    label: "Overdue",
    when: "the day after a response was due",
    severity: 5,
    whatToDo: "Late: send a chaser, or ask for an internal review.",
    dateMeaning: "Response was due",
    digestDateWords: "Was due",
    describeDate: (date) => `was due ${date}`,
    isDeadline: true,
  },
  very_overdue: {
    label: "Very overdue (40 working days)",
    when: "after 40 working days without a response",
    severity: 7,
    whatToDo: "Very late: ask for an internal review, or complain to the ICO (the Scottish Information Commissioner for FOISA).",
    dateMeaning: "40 working days reached",
    digestDateWords: "40 working days reached",
    describeDate: (date) => `40 working days passed ${date}`,
    isDeadline: false,
  },
  review_overdue: {
    label: "Internal review overdue",
    when: "20 working days after you asked for an internal review (40 for EIR)",
    severity: 6,
    whatToDo: "The internal review is late: send a chaser, or complain to the ICO.",
    dateMeaning: "Internal review was due",
    digestDateWords: "Internal review was due",
    describeDate: (date) => `internal review was due ${date}`,
    isDeadline: true,
  },
  review_very_overdue: {
    label: "Internal review very overdue (40 working days)",
    when: "40 working days after you asked for an internal review",
    severity: 8,
    whatToDo: "The internal review is very late: complain to the ICO (the Scottish Information Commissioner for FOISA).",
    dateMeaning: "Internal review reached 40 working days",
    digestDateWords: "40 working days reached",
    describeDate: (date) => `internal review reached 40 working days ${date}`,
    isDeadline: false,
  },
  clarification_waiting: {
    label: "Waiting for you: clarification",
    when: "when a body has asked you to clarify a request",
    severity: 4,
    whatToDo: "The body is waiting for you: send the clarification it asked for (the clock restarts when it receives it).",
    dateMeaning: "Clarification asked for",
    digestDateWords: "Clarification asked for",
    describeDate: (date) => `clarification asked for ${date}`,
    isDeadline: false,
  },
  fee_waiting: {
    label: "Waiting for you: fee",
    when: "when a body has sent a fees notice",
    severity: 3,
    whatToDo: "The body is waiting for you: pay the fee or narrow the request (the clock is paused until then).",
    dateMeaning: "Fees notice dated",
    digestDateWords: "Fees notice of",
    describeDate: (date) => `fees notice of ${date}`,
    isDeadline: false,
  },
  reply_received: {
    label: "Reply received",
    when: "when a body's reply arrives in the campaign mailbox and is filed on its request",
    severity: 0,
    whatToDo: "Read the reply on the request's page and confirm what it means (or say it is not that): the clock only follows once you confirm.",
    dateMeaning: "Reply received",
    digestDateWords: "Received",
    describeDate: (date) => `reply received ${date}`,
    isDeadline: false,
  },
  letter_bounced: {
    label: "Letter not delivered",
    when: "when a letter's email comes back undelivered",
    severity: 9,
    whatToDo: "The body's mail server refused the letter: check its FOI address in the directory, then send the letter again.",
    dateMeaning: "Came back",
    digestDateWords: "Came back",
    describeDate: (date) => `came back undelivered ${date}`,
    isDeadline: false,
  },
} as const satisfies Record<AlertKind, AlertKindFacts>;

/** The registry's facts for one kind. */
export function alertKindInfo(kind: AlertKind): AlertKindFacts {
  return ALERT_KIND_REGISTRY[kind];
}

const ALERT_KIND_ORDER = Object.keys(ALERT_KIND_REGISTRY) as AlertKind[];

export const ALERT_KINDS: readonly AlertKindInfo[] = ALERT_KIND_ORDER.map((kind) => ({ kind, label: ALERT_KIND_REGISTRY[kind].label, when: ALERT_KIND_REGISTRY[kind].when }));

export const ALERT_KIND_VALUES = ALERT_KIND_ORDER as [AlertKind, ...AlertKind[]];

/**
 * How urgent each kind is, most urgent highest: lists show, for alerts about the same date,
 * the most urgent first (an "Overdue" above the "Due today" it follows).
 */
export const ALERT_SEVERITY = Object.fromEntries(ALERT_KIND_ORDER.map((kind) => [kind, ALERT_KIND_REGISTRY[kind].severity])) as Record<AlertKind, number>;

export function alertLabel(kind: AlertKind): string {
  return ALERT_KIND_REGISTRY[kind].label;
}

export function whatToDo(kind: AlertKind): string {
  return ALERT_KIND_REGISTRY[kind].whatToDo;
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
  const title = alert.requestTitle ? ` (${alert.requestTitle})` : "";
  return `${alertLabel(alert.kind)}: ${alert.bodyName}${title}, ${ALERT_KIND_REGISTRY[alert.kind].describeDate(formatUkDate(alert.dueOn))}`;
}
