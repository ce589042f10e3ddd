// Escalation letters drafted from a request's facts: a chaser, an internal review request and a
// complaint to the regulator. Pure: no I/O; dates and working days come from the clock.
import { formatUkDate, formatWorkingDays, receiptDate, type Clock, type ClockStateKind, type EventKind, type Law, type ResponseKind } from "@/lib/deadlines";
import { citeExemptions, listInWords } from "./exemptions";
import { LAW_WORDS, type LawWords } from "./law-words";

export type LetterKind = "chaser" | "internal_review" | "ico_complaint" | "clarification";

export interface DraftLetter {
  kind: LetterKind;
  title: string;
  /** Why this letter is offered now, in plain words. */
  reason: string;
  filename: string;
  text: string;
}

/** Everything a letter says, as plain values (dates YYYY-MM-DD, Europe/London). */
export interface LetterFacts {
  requestTitle: string;
  bodyName: string;
  authorityRef: string | null;
  law: Law;
  sentOn: string | null;
  dateOfReceipt: string | null;
  due: string | null;
  extendedDue: string | null;
  veryOverdue: string | null;
  today: string;
  /** The request clock's state as of today. */
  stateKind: ClockStateKind | null;
  workingDaysOverdue?: number;
  answeredOn: string | null;
  response: ResponseKind | null;
  /** As recorded on the response and review events ("s40", "section 43(2)", "reg 12(5)(e)"). */
  exemptions: string[];
  review: { requested: string; due: string; veryOverdue: string; answered: string | null } | null;
  reviewStateKind?: ClockStateKind;
  reviewWorkingDaysOverdue?: number;
  /** The date a complaint to the regulator was recorded, if any: then no complaint is offered. */
  complainedOn?: string | null;
  /** What the internal review decided, when it has answered ("successful" leaves nothing to complain about). */
  reviewResult?: string | null;
  /** The campaign (workspace) name the letters are signed with. */
  requesterName: string;
  /** Where the request can be seen online (WhatDoTheyKnow), if anywhere. */
  requestUrl: string | null;
}

/**
 * What letterFactsFromRequest reads: the shape getRequest() returns (a structural type, so this
 * module never imports the server-only service). `workspace.name` signs the letters.
 */
export interface LetterRequest {
  title: string;
  authorityRef: string | null;
  law: Law;
  externalUrl: string | null;
  sentAt: Date | null;
  body: { name: string };
  workspace?: { name?: string | null };
  events: readonly { kind: EventKind; occurredAt: Date; exemptions: readonly string[]; result?: string | null }[];
  clock: Clock;
  today: string;
}

/** Shown where the campaign's name is not known, for the user to fill in. */
export const NAME_PLACEHOLDER = "[Your name]";

const EXEMPTION_EVENTS: ReadonlySet<EventKind> = new Set<EventKind>([
  "response_partial",
  "response_refused",
  "response_not_held",
  "response_successful",
  "internal_review_answered",
]);

export function letterFactsFromRequest(request: LetterRequest, options: { requesterName?: string } = {}): LetterFacts {
  const { clock, today } = request;
  // The clock ignores events after today; so do the letters.
  const past = request.events.filter((e) => receiptDate(e.occurredAt) <= today);
  const complaints = past.filter((e) => e.kind === "ico_complaint");
  const requesterName = (options.requesterName ?? request.workspace?.name ?? "").trim() || NAME_PLACEHOLDER;
  return {
    requestTitle: request.title,
    bodyName: request.body.name,
    authorityRef: request.authorityRef?.trim() || null,
    law: request.law,
    sentOn: clock.sentOn ?? (request.sentAt ? receiptDate(request.sentAt) : null),
    dateOfReceipt: clock.dateOfReceipt,
    due: clock.due,
    extendedDue: clock.extendedDue,
    veryOverdue: clock.veryOverdue,
    today,
    stateKind: clock.state?.kind ?? null,
    workingDaysOverdue: clock.state?.workingDaysOverdue,
    answeredOn: clock.answeredOn,
    response: clock.response,
    exemptions: past.filter((e) => EXEMPTION_EVENTS.has(e.kind)).flatMap((e) => e.exemptions),
    review:
      clock.review === null || clock.review.withdrawn !== null
        ? null
        : { requested: clock.review.requested, due: clock.review.due, veryOverdue: clock.review.veryOverdue, answered: clock.review.answered },
    reviewStateKind: clock.reviewState?.kind,
    reviewWorkingDaysOverdue: clock.reviewState?.workingDaysOverdue,
    complainedOn: complaints.length > 0 ? receiptDate(complaints[complaints.length - 1].occurredAt) : null,
    reviewResult: past.filter((e) => e.kind === "internal_review_answered").at(-1)?.result ?? null,
    requesterName,
    requestUrl: request.externalUrl?.trim() || null,
  };
}

