// Every alert kind, in one registry: to add a kind, add it to the AlertKind enum
// (prisma/schema.prisma) and here; the compiler then lists the rest (the sweep's SQL).
// Pure: no I/O, usable from pages, emails and tests alike.
import { formatUkDate } from "@/lib/deadlines";
import type { AlertKind, Law } from "@/lib/generated/prisma";

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
  /** "What to do next", in lists and digests, when the law is not known (a group of mixed laws). */
  whatToDo: string;
  /**
   * The same for one law, where the route differs: the ICO hears FOIA and EIR complaints
   * (FOIA s50, EIR reg 18); the Scottish Information Commissioner hears FOISA applications, only
   * after a review (FOISA s47(1)).
   */
  whatToDoByLaw?: Partial<Record<Law, string>>;
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
    whatToDo: "Late: send a chaser (under FOISA you can require a review now).",
    // The ICO takes a complaint about no response once the body was chased
    // (https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/foi-and-eir-complaints/); FOISA s20(1), s47(1).
    whatToDoByLaw: {
      foia: "Late: send a chaser. Once you have chased it, you can complain to the ICO, or ask for an internal review.",
      eir: "Late: send a chaser. Once you have chased it, you can complain to the ICO, or ask for a reconsideration (regulation 11).",
      foisa: "Late: send a chaser, or require a review (section 20(1)): a review comes before any application to the Scottish Information Commissioner.",
    },
    dateMeaning: "Response was due",
    digestDateWords: "Was due",
    describeDate: (date) => `was due ${date}`,
    isDeadline: true,
  },
  very_overdue: {
    label: "Very overdue (40 working days)",
    when: "after 40 working days without a response",
    severity: 7,
    whatToDo: "Very late: under FOIA or EIR, complain to the ICO once you have chased; under FOISA, require a review first.",
    whatToDoByLaw: {
      foia: "Very late: if you have chased it, complain to the ICO; or ask for an internal review.",
      eir: "Very late: if you have chased it, complain to the ICO; or ask for a reconsideration (regulation 11).",
      foisa: "Very late: require a review (section 20(1)); if it is not answered within 20 working days, apply to the Scottish Information Commissioner (section 47(1)).",
    },
    dateMeaning: "40 working days reached",
    digestDateWords: "40 working days reached",
    describeDate: (date) => `40 working days passed ${date}`,
    isDeadline: false,
  },
  review_overdue: {
    label: "Internal review overdue",
    when: "20 working days after you asked for an internal review (40 for EIR)",
    severity: 6,
    whatToDo: "The review is late: chase it. Who hears a complaint, and when, depends on the law (see the request).",
    // FOIA: s45 Code Part 5 expects 20 working days, up to 40 in exceptional cases, and the ICO
    // takes complaints after 40; EIR reg 11(4) and FOISA s21(1) fix the limit by statute.
    whatToDoByLaw: {
      foia: "The internal review has passed the Code of Practice's 20 working days: chase it and ask whether the body needs longer, which the Code allows (up to 40) only in exceptional cases. The ICO takes a complaint after 40 working days.",
      eir: "The reconsideration has passed the 40 working days regulation 11(4) allows: you can complain to the ICO.",
      foisa: "The review has passed the 20 working days section 21(1) allows: you can apply to the Scottish Information Commissioner (section 47(1)) within six months.",
    },
    dateMeaning: "Internal review was due",
    digestDateWords: "Internal review was due",
    describeDate: (date) => `internal review was due ${date}`,
    isDeadline: true,
  },
  review_very_overdue: {
    label: "Internal review very overdue (40 working days)",
    when: "40 working days after you asked for an internal review",
    severity: 8,
    whatToDo: "The review is very late: complain to the ICO (FOIA, EIR) or apply to the Scottish Information Commissioner (FOISA).",
    whatToDoByLaw: {
      foia: "The internal review has taken more than 40 working days: you can complain to the ICO now.",
      eir: "The reconsideration has taken more than 40 working days: you can complain to the ICO now.",
      foisa: "The review is very late: apply to the Scottish Information Commissioner (section 47(1)) within six months.",
    },
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
    severity: 11,
    whatToDo: "The body's mail server refused the letter: check its FOI address in the directory, then send the letter again.",
    dateMeaning: "Came back",
    digestDateWords: "Came back",
    describeDate: (date) => `came back undelivered ${date}`,
    isDeadline: false,
  },
  // The campaign's own limits (lib/deadlines ownDeadlines): review, complaint, appeal, fee.
  own_deadline_soon: {
    label: "Your deadline soon",
    when: "5 working days before your own deadline: to ask for an internal review, complain, apply to the commissioner, appeal, or pay a fee",
    severity: 10,
    whatToDo: "Your own deadline is close: open the request to see what to send and by when (after it, the body, the commissioner or the tribunal may refuse to consider it).",
    dateMeaning: "Your deadline",
    digestDateWords: "Your deadline",
    describeDate: (date) => `your deadline ${date}`,
    isDeadline: true,
  },
  compliance_missed: {
    label: "Decision notice steps overdue",
    when: "the day after the date a decision notice set for the body's steps",
    severity: 9,
    whatToDo: "The body has missed the date in the decision notice: if it has not complied, tell the commissioner, who can certify the failure to the court (FOIA s54; FOISA s53).",
    dateMeaning: "Steps were due",
    digestDateWords: "Steps were due",
    describeDate: (date) => `steps were due ${date}`,
    isDeadline: true,
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

/** What to do next; with the request's law, the route that law gives (the right regulator). */
export function whatToDo(kind: AlertKind, law?: Law): string {
  const facts: AlertKindFacts = ALERT_KIND_REGISTRY[kind];
  return (law && facts.whatToDoByLaw?.[law]) || facts.whatToDo;
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
