// "What do I do now?" for one request, in campaigners' words. Pure.
import type { Clock } from "@/lib/deadlines";
import type { RequestStatus } from "@/lib/generated/prisma";

export function nextStep(status: RequestStatus, clock: Clock): string {
  const state = clock.state?.kind;
  const review = clock.reviewState?.kind;
  switch (status) {
    case "draft":
      return "Not sent yet: when you send it, give the date with “Edit the draft”. The clock starts then.";
    case "awaiting_clarification":
      return "The body asked you to clarify: reply to them, then record the date you sent your clarification. The clock starts again from then.";
    case "awaiting_fee":
      return "The body sent a fees notice: pay it (or tell them you will not), then record the date. The days until payment do not count.";
    case "internal_review":
      if (review === "overdue" || review === "very_overdue") return "The internal review is late: you can complain to the ICO now.";
      return "Waiting for the internal review. The ICO expects an answer within 20 working days (40 at most).";
    case "ico_complaint":
      return "Waiting for the ICO's decision. Record it here when it arrives.";
    case "withdrawn":
      return "This request was withdrawn. Nothing more to do.";
    case "refused":
    case "partially_successful":
      return "You can ask for an internal review if you disagree with the refusal (within 40 working days of the response).";
    case "not_held":
      return "The body says it does not hold the information. Ask for an internal review if you think it does.";
    case "successful":
      return "Answered. Record what it says in your findings.";
    case "awaiting_response":
    case "extended":
      if (state === "very_overdue") return "Very late: ask for an internal review, or complain to the ICO if the body still does not answer.";
      if (state === "overdue") return "Late: send a chaser or ask for an internal review.";
      if (state === "due_today") return "Due today: if nothing arrives by the end of the day it is late tomorrow.";
      return "Nothing to do until the due date. Record any acknowledgement or reply when it arrives.";
    default:
      // Every status has a next step: a new status fails to compile here.
      return noStepFor(status);
  }
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
