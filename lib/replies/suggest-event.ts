// What a public body's reply seems to mean, read from its words: a suggestion a person
// confirms, never applied on its own. Pure (no I/O, today is not needed): the corpus under
// tests/fixtures/inbound is its test.
import type { Law } from "@/lib/deadlines/schemas";
import { receiptDate } from "@/lib/deadlines/receipt-date";
import { formatIsoDate, dayNumberFromParts, daysInMonth, parseIsoDate } from "@/lib/deadlines/iso-date";
import type { Suggestion } from "@/lib/replies/suggestion";

export interface SuggestInput {
  subject?: string | null;
  text: string;
  law: Law;
  sentAt: Date;
}

/** Subjects that mail programs give their automatic answers, in the languages trusts' staff use. */
const AUTO_REPLY_SUBJECT =
  /^\s*(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|out of (the )?office|away from the office|on leave|abwesenheitsnotiz|automatische antwort|réponse automatique|respuesta automática|risposta automatica|autosvar|automatisch antwoord)\b/i;
const AUTO_REPLY_BODY = /\b(i am|i'm|i will be) (currently )?(out of (the )?office|away|on (annual )?leave|not in the office)\b|\bthis is an automatic(ally generated)? (reply|response|message)\b/i;

/**
 * Cuts what the reply quotes: our own letter below "-----Original Message-----", "On ... wrote:"
 * or Outlook's "From: ... Sent: ..." block, and lines starting with ">". Our letter names
 * internal reviews, exemptions and deadlines; reading it would suggest what we said, not what
 * they said. A forwarded message is kept: there the quoted part is the body's reply.
 */
export function ownWords(text: string, subject: string): string {
  const forwarded = /^\s*((fw|fwd|wg|tr|rv|vs|doorst)\s*:\s*)/i.test(subject.replace(/^\s*(re|aw|sv|antw|r)\s*:\s*/i, ""));
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*>/.test(line)) continue;
    if (forwarded) {
      kept.push(line);
      continue;
    }
    if (/^\s*-{2,}\s*original message\s*-{2,}/i.test(line)) break;
    if (/^\s*on .{5,200} wrote:\s*$/i.test(line)) break;
    if (/^\s*_{10,}\s*$/.test(line) && /^\s*from:/i.test(lines[i + 1] ?? "")) break;
    if (/^\s*from:\s.+/i.test(line) && /^\s*(sent|date):\s.+/i.test(lines[i + 1] ?? "")) break;
    kept.push(line);
  }
  return kept.join("\n");
}

