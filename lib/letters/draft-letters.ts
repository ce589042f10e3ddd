// Escalation letters drafted from a request's facts: a chaser, an internal review request and a
// complaint to the regulator (the ICO for FOIA and EIR, the Scottish Information Commissioner for
// FOISA), each offered when the law and the regulator's guidance allow it, with the reason.
// Pure: no I/O; dates and working days come from the clock.
import { formatUkDate, formatWorkingDays, receiptDate, type Clock, type ClockStateKind, type EventKind, type Law, type ResponseKind } from "@/lib/deadlines";
import { isUnderTheAct, type FoiStatus } from "@/lib/bodies/foi-status";
import { chasedAfter } from "@/lib/requests/chased";
import { citeExemptions, listInWords, refusalGround } from "./exemptions";
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
  /** False for a body outside the Act (lib/bodies/foi-status.ts): no statutory deadline, no regulator. */
  underTheAct?: boolean;
  /** When the body was chased after the response fell due (lib/requests/chased.ts). */
  chasedOn?: string | null;
  /** The refusal relied on the cost limit (s12) or on vexatiousness (s14): not exemptions. */
  refusalGround?: "cost" | "vexatious" | null;
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
  body: { name: string; foiStatus?: FoiStatus | null };
  workspace?: { name?: string | null };
  events: readonly { kind: EventKind; occurredAt: Date; exemptions: readonly string[]; result?: string | null; note?: string | null }[];
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
  const exemptions = past.filter((e) => EXEMPTION_EVENTS.has(e.kind)).flatMap((e) => e.exemptions);
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
    exemptions,
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
    underTheAct: isUnderTheAct(request.body),
    chasedOn: chasedAfter(past, clock.extendedDue ?? clock.due, today),
    refusalGround: refusalGround(exemptions, request.law),
  };
}

/**
 * The letters that make sense today, most useful first: the furthest step the facts justify
 * leads (a complaint once the law lets the regulator take it; a review once the delay is long),
 * gentler ones follow. Empty when nothing needs chasing.
 */
export function draftLetters(facts: LetterFacts): DraftLetter[] {
  const words = LAW_WORDS[facts.law];
  const overdue = facts.stateKind === "overdue" || facts.stateKind === "very_overdue";
  // A body outside the Act owes no statutory answer and no regulator can decide a complaint:
  // only a polite chaser, which names the commissioner's route (FOIA s3(2)(b)).
  if (facts.underTheAct === false) return overdue && facts.review === null ? [voluntaryChaser(facts)] : [];
  const letters: DraftLetter[] = [];

  const reviewAnswered = facts.review?.answered != null && facts.reviewResult !== "successful";
  if (facts.review !== null && !facts.complainedOn && (reviewLate(facts) || reviewAnswered)) {
    letters.push(complaint(facts, words, reviewLate(facts) ? "overdue" : "answered"));
  }

  if (facts.review === null) {
    const answered = facts.stateKind === "answered" && facts.answeredOn !== null;
    const refused = answered && (facts.response === "response_refused" || facts.response === "response_partial" || facts.response === "response_not_held");
    // A long delay justifies a review (WhatDoTheyKnow's "long overdue" mark, 40 working days).
    // Under FOISA a failure to respond goes to the Commissioner only after a requirement for
    // review (s20(1), s47(1)), so it is offered as soon as the request is overdue.
    const delayed = facts.stateKind === "very_overdue" || (facts.law === "foisa" && facts.stateKind === "overdue");
    // The ICO takes a complaint about a request never answered once the body was chased
    // (https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/foi-and-eir-complaints/); FOISA needs a review first.
    const noResponseComplaint =
      overdue && facts.law !== "foisa" && facts.chasedOn && !facts.complainedOn ? complaint(facts, words, "no_response") : null;
    const chaser = overdue ? chaserLetter(facts, words) : null;
    const review = refused || delayed ? reviewLetter(facts, words) : null;
    // Very overdue: the review is the stronger next step; only just overdue: a chaser first.
    const ordered = facts.stateKind === "very_overdue" ? [noResponseComplaint, review, chaser] : [noResponseComplaint, chaser, review];
    for (const l of ordered) if (l) letters.push(l);
  }
  return letters;
}

/**
 * When a stalled review may go to the regulator: FOISA after the 20 working days of s21(1)
 * (s47(1)); EIR after the 40 of reg 11(4); FOIA only after 40 working days, the most the s45
 * Code (Part 5) allows in exceptional cases and when the ICO takes the complaint
 * (https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/foi-and-eir-complaints/). Between 20
 * and 40 the FOIA review may be one of the exceptional cases, so no complaint is offered yet.
 */
