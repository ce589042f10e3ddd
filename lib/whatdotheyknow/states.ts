// WhatDoTheyKnow's request states and what they mean here: the one table. Pure.
//
// The states are Alaveteli's (github.com/mysociety/alaveteli): the described states a requester
// can choose (InfoRequest::State.all, app/models/info_request/state.rb) and the ones
// InfoRequest#calculate_status adds (waiting_classification when a response is not yet
// described, and the two overdue forms of waiting_response); the labels are
// InfoRequest.get_status_description's. A site's theme may add states of its own: those are
// shown with their raw name and map to nothing.
import type { RequestStatus } from "@/lib/generated/prisma";
import type { EventKind } from "@/lib/deadlines/schemas";

export interface WdtkStateFacts {
  /** WhatDoTheyKnow's own words for it. */
  label: string;
  /** Our request status with the same meaning, or null when we have none (or it is not a status at all). */
  status: RequestStatus | null;
  /**
   * The timeline entry a response classified this way becomes on import; null when the
   * state says nothing certain about the reply (an acknowledgement, a holding reply and an
   * extension are all "awaiting response").
   */
  responseEvent: EventKind | null;
}

export const WDTK_STATES = {
  waiting_classification: { label: "Awaiting classification", status: null, responseEvent: null },
  waiting_response: { label: "Awaiting response", status: "awaiting_response", responseEvent: null },
  waiting_response_overdue: { label: "Delayed", status: "awaiting_response", responseEvent: null },
  waiting_response_very_overdue: { label: "Long overdue", status: "awaiting_response", responseEvent: null },
  waiting_clarification: { label: "Waiting clarification", status: "awaiting_clarification", responseEvent: "clarification_requested" },
  gone_postal: { label: "Handled by postal mail", status: null, responseEvent: null },
  not_held: { label: "Information not held", status: "not_held", responseEvent: "response_not_held" },
  rejected: { label: "Refused", status: "refused", responseEvent: "response_refused" },
  partially_successful: { label: "Partially successful", status: "partially_successful", responseEvent: "response_partial" },
  successful: { label: "Successful", status: "successful", responseEvent: "response_successful" },
  internal_review: { label: "Awaiting internal review", status: "internal_review", responseEvent: null },
  error_message: { label: "Delivery error", status: null, responseEvent: null },
  requires_admin: { label: "Unusual response", status: null, responseEvent: null },
  attention_requested: { label: "Reported for administrator attention", status: null, responseEvent: null },
  user_withdrawn: { label: "Withdrawn by the requester", status: "withdrawn", responseEvent: "withdrawn" },
  vexatious: { label: "Considered by administrators as vexatious", status: null, responseEvent: null },
  not_foi: { label: "Considered by administrators as not an FOI request", status: null, responseEvent: null },
} as const satisfies Record<string, WdtkStateFacts>;

export type WdtkState = keyof typeof WDTK_STATES;

export function wdtkStateFacts(state: string | null | undefined): WdtkStateFacts | null {
  if (!state) return null;
  return Object.hasOwn(WDTK_STATES, state) ? WDTK_STATES[state as WdtkState] : null;
}

/** WhatDoTheyKnow's words for a state (a theme's own state by its name). */
export function wdtkStateLabel(state: string): string {
  return wdtkStateFacts(state)?.label ?? state.replace(/_/g, " ");
}

/**
 * Whether WhatDoTheyKnow's reading differs from ours, to show beside ours (never applied).
 * States with no equivalent here ("awaiting classification") always differ: the person should look.
 */
export function wdtkStatusDiffers(wdtkState: string, ours: RequestStatus): boolean {
  const facts = wdtkStateFacts(wdtkState);
  if (!facts || facts.status === null) return true;
  // Our "extended" and "awaiting a fee" are both still waiting for the answer on WhatDoTheyKnow.
  if (facts.status === "awaiting_response" && (ours === "extended" || ours === "awaiting_fee")) return false;
  return facts.status !== ours;
}

/** What an internal review answer decided, from the state the requester gave the reply. */
export function reviewResultFor(state: string | null | undefined): RequestStatus | null {
  const facts = wdtkStateFacts(state);
  if (!facts) return null;
  return facts.status === "successful" || facts.status === "partially_successful" || facts.status === "refused" || facts.status === "not_held" ? facts.status : null;
}