/**
 * The letters that make sense today, most useful first: the furthest step the facts justify
 * leads (a complaint once a review is overdue; a review once the delay is long), gentler
 * ones follow. Empty when nothing needs chasing.
 */
export function draftLetters(facts: LetterFacts): DraftLetter[] {
  const words = LAW_WORDS[facts.law];
  const overdue = facts.stateKind === "overdue" || facts.stateKind === "very_overdue";
  const letters: DraftLetter[] = [];

  const reviewOverdue = facts.reviewStateKind === "overdue" || facts.reviewStateKind === "very_overdue";
  const reviewAnswered = facts.review?.answered != null && facts.reviewResult !== "successful";
  if (facts.review !== null && !facts.complainedOn && (reviewOverdue || reviewAnswered)) {
    letters.push(complaint(facts, words, reviewOverdue ? "overdue" : "answered"));
  }

  if (facts.review === null) {
    const refused = facts.stateKind === "answered" && (facts.response === "response_refused" || facts.response === "response_partial");
    // A long delay justifies a review (WhatDoTheyKnow's "long overdue" mark, 40 working days).
    // Under FOISA a failure to respond goes to the Commissioner only after a requirement for
    // review (s20(1), s47(1)), so it is offered as soon as the request is overdue.
    const delayed = facts.stateKind === "very_overdue" || (facts.law === "foisa" && facts.stateKind === "overdue");
    const chaser = overdue ? chaserLetter(facts, words) : null;
    const review = refused || delayed ? reviewLetter(facts, words) : null;
    // Very overdue: the review is the stronger next step; only just overdue: a chaser first.
    const ordered = facts.stateKind === "very_overdue" ? [review, chaser] : [chaser, review];
    for (const l of ordered) if (l) letters.push(l);
  }
  return letters;
}

/** Where the person must still write something before a letter can go. */
export const UNFILLED_PART = /\[(?:Write|Add) your[^\]]*\]|\[Your name\]|\[your email or postal address\]/i;

/**
 * The start of an answer to a body's request for clarification: the person writes the answer
 * itself. Offered while the body waits for it (the clock restarts when it is sent).
 */
export function clarificationAnswer(f: LetterFacts, askedOn: string | null): DraftLetter {
  const w = LAW_WORDS[f.law];
  const asked = askedOn ? ` of ${formatUkDate(askedOn)}` : "";
  return {
    kind: "clarification",
    title: "Answer the request for clarification",
    reason: `Offered because ${f.bodyName} asked for clarification${askedOn ? ` on ${formatUkDate(askedOn)}` : ""}: the clock starts again when your answer is sent.`,
    filename: filename("clarification", f),
    text: letter({
      subject: `Clarification of my ${w.requestNoun}: ${quoted(f.requestTitle)}${yourRef(f)}`,
      greeting: `Dear Freedom of Information team at ${f.bodyName},`,
      paragraphs: [`Thank you for your message${asked} asking me to clarify my ${w.requestNoun} ${quoted(f.requestTitle)}${sentOnPhrase(f)}.`, "[Write your answer here.]"],
      name: f.requesterName,
    }),
  };
}