function reviewLate(f: LetterFacts): boolean {
  if (f.law === "foia") return f.reviewStateKind === "very_overdue";
  return f.reviewStateKind === "overdue" || f.reviewStateKind === "very_overdue";
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
  const on = answered ? formatUkDate(f.answeredOn!) : "";
  let what: string[];
  let reason: string;
  let title2 = w.reviewTitle;
  if (answered && f.response === "response_not_held") {
    what = notHeldParagraphs(f, w, on);
    reason = `Offered because ${f.bodyName} said on ${on} that it does not hold the information.`;
    title2 = `${w.reviewTitle}: information not held`;
  } else if (answered && f.refusalGround === "cost") {
    what = costParagraphs(f, on);
    reason = `Offered because ${f.bodyName} refused the request on cost on ${on}: ask for the estimate and for help to narrow it.`;
    title2 = `${w.reviewTitle}: refused on cost`;
  } else if (answered && f.refusalGround === "vexatious") {
    what = vexatiousParagraphs(f, on);
    reason = `Offered because ${f.bodyName} refused the request as vexatious on ${on}.`;
    title2 = `${w.reviewTitle}: refused as vexatious`;
  } else if (answered && f.response === "response_partial" && exemptions.length === 0) {
    what = incompleteParagraphs(f, w, on);
    reason = `Offered because ${f.bodyName} answered only part of the request on ${on}.`;
    title2 = `${w.reviewTitle}: incomplete answer`;
  } else if (answered) {
    what = [
      f.response === "response_refused"
        ? `On ${on} you refused the request${relying}.`
        : `On ${on} you answered only part of the request and withheld the rest${relying}.`,
      exemptions.length > 0
        ? `I do not think ${exemptions.length === 1 ? `this ${w.exemptionWord} applies` : `these ${w.exemptionWord}s apply`}. Please look again at whether each one really covers the information I asked for and, where the public interest test applies, whether the public interest really favours withholding it. Where only part of a document is covered, please release the rest with that part removed.`
        : `Please look again at whether the information can be released and, if you still withhold any of it, tell me which ${w.exemptionWord}s you rely on and why, as ${w.refusalNoticeRule} requires.`,
      "[Add your reasons here: for example, why the information matters to the public and why the refusal does not fit what you asked for.]",
    ];
    reason =
      f.response === "response_refused"
        ? `Offered because ${f.bodyName} refused the request on ${on}.`
        : `Offered because ${f.bodyName} answered only part of the request on ${on}.`;
  } else {
    what = [
      `I have not received a response. ${w.deadlineRule} ${dueSentence(f)} ${overdueSentence(f, "It")}`,
      `Please treat this as ${w.reviewNoun === "a review" ? "a requirement for review" : "a request for an internal review"} of your failure to respond in time, and send me a full response to the request without further delay.`,
    ];
    reason =
      f.stateKind === "very_overdue"
        ? `Offered because the response is ${overdueAmount(f.workingDaysOverdue)}: a long delay is itself a reason to ask for a review.`
        : `Offered because the response is ${overdueAmount(f.workingDaysOverdue)}: you must require a review before you can apply to the Scottish Information Commissioner.`;
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
    title: title2,
    reason,
    filename: filename("internal-review", f),
    text: letter({
      subject: `${title2}: ${title}${yourRef(f)}`,
      greeting: `Dear Freedom of Information team at ${f.bodyName},`,
      paragraphs,
      name: f.requesterName,
    }),
  };
}

/**
 * "Not held": the regulator decides on the balance of probabilities, weighing how thorough the
 * searches were (ICO, Information you hold for the purposes of FOIA,
 * https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-information-regulations/information-you-hold-for-the-purposes-of-foia/),
 * so the review asks what was searched, where and how.
 */
function notHeldParagraphs(f: LetterFacts, w: LawWords, on: string): string[] {
  return [
    `On ${on} you told me that you do not hold the information I asked for.`,
    "I believe you are likely to hold it: [add why, for example a document, meeting or decision that would have produced a record of it].",
    `${w.regulatorShort === "the ICO" ? "The Information Commissioner" : "The Scottish Information Commissioner"} decides whether information is held on the balance of probabilities, looking at how thorough the searches were. As part of the review, please tell me:`,
    [
      "- what searches you made, and of which records: email accounts, shared drives, document systems, minutes and paper files;",
      "- which teams or people you asked;",
      "- what search terms you used, and for which dates;",
      "- whether any relevant record was held once and later deleted or destroyed and, if so, when and under which retention policy;",
      "- whether another body is likely to hold the information, and which.",
    ].join("\n"),
  ];
}

