// "What do I do now?" for one request, in campaigners' words, following the law of the request
// (FOIA, EIR or FOISA) and who can hear a complaint (lib/requests/regulator.ts). Pure.
import { formatUkDate, type Clock } from "@/lib/deadlines";
import type { RequestStatus } from "@/lib/generated/prisma";
import { REGULATOR, REVIEW_ASKING_WINDOW, REVIEW_LIMIT } from "@/lib/requests/regulator";

export interface NextStepContext {
  /** False for a body outside the Act (lib/bodies/foi-status.ts): no statutory clock, no regulator. */
  underTheAct?: boolean;
  /** When the body was chased after the response fell due (lib/requests/chased.ts), if it was. */
  chasedOn?: string | null;
  /** The refusal relied on the cost limit (s12) or on the request being vexatious (s14). */
  refusalGround?: "cost" | "vexatious" | null;
}

export function nextStep(status: RequestStatus, clock: Clock, context: NextStepContext = {}): string {
  const law = clock.law;
  const regulator = REGULATOR[law];
  const state = clock.state?.kind;
  const review = clock.reviewState?.kind;
  const underTheAct = context.underTheAct ?? true;
  switch (status) {
    case "draft":
      return "Not sent yet: when you send it, give the date with “Edit the draft”. The clock starts then.";
    case "awaiting_clarification":
      return "The body asked you to clarify: reply to them, then record the date you sent your clarification. The clock starts again from then.";
    case "awaiting_fee":
      return "The body sent a fees notice: pay it (or tell them you will not), then record the date. The days until payment do not count.";
    case "internal_review":
      if (!underTheAct) return "Waiting for the body to look again. It is outside the Act, so no regulator can decide a complaint about it: for information it holds for an NHS commissioner, ask the commissioner.";
      return reviewStep(law, review, clock);
    case "ico_complaint":
      return law === "foisa"
        ? "Waiting for the Scottish Information Commissioner's decision on your application (section 49). Record it here when it arrives."
        : "Waiting for the ICO's decision on your complaint (section 50). Record it here when it arrives.";
    case "withdrawn":
      return "This request was withdrawn. Nothing more to do.";
    case "refused":
    case "partially_successful":
      if (!underTheAct) return "The body is outside the Act, so there is no statutory review: you can still ask it to look again, and ask the NHS commissioner for what it holds on the body's behalf.";
      if (context.refusalGround === "cost") {
        return `Refused on cost: ask for an internal review ${REVIEW_ASKING_WINDOW[law]}, asking for the cost estimate broken down and for advice on narrowing the request (section 16), or send a narrower request.`;
      }
      if (context.refusalGround === "vexatious") {
        return `Refused as vexatious: ask for an internal review ${REVIEW_ASKING_WINDOW[law]}, asking the body to explain why, and what would make the request acceptable.`;
      }
      return `You can ask for an internal review if you disagree with the refusal (${REVIEW_ASKING_WINDOW[law]}).`;
    case "not_held":
      if (!underTheAct) return "The body says it does not hold the information. It is outside the Act: ask the NHS commissioner, which may hold it (section 3(2)(b)).";
      // The regulator decides "not held" on the balance of probabilities, so the searches made matter.
      return `The body says it does not hold the information. If you think it does, ask for an internal review ${REVIEW_ASKING_WINDOW[law]} and ask what searches it made, where, and with what search terms.`;
    case "successful":
      return "Answered. Record what it says in your findings. If part of what you asked for is missing, you can ask for an internal review.";
    case "awaiting_response":
    case "extended":
      if (!underTheAct) return outsideTheActWaiting(state);
      return waitingStep(law, state, clock, context, regulator.verb);
    default:
      // Every status has a next step: a new status fails to compile here.
      return noStepFor(status);
  }
}

function reviewStep(law: Clock["law"], review: string | undefined, clock: Clock): string {
  const limit = REVIEW_LIMIT[law];
  const reviewClock = clock.review;
  if (law === "foisa") {
    // FOISA s21(1) sets 20 working days; s47(1) lets you apply after a failure to review, within six months (s47(4)).
    if (review === "overdue" || review === "very_overdue") {
      return "The review is late (section 21(1) allows 20 working days): you can apply to the Scottish Information Commissioner now (section 47(1)), within six months.";
    }
    return `Waiting for the review. ${limit.rule}`;
  }
  if (law === "eir") {
    // EIR reg 11(4): 40 working days by statute; after that the ICO can take the complaint.
    if (review === "overdue" || review === "very_overdue") return "The reconsideration is late (regulation 11(4) allows 40 working days): you can complain to the ICO now.";
    return `Waiting for the reconsideration. ${limit.rule}`;
  }
  // FOIA: the Code expects 20 working days, 40 in exceptional cases; the ICO takes complaints
  // about a review with no outcome after 40 working days.
  if (review === "very_overdue") return "The internal review has taken more than 40 working days: you can complain to the ICO now.";
  if (review === "overdue") {
    const by = reviewClock ? ` (${formatUkDate(reviewClock.veryOverdue)})` : "";
    return `The internal review has passed the Code of Practice's 20 working days. The Code allows up to 40 only in exceptional cases: chase the body and ask whether it needs longer and why. The ICO takes a complaint once 40 working days have passed${by}.`;
  }
  return `Waiting for the internal review. ${limit.rule}`;
}

function waitingStep(law: Clock["law"], state: string | undefined, clock: Clock, context: NextStepContext, complain: string): string {
  const late = state === "overdue" || state === "very_overdue";
  if (!late) {
    if (state === "due_today") return "Due today: if nothing arrives by the end of the day it is late tomorrow.";
    return "Nothing to do until the due date. Record any acknowledgement or reply when it arrives.";
  }
  if (law === "foisa") {
    // FOISA s20(1), s47(1): a failure to respond is reviewed first; only then can you apply.
    return "Late: require a review (section 20(1)). If the review is not answered within 20 working days, you can apply to the Scottish Information Commissioner (section 47(1)).";
  }
  // The ICO takes complaints about a request never answered once you have tried to resolve it
  // with the body (https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/foi-and-eir-complaints/).
  if (context.chasedOn) {
    return `Late, and you chased it on ${formatUkDate(context.chasedOn)}: you can ${complain} now about the failure to respond, or ask for an internal review.`;
  }
  const very = state === "very_overdue" && clock.veryOverdue ? " It is more than 40 working days late." : "";
  return `Late: send a chaser.${very} The ICO takes a complaint about a request with no answer once you have chased it (record a chaser you send yourself as a note starting “Chased”).`;
}

function outsideTheActWaiting(state: string | undefined): string {
  const late = state === "overdue" || state === "very_overdue";
  return late
    ? "No answer yet. The body is outside the Act, so no statutory deadline has passed: chase it politely, and ask the NHS commissioner for what it holds on the body's behalf (section 3(2)(b))."
    : "The body is outside the Act: it may answer voluntarily, with no statutory deadline. The date shown is only a target.";
}

function noStepFor(status: never): never {
  throw new RangeError(`No next step for status ${JSON.stringify(status)}`);
}

const late = (kind: string | undefined) => kind === "overdue" || kind === "very_overdue";

/** True while the body owes an answer (the status decides) and the clock says it is late. */
export function isOwedAndLate(status: RequestStatus, clock: Clock): boolean {
  const owed = status === "awaiting_response" || status === "extended" || status === "internal_review";
  return owed && (late(clock.state?.kind) || late(clock.reviewState?.kind));
}