// ---- the letters ----

function chaserLetter(f: LetterFacts, w: LawWords): DraftLetter {
  const title = quoted(f.requestTitle);
  const paragraphs = [
    `I am writing about my ${w.requestNoun} ${title}${yourRef(f)}${sentOnPhrase(f)}.`,
    [w.deadlineRule, dueSentence(f)].join(" "),
    `I have not received a response. ${overdueSentence(f, "It")}`,
    "Please send me your response as soon as possible, and in any case within the next 5 working days. If you cannot answer in full yet, please send what you can now and tell me when I will have the rest.",
    w.chaserNextStep,
    onlineSentence(f),
  ];
  return {
    kind: "chaser",
    title: "Chaser: the response is overdue",
    reason: `Offered because the response is ${overdueAmount(f.workingDaysOverdue)}.`,
    filename: filename("chaser", f),
    text: letter({
      subject: `Overdue ${w.requestNoun}: ${title}${yourRef(f)}`,
      greeting: `Dear Freedom of Information team at ${f.bodyName},`,
      paragraphs,
      name: f.requesterName,
    }),
  };
}

function reviewLetter(f: LetterFacts, w: LawWords): DraftLetter {
  const title = quoted(f.requestTitle);
  const exemptions = citeExemptions(f.exemptions, f.law);
  const relying = exemptions.length > 0 ? `, relying on ${listInWords(exemptions)}` : "";
  const answered = f.stateKind === "answered" && f.answeredOn !== null;
  const what: string[] = [];
  let reason: string;
  if (answered && f.response === "response_refused") {
    what.push(`On ${formatUkDate(f.answeredOn!)} you refused the request${relying}.`);
    reason = `Offered because ${f.bodyName} refused the request on ${formatUkDate(f.answeredOn!)}.`;
  } else if (answered) {
    what.push(`On ${formatUkDate(f.answeredOn!)} you answered only part of the request and withheld the rest${relying}.`);
    reason = `Offered because ${f.bodyName} answered only part of the request on ${formatUkDate(f.answeredOn!)}.`;
  } else {
    reason =
      f.stateKind === "very_overdue"
        ? `Offered because the response is ${overdueAmount(f.workingDaysOverdue)}: a long delay is itself a reason to ask for a review.`
        : `Offered because the response is ${overdueAmount(f.workingDaysOverdue)}: you must require a review before you can apply to the Scottish Information Commissioner.`;
  }
  if (answered) {
    what.push(
      exemptions.length > 0
        ? `I do not think ${exemptions.length === 1 ? `this ${w.exemptionWord} applies` : `these ${w.exemptionWord}s apply`}. Please look again at whether each one really covers the information I asked for and, where the public interest test applies, whether the public interest really favours withholding it. Where only part of a document is covered, please release the rest with that part removed.`
        : `Please look again at whether the information can be released and, if you still withhold any of it, tell me which ${w.exemptionWord}s you rely on and why, as ${w.refusalNoticeRule} requires.`,
      "[Add your reasons here: for example, why the information matters to the public and why the refusal does not fit what you asked for.]",
    );
  } else {
    what.push(
      `I have not received a response. ${w.deadlineRule} ${dueSentence(f)} ${overdueSentence(f, "It")}`,
      `Please treat this as ${w.reviewNoun === "a review" ? "a requirement for review" : "a request for an internal review"} of your failure to respond in time, and send me a full response to the request without further delay.`,
    );
  }
  const paragraphs = [
    "Please pass this to the person who carries out reviews of Freedom of Information decisions.",
    `${w.reviewAsk} how you handled my ${w.requestNoun} ${title}${yourRef(f)}${sentOnPhrase(f)}.`,
    ...what,
    w.reviewTimeRule,
    onlineSentence(f),
    `If I am not satisfied with the outcome, I may ${f.law === "foisa" ? "apply" : "complain"} to ${w.regulator}.`,
  ];
  return {
    kind: "internal_review",
    title: w.reviewTitle,
    reason,
    filename: filename("internal-review", f),
    text: letter({
      subject: `${w.reviewTitle}: ${title}${yourRef(f)}`,
      greeting: `Dear Freedom of Information team at ${f.bodyName},`,
      paragraphs,
      name: f.requesterName,
    }),
  };
}