/** Part of the request left unanswered, with no exemption given: ask for the rest and the searches. */
function incompleteParagraphs(f: LetterFacts, w: LawWords, on: string): string[] {
  return [
    `On ${on} you answered my request, but the answer does not cover all of it: [say which parts or questions are missing].`,
    `For each missing part, please send the information, or tell me that you do not hold it, or which ${w.exemptionWord} you rely on and why, as ${w.refusalNoticeRule} requires.`,
    "Where you say you do not hold it, please tell me what searches you made, of which records, and with what search terms, so that I can see the search was thorough.",
  ];
}

/**
 * A cost refusal (FOIA s12, FOISA s12) is not an exemption: the review asks for the estimate and
 * for advice and assistance to narrow the request.
 * - FOIA: only determining whether the information is held, locating, retrieving and extracting
 *   it count, at £25 an hour (Fees Regulations 2004 reg 4(3)-(4),
 *   https://www.legislation.gov.uk/uksi/2004/3244/regulation/4); the limit is £600 for
 *   Schedule 1 Part I authorities and £450 for the rest (reg 3); s16 and the s45 Code Part 6 say
 *   to help the requester bring the request within the limit.
 * - FOISA: locating, retrieving and providing count, staff time at no more than £15 an hour, and
 *   the limit is £600 (Fees for Required Disclosure (Scotland) Regulations 2004 regs 3 and 5,
 *   https://www.legislation.gov.uk/ssi/2004/467); s15 is the duty to advise and assist.
 */
function costParagraphs(f: LetterFacts, on: string): string[] {
  if (f.law === "foisa") {
    return [
      `On ${on} you refused the request under section 12 of the Act, saying that complying would cost more than the prescribed amount.`,
      "Please send me your estimate broken down: which activities you counted, how long each would take, and how you worked it out (for example, a sample search). Under the Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004 only locating, retrieving and providing the information count, staff time at no more than £15 an hour, and the limit is £600 (regulations 3 and 5); deciding whether you hold the information, or whether to release it, does not count.",
      "Section 15 of the Act requires you to give me reasonable advice and assistance. Please tell me what you could provide within the limit, and how I could narrow my request (for example by date range, or by fewer questions) so that you can answer it.",
    ];
  }
  return [
    `On ${on} you refused the request under section 12 of the Act, saying that complying would exceed the appropriate limit.`,
    "Please send me your estimate broken down: which activities you counted, how long each would take, and how you worked it out (for example, a sample search). Under regulation 4(3) of the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004 only determining whether you hold the information, locating it, retrieving it and extracting it count, at £25 an hour (regulation 4(4)); the limit is £450 for most public authorities and £600 for central government (regulation 3). Considering exemptions or redacting does not count.",
    "Section 16 of the Act requires you to give advice and assistance, and Part 6 of the Code of Practice under section 45 says this includes explaining what could be provided within the limit. Please tell me what you could provide, and how I could narrow my request (for example by date range, or by fewer questions) so that you can answer it.",
  ];
}

/** A vexatious refusal (FOIA s14(1), FOISA s14(1)) judges the request, not the requester: ask why, and what would be answered. */
function vexatiousParagraphs(f: LetterFacts, on: string): string[] {
  const adviseSection = f.law === "foisa" ? "Section 15" : "Section 16";
  return [
    `On ${on} you refused the request as vexatious under section 14(1) of the Act.`,
    "Please explain why you consider this request itself vexatious: the test is whether the request would cause a disproportionate or unjustified level of disruption, irritation or distress, weighed against its purpose and value. My request has a serious purpose: [add why the information matters, for example to the people who use these services].",
    `${adviseSection} of the Act requires you to give advice and assistance. If the burden of answering is the concern, please tell me how I could narrow the request so that you can answer it.`,
  ];
}

/**
 * To the regulator: after a late or unsatisfying review ("overdue", "answered"), or, under FOIA
 * and EIR, about a request never answered once the body was chased ("no_response").
 */
