// What each law calls things, so one letter template serves FOIA, EIR and FOISA. Pure.
import type { Law } from "@/lib/deadlines";

export interface LawWords {
  /** "the Freedom of Information Act 2000" */
  act: string;
  /** "Freedom of Information request" */
  requestNoun: string;
  /** The duty to respond within 20 working days, as one sentence. */
  deadlineRule: string;
  /** The provision a refusal notice must meet. */
  refusalNoticeRule: string;
  /** "exemption" (FOIA, FOISA) or "exception" (EIR). */
  exemptionWord: string;
  reviewTitle: string;
  /** "an internal review", "a review" */
  reviewNoun: string;
  /** The opening of a review request, before "how you handled my ... request". */
  reviewAsk: string;
  /** How long the body has for the review, as one sentence. */
  reviewTimeRule: string;
  /** The limit in brackets after the review's due date in a complaint. */
  reviewLimit: string;
  /** Who hears the complaint. */
  regulator: string;
  /** Short name after the first mention. */
  regulatorShort: string;
  complaintTitle: string;
  /** The provision the complaint is made under. */
  complaintRule: string;
  /** For the subject line and filename. */
  complaintSlug: string;
  /** What the chaser says happens next. */
  chaserNextStep: string;
}

const FOIA = "the Freedom of Information Act 2000";

export const LAW_WORDS: Record<Law, LawWords> = {
  foia: {
    act: FOIA,
    requestNoun: "Freedom of Information request",
    // FOIA s10(1).
    deadlineRule: `Section 10(1) of ${FOIA} requires a public authority to respond promptly and no later than the 20th working day following the date of receipt.`,
    refusalNoticeRule: "section 17 of the Act",
    exemptionWord: "exemption",
    reviewTitle: "Request for an internal review",
    reviewNoun: "an internal review",
    reviewAsk: "I am writing to ask for an internal review of",
    // s45 Code of Practice (2018) para 5.4; the ICO's guidance allows 40 in exceptional cases.
    reviewTimeRule:
      "The Code of Practice issued under section 45 of the Act says an internal review should normally be completed within 20 working days, and the Information Commissioner's Office expects no more than 40 working days in any case.",
    reviewLimit: "the Code of Practice under section 45 of the Act sets 20 working days",
    regulator: "the Information Commissioner's Office (ICO)",
    regulatorShort: "the ICO",
    complaintTitle: "Complaint to the ICO",
    complaintRule: `section 50 of ${FOIA}`,
    complaintSlug: "ico-complaint",
    chaserNextStep: `If I do not receive a response, I will complain to the Information Commissioner's Office (ICO) under section 50 of ${FOIA}.`,
  },
  eir: {
    act: "the Environmental Information Regulations 2004",
    requestNoun: "request for environmental information",
    // EIR reg 5(2).
    deadlineRule:
      "Regulation 5(2) of the Environmental Information Regulations 2004 requires a public authority to make the information available as soon as possible and no later than 20 working days after the date of receipt.",
    refusalNoticeRule: "regulation 14 of the Regulations",
    exemptionWord: "exception",
    reviewTitle: "Request for an internal review (regulation 11)",
    reviewNoun: "an internal review",
    reviewAsk:
      "Under regulation 11 of the Environmental Information Regulations 2004, I am making representations and asking you to reconsider (carry out an internal review of)",
    // EIR reg 11(4).
    reviewTimeRule:
      "Regulation 11(4) requires you to tell me the outcome as soon as possible and no later than 40 working days after receiving these representations.",
    reviewLimit: "regulation 11(4) of the Regulations allows 40 working days",
    regulator: "the Information Commissioner's Office (ICO)",
    regulatorShort: "the ICO",
    complaintTitle: "Complaint to the ICO",
    // EIR reg 18 applies FOIA's enforcement provisions, including s50.
    complaintRule: `section 50 of ${FOIA}, as applied by regulation 18 of the Environmental Information Regulations 2004`,
    complaintSlug: "ico-complaint",
    chaserNextStep: `If I do not receive a response, I will complain to the Information Commissioner's Office (ICO) under section 50 of ${FOIA}, as applied by regulation 18 of the Environmental Information Regulations 2004.`,
  },
  foisa: {
    act: "the Freedom of Information (Scotland) Act 2002",
    requestNoun: "request for information",
    // FOISA s10(1).
    deadlineRule:
      "Section 10(1) of the Freedom of Information (Scotland) Act 2002 requires a Scottish public authority to respond promptly and no later than the 20th working day after the date of receipt.",
    refusalNoticeRule: "section 16 of the Act",
    exemptionWord: "exemption",
    reviewTitle: "Requirement for review (section 20)",
    reviewNoun: "a review",
    reviewAsk: "Under section 20(1) of the Freedom of Information (Scotland) Act 2002, I require you to review",
    // FOISA s21(1).
    reviewTimeRule:
      "Section 21(1) of the Act requires you to respond as soon as possible and no later than the 20th working day after receiving this requirement.",
    reviewLimit: "section 21(1) of the Act requires 20 working days",
    // FOISA s47: the Scottish Information Commissioner, not the ICO, enforces FOISA.
    regulator: "the Scottish Information Commissioner",
    regulatorShort: "the Commissioner",
    complaintTitle: "Application to the Scottish Information Commissioner",
    complaintRule: "section 47(1) of the Freedom of Information (Scotland) Act 2002",
    complaintSlug: "sic-application",
    // FOISA s20(1), s47(1): a failure to respond must be reviewed before the Commissioner can act.
    chaserNextStep:
      "If I do not receive a response, I will require a review under section 20 of the Freedom of Information (Scotland) Act 2002 and, if necessary, apply to the Scottish Information Commissioner under section 47.",
  },
};
