// Who hears a complaint, and how long a review may take, under each law. Pure: pages, letters,
// alerts and tests share it, so no screen names the ICO for a Scottish request.
import type { Law } from "@/lib/deadlines/schemas";

export interface Regulator {
  /** "the Information Commissioner's Office (ICO)" */
  name: string;
  /** "the ICO", "the Scottish Information Commissioner" */
  short: string;
  /** What the step is called: "complain to the ICO", "apply to the Scottish Information Commissioner". */
  verb: string;
  /** The step as a noun, capitalised for labels: "Complaint to the ICO". */
  noun: string;
  /** The decision, for labels: "ICO decision". */
  decision: string;
  /** The provision the step is made under. */
  provision: string;
}

const ICO: Regulator = {
  name: "the Information Commissioner's Office (ICO)",
  short: "the ICO",
  verb: "complain to the ICO",
  noun: "Complaint to the ICO",
  decision: "ICO decision",
  // FOIA s50(1); EIR reg 18 applies it to environmental information.
  provision: "section 50 of the Freedom of Information Act 2000",
};

/**
 * FOISA s47(1): the Scottish Information Commissioner, not the ICO, decides applications
 * about Scottish public authorities (https://www.legislation.gov.uk/asp/2002/13/section/47;
 * https://www.itspublicknowledge.info/appeal).
 */
const SIC: Regulator = {
  name: "the Scottish Information Commissioner",
  short: "the Scottish Information Commissioner",
  verb: "apply to the Scottish Information Commissioner",
  noun: "Application to the Scottish Information Commissioner",
  decision: "Scottish Information Commissioner's decision",
  provision: "section 47(1) of the Freedom of Information (Scotland) Act 2002",
};

export const REGULATOR: Record<Law, Regulator> = { foia: ICO, eir: ICO, foisa: SIC };

export interface ReviewLimit {
  /** Working days the body should (or must) take. */
  days: number;
  /** Working days at the very most (the same as `days` where a statute fixes the limit). */
  maxDays: number;
  /** Whether a statute sets the limit (EIR, FOISA) or only guidance (FOIA). */
  statutory: boolean;
  /** One plain sentence with its source. */
  rule: string;
}

/**
 * How long the body has to answer an internal review:
 * - FOIA: no statutory limit; the s45 Code of Practice (2018) Part 5 expects 20 working days,
 *   longer (40 in all) only in exceptional cases such as complex or voluminous requests
 *   (https://www.gov.uk/government/publications/freedom-of-information-code-of-practice), and
 *   the ICO takes complaints about a review with no outcome after 40 working days
 *   (https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/foi-and-eir-complaints/).
 * - EIR reg 11(4): 40 working days by statute (https://www.legislation.gov.uk/uksi/2004/3391/regulation/11).
 * - FOISA s21(1): 20 working days by statute (https://www.legislation.gov.uk/asp/2002/13/section/21).
 */
export const REVIEW_LIMIT: Record<Law, ReviewLimit> = {
  foia: {
    days: 20,
    maxDays: 40,
    statutory: false,
    rule: "The Code of Practice under section 45 of the Freedom of Information Act expects an internal review within 20 working days, and up to 40 only in exceptional cases.",
  },
  eir: {
    days: 40,
    maxDays: 40,
    statutory: true,
    rule: "Regulation 11(4) of the Environmental Information Regulations requires the reconsideration within 40 working days.",
  },
  foisa: {
    days: 20,
    maxDays: 20,
    statutory: true,
    rule: "Section 21(1) of the Freedom of Information (Scotland) Act requires the review within 20 working days.",
  },
};

/**
 * How long the requester has to ask for a review after the response: 40 working days under
 * each law (s45 Code para 5.3 for FOIA; EIR reg 11(2); FOISA s20(5)).
 */
export const REVIEW_ASKING_WINDOW: Record<Law, string> = {
  foia: "within 40 working days of the response (Code of Practice para 5.3)",
  eir: "within 40 working days of the response (regulation 11(2))",
  foisa: "within 40 working days of the response (section 20(5))",
};

/** The review's name under each law: FOISA calls it "a requirement for review". */
export function reviewName(law: Law): string {
  return law === "foisa" ? "review" : "internal review";
}