function complaint(f: LetterFacts, w: LawWords, why: "overdue" | "answered" | "no_response"): DraftLetter {
  const review = f.review;
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
  if (review === null) {
    if (f.chasedOn) events.push(`${formatUkDate(f.chasedOn)}: I chased ${body} for a response. I have still had none.`);
  } else {
    events.push(
      `${formatUkDate(review.requested)}: I ${scottish ? "required a review" : "asked for an internal review"}. It was due by ${formatUkDate(review.due)} (${w.reviewLimit}).`,
    );
  }
  if (review === null) {
    // No review: the complaint is about the failure to respond (FOIA s10(1), EIR reg 5(2)).
  } else if (why === "overdue") {
    const n = f.reviewWorkingDaysOverdue ?? 0;
    const beyondMax =
      f.law === "foia" && f.reviewStateKind === "very_overdue"
        ? `, beyond the 40 working days the Code of Practice allows in exceptional cases (${formatUkDate(review.veryOverdue)})`
        : "";
    events.push(
      `${body} has not told me the outcome of the ${reviewName}. It is ${n > 0 ? `now ${formatWorkingDays(n)} overdue` : "now overdue"}${beyondMax}.`,
    );
  } else {
    const late = review.answered! > review.due ? `, after it was due` : "";
    events.push(`${formatUkDate(review.answered!)}: ${body} told me the outcome of the ${reviewName}${late}.`);
  }

  const dissatisfied =
    why === "no_response"
      ? `${body} has not responded to my request within the time the law allows, and has not answered my chaser. ${w.deadlineRule}`
      : why === "overdue"
      ? `${body} has not completed the ${reviewName} in the time allowed${f.answeredOn === null ? ", and I still have no response to the request itself" : ""}.`
      : `[Add your reasons here: for example, why the ${w.exemptionWord}s do not apply, or what information is still missing.]`;

  const attach = [
    f.sentOn ? `my request of ${formatUkDate(f.sentOn)}` : "my request",
    ...(f.answeredOn !== null ? [`${body}'s response of ${formatUkDate(f.answeredOn)}`] : []),
    ...(f.chasedOn && review === null ? [`my chaser of ${formatUkDate(f.chasedOn)}`] : []),
    ...(review !== null ? [`my ${scottish ? "requirement for review" : "request for an internal review"} of ${formatUkDate(review.requested)}`] : []),
    ...(review !== null && review.answered !== null ? [`${body}'s review outcome of ${formatUkDate(review.answered)}`] : []),
    "any other letters or emails about the request",
  ];

  const paragraphs = [
    scottish
      ? `I am applying for a decision on whether ${body} has dealt with my request for information ${title}${theirRef} in accordance with ${w.act}. I make this application under ${w.complaintRule}, and I required ${body} to carry out a review first.`
      : why === "no_response"
        ? `I am complaining that ${body} has not responded to my request for information ${title}${theirRef}. I make this complaint under ${w.complaintRule}. I chased ${body} before writing to you, as your guidance asks.`
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
      why === "no_response"
        ? `Offered because the response is ${overdueAmount(f.workingDaysOverdue)} and you chased it on ${formatUkDate(f.chasedOn!)}: the ICO takes complaints about requests never answered once the body was chased.`
        : why === "overdue"
          ? `Offered because the ${reviewName} is ${overdueAmount(f.reviewWorkingDaysOverdue)}${f.law === "foia" ? ", beyond the 40 working days the Code of Practice allows in exceptional cases" : ""}.`
          : `Offered if you are not satisfied with the ${reviewName} ${body} sent on ${formatUkDate(review!.answered!)}.`,
    filename: filename(w.complaintSlug, f),
    text: letter({
      subject: `${w.complaintTitle}: ${body}, request ${title}${ref}`,
      greeting: scottish ? "Dear Scottish Information Commissioner," : "Dear Information Commissioner,",
      paragraphs,
      name: f.requesterName,
    }),
  };
}

/**
 * A body outside the Act (lib/bodies/foi-status.ts) owes no answer by law: the chaser asks it to
 * answer voluntarily and names the route for information it holds on an NHS commissioner's
 * behalf, which counts as held by the commissioner (FOIA s3(2)(b),
 * https://www.legislation.gov.uk/ukpga/2000/36/section/3).
 */
function voluntaryChaser(f: LetterFacts): DraftLetter {
  const title = quoted(f.requestTitle);
  const paragraphs = [
    `I am writing about my request for information ${title}${yourRef(f)}${sentOnPhrase(f)}.`,
    `I understand that ${f.bodyName} is not a public authority under the Freedom of Information Act 2000, so the Act's time limits do not bind it. I made the request hoping you would answer it voluntarily, as many providers of NHS services do${target(f)}, and I have not yet had a response.`,
    "Please let me know whether you will answer it, and when. If you cannot answer all of it, please send what you can.",
    `If you hold any of this information on behalf of an NHS commissioner under your contract, it counts as held by that commissioner (section 3(2)(b) of the Act), and I may ask the commissioner for it.`,
    onlineSentence(f),
  ];
  return {
    kind: "chaser",
    title: "Chaser: asking for a voluntary answer",
    reason: `Offered because ${f.bodyName} has not answered by the target date. It is outside the Act, so no statutory deadline has passed.`,
    filename: filename("chaser", f),
    text: letter({
      subject: `Request for information: ${title}${yourRef(f)}`,
      greeting: `Dear ${f.bodyName},`,
      paragraphs,
      name: f.requesterName,
    }),
  };
}

/** The target a voluntary answer was hoped for by: the 20 working days public authorities have. */
function target(f: LetterFacts): string {
  const due = f.extendedDue ?? f.due;
  return due ? `, within the 20 working days public authorities have (by ${formatUkDate(due)})` : "";
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