function complaint(f: LetterFacts, w: LawWords, why: "overdue" | "answered"): DraftLetter {
  const review = f.review!;
  const body = f.bodyName;
  const title = quoted(f.requestTitle);
  const theirRef = f.authorityRef ? ` (${body}'s reference ${f.authorityRef})` : "";
  const exemptions = citeExemptions(f.exemptions, f.law);
  const relying = exemptions.length > 0 ? `, relying on ${listInWords(exemptions)}` : "";
  const scottish = f.law === "foisa";
  const reviewName = scottish ? "review" : "internal review";

  const events: string[] = [];
  const sent = f.sentOn ? `${formatUkDate(f.sentOn)}: I sent the request.` : "I sent the request.";
  const receipt =
    f.dateOfReceipt && f.dateOfReceipt !== f.sentOn ? ` The date of receipt was ${formatUkDate(f.dateOfReceipt)}.` : "";
  const due = f.due ? ` A response was due by ${formatUkDate(f.due)} (20 working days).` : "";
  const extended = f.extendedDue ? ` ${body} extended this to ${formatUkDate(f.extendedDue)}.` : "";
  events.push(sent + receipt + due + extended);
  if (f.answeredOn !== null && f.response !== null) {
    const how: Record<ResponseKind, string> = {
      response_refused: `refused the request${relying}`,
      response_partial: `answered only part of the request and withheld the rest${relying}`,
      response_successful: "answered the request",
      response_not_held: "said it does not hold the information",
    };
    events.push(`${formatUkDate(f.answeredOn)}: ${body} ${how[f.response]}.`);
  } else {
    events.push(`${body} has not responded to the request. ${overdueSentence(f, "The response")}`.trim());
  }
  events.push(
    `${formatUkDate(review.requested)}: I ${scottish ? "required a review" : "asked for an internal review"}. It was due by ${formatUkDate(review.due)} (${w.reviewLimit}).`,
  );
  if (why === "overdue") {
    const n = f.reviewWorkingDaysOverdue ?? 0;
    const beyondMax =
      f.law === "foia" && f.reviewStateKind === "very_overdue"
        ? `, beyond the 40 working days the ICO accepts as the most an authority may take (${formatUkDate(review.veryOverdue)})`
        : "";
    events.push(
      `${body} has not told me the outcome of the ${reviewName}. It is ${n > 0 ? `now ${formatWorkingDays(n)} overdue` : "now overdue"}${beyondMax}.`,
    );
  } else {
    const late = review.answered! > review.due ? `, after it was due` : "";
    events.push(`${formatUkDate(review.answered!)}: ${body} told me the outcome of the ${reviewName}${late}.`);
  }

  const dissatisfied =
    why === "overdue"
      ? `${body} has not completed the ${reviewName} in the time allowed${f.answeredOn === null ? ", and I still have no response to the request itself" : ""}.`
      : `[Add your reasons here: for example, why the ${w.exemptionWord}s do not apply, or what information is still missing.]`;

  const attach = [
    f.sentOn ? `my request of ${formatUkDate(f.sentOn)}` : "my request",
    ...(f.answeredOn !== null ? [`${body}'s response of ${formatUkDate(f.answeredOn)}`] : []),
    `my ${scottish ? "requirement for review" : "request for an internal review"} of ${formatUkDate(review.requested)}`,
    ...(review.answered !== null ? [`${body}'s review outcome of ${formatUkDate(review.answered)}`] : []),
    "any other letters or emails about the request",
  ];

  const paragraphs = [
    scottish
      ? `I am applying for a decision on whether ${body} has dealt with my request for information ${title}${theirRef} in accordance with ${w.act}. I make this application under ${w.complaintRule}, and I required ${body} to carry out a review first.`
      : `I am complaining about how ${body} has dealt with my request for information ${title}${theirRef}. I make this complaint under ${w.complaintRule}, and I asked ${body} for an internal review first.`,
    `What happened:\n${events.map((e) => `- ${e}`).join("\n")}`,
    `Why I am not satisfied: ${dissatisfied}`,
    `Please decide whether ${body} has dealt with my request in accordance with ${w.act} and, if it has not, require it to respond properly.`,
    `I attach:\n${attach.map((a) => `- ${a}`).join("\n")}`,
    onlineSentence(f),
    "My address for correspondence: [your email or postal address]",
  ];
  const ref = f.authorityRef ? ` (reference ${f.authorityRef})` : "";
  return {
    kind: "ico_complaint",
    title: w.complaintTitle,
    reason:
      why === "overdue"
        ? `Offered because the ${reviewName} is ${overdueAmount(f.reviewWorkingDaysOverdue)}.`
        : `Offered if you are not satisfied with the ${reviewName} ${body} sent on ${formatUkDate(review.answered!)}.`,
    filename: filename(w.complaintSlug, f),
    text: letter({
      subject: `${w.complaintTitle}: ${body}, request ${title}${ref}`,
      greeting: scottish ? "Dear Scottish Information Commissioner," : "Dear Information Commissioner,",
      paragraphs,
      name: f.requesterName,
    }),
  };
}