/** The text's sentences, with line breaks inside a sentence joined (mail wraps at 72 characters). */
function sentences(text: string): string[] {
  return text
    .replace(/[ \t]+/g, " ")
    .split(/\n\s*\n|(?<=[.!?])\s+(?=[A-Z0-9"“(])|\n(?=\s*(?:\d+[.)]|[-*•])\s)/)
    .map((s) => s.replace(/\s*\n\s*/g, " ").trim())
    .filter((s) => s.length > 0);
}

const clipEvidence = (s: string) => (s.length > 300 ? `${s.slice(0, 297)}...` : s);

// ---- dates written in letters ----

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+${MONTH_NAME}\.?,?\s+(\d{4})\b`, "gi");
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH_NAME}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, "gi");
const NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/g;

function isoFrom(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return formatIsoDate(dayNumberFromParts(year, month, day));
}

const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Every date the sentence names, in order of appearance (UK order for numeric dates: 20/09/2024). */
export function datesIn(sentence: string): string[] {
  const found: Array<{ at: number; iso: string }> = [];
  for (const m of sentence.matchAll(DAY_MONTH_YEAR)) {
    const iso = isoFrom(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
    if (iso) found.push({ at: m.index, iso });
  }
  for (const m of sentence.matchAll(MONTH_DAY_YEAR)) {
    const iso = isoFrom(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
    if (iso) found.push({ at: m.index, iso });
  }
  for (const m of sentence.matchAll(NUMERIC)) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = isoFrom(year, Number(m[2]), Number(m[1]));
    if (iso) found.push({ at: m.index, iso });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.iso);
}

// ---- exemptions ----

// FOIA Part II (ss21-44) plus s12 (cost) and s14 (vexatious), relied on the same way; FOISA
// Part 2 (ss25-41) plus its s12 and s14; EIR regulations 12(4), 12(5) and 13. Other sections
// a letter names (1(3) clarification, 10(3) extension, 17 refusal notice, 16 advice, 50 the
// ICO) are the procedure, not exemptions.
const FOIA_EXEMPT = new Set(["12", "14", "21", "22", "22A", "23", "24", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44"]);
const FOISA_EXEMPT = new Set(["12", "14", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41"]);

const SECTION_LIST = /\b(?:sections?|ss?\.?)\s*((?:\d{1,2}[A-Z]?(?:\s*\(\s*[0-9a-z]{1,3}\s*\))*)(?:\s*(?:,|and|&|or)\s*(?:s\.?\s*)?\d{1,2}[A-Z]?(?:\s*\(\s*[0-9a-z]{1,3}\s*\))*)*)/gi;
const ONE_SECTION = /(\d{1,2}[A-Z]?)((?:\s*\(\s*[0-9a-z]{1,3}\s*\))*)/g;
const REGULATION = /\b(?:regulations?|regs?\.?|r\.)\s*(12\s*\(\s*[45]\s*\)\s*\(\s*[a-g]\s*\)|13)/gi;

/** The exemptions a text cites, as the app writes them ("s40(2)", "s43", "reg12(5)(e)"), first mention first. */
export function exemptionsIn(text: string, law: Law): string[] {
  const found: string[] = [];
  const add = (e: string) => {
    if (!found.includes(e)) found.push(e);
  };
  if (law === "eir") {
    for (const m of text.matchAll(REGULATION)) add(`reg${m[1]!.replace(/\s+/g, "")}`);
    return found;
  }
  const allowed = law === "foisa" ? FOISA_EXEMPT : FOIA_EXEMPT;
  for (const list of text.matchAll(SECTION_LIST)) {
    for (const one of list[1]!.matchAll(ONE_SECTION)) {
      const number = one[1]!.toUpperCase();
      if (!allowed.has(number)) continue;
      // s12(1) and s14(1) are the sections themselves; keep subsections only where they pick an exemption.
      const sub = one[2]!.replace(/\s+/g, "");
      add(`s${number}${number === "12" || number === "14" ? "" : sub.match(/^\(\d+[a-z]?\)/)?.[0] ?? ""}`);
    }
  }
  return found;
}

// ---- what the reply says ----

type Rule = { test: RegExp; not?: RegExp };

const ACK: Rule[] = [
  { test: /\backnowledge (receipt|your (request|email))|\backnowledg(e)?ment\b/i },
  { test: /\b(we|i) (have|has) (now )?(received|logged|registered) (both of |all of |each of )?your (requests?|emails?|letters?|foi|freedom of information)/i },
  { test: /\b(your request|it) (has been|was|is being) (received|logged|registered|passed to|allocated)/i },
  { test: /\byou (should|will|can expect to) (receive|get|have) (a|our|the) (response|reply|answer)/i },
  { test: /\b(we|the trust) (aim|will aim|intend|endeavour|will endeavour|will try) to (respond|reply|provide)/i },
  { test: /\brespond(ed)? to (you )?(by|within|no later than)\b/i },
  { test: /\b(is|are) being (dealt with|processed|considered)\b/i },
];

const CLARIFICATION: Rule[] = [
  { test: /\b(need|require|request|ask (you )?for|would be grateful for|must ask for|seek) (some |further |more )?clarification\b/i, not: /\bif you (need|require|have|would like)\b/i },
  { test: /\b(could|can|would) you (please )?(clarify|confirm|specify|explain|tell us|let us know|narrow)\b/i, not: /\bif you\b/i },
  { test: /\bplease (could you )?(clarify|specify|confirm which|confirm what|narrow)\b/i },
  { test: /\bsection 1\s*\(3\)|\bregulation 9\s*\(2\)/i },
  { test: /\bbefore we (can|are able to) (process|proceed|respond|answer|deal)/i },
  { test: /\bclarif(y|ication) (of|on|regarding|about) (your|the|what|which)\b/i, not: /\bif you (need|require|have)\b/i },
  { test: /\b(request is|request was) (unclear|ambiguous|too broad)\b/i },
];

const FEES: Rule[] = [
  { test: /\bfees? notice\b/i },
  { test: /\b(fee|charge|payment|cost) of £\s?\d/i, not: /\bappropriate limit\b/i },
  { test: /\b(pay|payment of) (the|a) (fee|charge)\b/i },
  { test: /\bdisbursements?\b/i },
];

const EXTENSION: Rule[] = [
  { test: /\bextend(ed|ing)? the (deadline|time|time limit|date|response date|period)/i },
  { test: /\b(an |the )?extension (to|of) (the )?(deadline|time|response|time limit|period)/i },
  { test: /\b(further|additional|extra) (\d+|ten|twenty) working days\b/i },
  { test: /\bsection 10\s*\(3\)|\bregulation 7\s*\(1\)|\bpublic interest test\b/i },
  { test: /\b(need|require)s? (more|further|additional|extra) time\b/i },
  { test: /\b(now|will now|we now) (aim|expect|intend|hope) to (respond|reply|provide)[^.]{0,60}\bby\b/i },
  { test: /\bnew (deadline|due date|response date)\b/i },
];

const NOT_HELD: Rule[] = [
  { test: /\b(does|do|did) not hold\b|\bhold(s)? no (recorded )?information\b|\binformation (is )?not held\b|\bno (recorded )?information (is )?held\b|\bnot held by\b/i },
  { test: /\bregulation 12\s*\(4\)\s*\(a\)/i },
];

const REFUSED: Rule[] = [
  { test: /\b(is|are|been) (being )?withheld\b|\bwithhold(ing)?\b/i },
  { test: /\b(is|are) exempt\b|\bexemptions? (applies|apply|under|at|in)\b|\bexception (applies|under)\b|\bapplying (the )?(exemption|section|s\.? ?\d)/i },
  { test: /\b(refuse|refusing|refused|refusal)\b/i, not: /\bif you (are|were) (dissatisfied|unhappy)|\bright to (appeal|complain)/i },
  { test: /\bneither confirm nor deny\b/i },
  { test: /\bexceed(s|ed)? the (appropriate|cost) limit\b|\bvexatious\b/i },
  { test: /\b(unable|not able) to (provide|disclose|release|supply) (this|the|that|any|some)\b/i },
];

const ANSWERED: Rule[] = [
  { test: /\b(please find|we enclose|i enclose|attached is|attached are|is attached|are attached|see attached|please see (below|attached))\b/i },
  { test: /\b(our|the trust'?s?|my) (response|answers?|reply) (to your (request|questions?)|is (as follows|below|attached)|(is )?set out below)/i },
  { test: /\b(in response|in reply) to your (request|questions?)\b[^.]{0,80}\b(the trust|we|i) (can|is able to|are able to|have|has) (confirm|provide|advise|tell)/i },
  { test: /^\s*(q(uestion)?\s*\d+|answer|response|a\d*)\s*[:.-]/im },
  { test: /\b(we|the trust) (can|is able to|are able to|am able to) confirm (that|the)\b/i },
  { test: /\bthe information (you requested|requested) is\b/i },
];

const PARTLY: RegExp = /\b(part(ial|ly)|some of the information|the remaining information|part of your request|parts of your request)\b/i;

const REVIEW: RegExp = /\binternal review\b|\breview of (our|the) (handling|decision|response)\b|\breview (panel|officer)\b/i;
const REVIEW_DONE: Rule[] = [
  { test: /\b(outcome|result|conclusion|findings?) of (the |your |my |our )?(internal )?review\b/i },
  { test: /\b(review|reviewer|panel) (has|have) (now )?(concluded|been completed|completed|considered|found|decided)\b/i },
  { test: /\b(have|has) (now )?(completed|concluded|carried out|conducted|undertaken) (the|an|your|my) (internal )?review\b/i },
  { test: /\b(upheld|uphold|overturn(ed)?|not upheld|partially upheld|reverse[ds]?)\b/i },
];

function firstHit(list: string[], rules: Rule[]): string | null {
  for (const sentence of list) {
    for (const rule of rules) if (rule.test.test(sentence) && !(rule.not && rule.not.test(sentence))) return sentence;
  }
  return null;
}

function reviewResult(text: string): Suggestion["result"] {
  if (/\bpartially (upheld|overturn)|\bupheld in part\b|\bpart(ly|ially) (release|disclose)/i.test(text)) return "partially_successful";
  if (/\b(original|initial|previous) (decision|response)[^.]{0,40}\b(overturned|reversed|not upheld)\b|\boverturn(ed|ing)? (the|our) (original|initial)?\s?(decision|response)|\b(complaint|appeal|review request)[^.]{0,20}\b(is|has been|was) upheld\b|\bwill (now )?(release|disclose|provide) the information\b/i.test(text)) return "successful";
  if (/\b(uphold|upheld|upholding|stand by|maintain)[^.]{0,40}\b(original|initial|previous|decision|response|exemptions?)\b|\b(original|initial) (decision|response)[^.]{0,40}\b(stands|upheld|was correct|is upheld|should be upheld)\b|\bnot upheld\b/i.test(text)) return "refused";
  if (/\b(does|do) not hold\b|\bnot held\b/i.test(text)) return "not_held";
  return undefined;
}

/** The extension's new date: a date after the message in the sentences that speak of the extension. */
function extensionDate(all: string[], extensionSentences: string[], on: string): string | undefined {
  const onDay = parseIsoDate(on);
  const future = (dates: string[]) => dates.find((d) => parseIsoDate(d) > onDay && parseIsoDate(d) - onDay <= 366);
  for (const s of extensionSentences) {
    const d = future(datesIn(s));
    if (d) return d;
  }
  for (const s of all) {
    if (/\b(by|on or before|no later than|until|to)\b/i.test(s)) {
      const d = future(datesIn(s));
      if (d) return d;
    }
  }
  return undefined;
}

/**
 * What a reply seems to mean: the timeline event a person would most likely record, with its
 * date, the new due date of an extension, the exemptions a refusal cites, and the sentences
 * that led to it. Null when it says nothing to record (an out-of-office reply, a thank-you).
 */
export function suggestEvent(input: SuggestInput): Suggestion | null {
  const subject = (input.subject ?? "").trim();
  if (AUTO_REPLY_SUBJECT.test(subject)) return null;
  const own = ownWords(input.text, subject);
  if (AUTO_REPLY_BODY.test(own.slice(0, 600))) return null;
  const list = [subject.replace(/^((re|fw|fwd|aw|wg|sv|tr|rv)\s*:\s*)+/i, ""), ...sentences(own)].filter(Boolean);
  const on = receiptDate(input.sentAt);
  const whole = list.join("\n");
  const exemptions = exemptionsIn(whole, input.law);
  const evidence = (...hits: Array<string | null>) => [...new Set(hits.filter((h): h is string => Boolean(h)).map(clipEvidence))].slice(0, 5);

  // An internal review's answer is about the review, whatever else it repeats.
  const reviewSentences = list.filter((s) => REVIEW.test(s));
  const reviewDone = firstHit(reviewSentences.length ? list : [], REVIEW_DONE);
  if (reviewSentences.length > 0 && reviewDone) {
    const result = reviewResult(whole);
    return { kind: "internal_review_answered", on, ...(result ? { result } : {}), ...(exemptions.length ? { exemptions } : {}), evidence: evidence(reviewSentences[0]!, reviewDone) };
  }

  const extension = firstHit(list, EXTENSION);
  if (extension) {
    const extensionSentences = list.filter((s) => EXTENSION.some((r) => r.test.test(s)));
    const newDueOn = extensionDate(list, extensionSentences, on);
    const dateSentence = newDueOn ? list.find((s) => datesIn(s).includes(newDueOn)) ?? null : null;
    return { kind: "extension", on, ...(newDueOn ? { newDueOn } : {}), ...(exemptions.length ? { exemptions } : {}), evidence: evidence(extension, dateSentence) };
  }

  const fees = firstHit(list, FEES);
  if (fees) return { kind: "fees_notice", on, evidence: evidence(fees) };

  const clarification = firstHit(list, CLARIFICATION);
  if (clarification) return { kind: "clarification_requested", on, evidence: evidence(clarification) };

  const notHeld = firstHit(list, NOT_HELD);
  const refused = firstHit(list, REFUSED);
  const answered = firstHit(list, ANSWERED);
  const partly = list.find((s) => PARTLY.test(s)) ?? null;
  if ((refused || exemptions.length > 0) && (answered || partly || notHeld)) {
    if (answered || partly) return { kind: "response_partial", on, ...(exemptions.length ? { exemptions } : {}), evidence: evidence(refused ?? partly, answered) };
  }
  if (refused && !answered) return { kind: "response_refused", on, ...(exemptions.length ? { exemptions } : {}), evidence: evidence(refused) };
  if (notHeld && answered && partly) return { kind: "response_partial", on, evidence: evidence(notHeld, partly) };
  if (notHeld) return { kind: "response_not_held", on, evidence: evidence(notHeld) };
  if (refused && answered) return { kind: "response_partial", on, ...(exemptions.length ? { exemptions } : {}), evidence: evidence(refused, answered) };

  const ack = firstHit(list, ACK);
  // "We will respond by ..." with nothing answered is an acknowledgement; an answer may thank
  // them for the request and still be the answer.
  if (answered && !(ack && /\b(will|should|aim to|expect to)\b/i.test(ack) && !/^\s*(q(uestion)?\s*\d+|answer)\s*[:.-]/im.test(own))) {
    return { kind: "response_successful", on, evidence: evidence(answered) };
  }
  if (ack) return { kind: "acknowledged", on, evidence: evidence(ack) };
  return null;
}