// ---- shared phrases ----

function letter(parts: { subject: string; greeting: string; paragraphs: (string | null)[]; name: string }): string {
  const body = parts.paragraphs.filter((p): p is string => p !== null && p !== "");
  return [`Subject: ${parts.subject}`, parts.greeting, ...body, `Yours faithfully,\n\n${parts.name}`].join("\n\n") + "\n";
}

/** The title in quotation marks, kept as typed: the letters are plain text, never HTML. */
function quoted(title: string): string {
  return `"${title.trim()}"`;
}

function yourRef(f: LetterFacts): string {
  return f.authorityRef ? ` (your reference ${f.authorityRef})` : "";
}

function sentOnPhrase(f: LetterFacts): string {
  return f.sentOn ? `, which I sent on ${formatUkDate(f.sentOn)}` : "";
}

function dueSentence(f: LetterFacts): string {
  if (!f.due) return "";
  const receipt = f.dateOfReceipt ? `The date of receipt was ${formatUkDate(f.dateOfReceipt)}, so your` : "Your";
  const due = `${receipt} response was due by ${formatUkDate(f.due)}.`;
  if (!f.extendedDue) return due;
  return `${due} You extended the time to ${formatUkDate(f.extendedDue)}, and that date has passed too.`;
}

function overdueSentence(f: LetterFacts, subject: string): string {
  if (f.stateKind !== "overdue" && f.stateKind !== "very_overdue") return "";
  const n = f.workingDaysOverdue ?? 0;
  const amount = n > 0 ? `now ${formatWorkingDays(n)} overdue` : "now overdue";
  // very_overdue is only reached after the 40th working day from receipt (compute-clock.ts).
  const long = f.stateKind === "very_overdue" ? ", and more than 40 working days have passed since the date of receipt" : "";
  return `${subject} is ${amount}${long}.`;
}

function overdueAmount(n: number | undefined): string {
  return n && n > 0 ? `${formatWorkingDays(n)} overdue` : "overdue";
}

function onlineSentence(f: LetterFacts): string | null {
  return f.requestUrl ? `The request and the correspondence about it are online at ${f.requestUrl}` : null;
}

function slug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "body"
  );
}

function filename(prefix: string, f: LetterFacts): string {
  return `${prefix}-${slug(f.bodyName)}-${f.today}.txt`;
}
