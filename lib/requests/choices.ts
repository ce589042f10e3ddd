// Laws and decision results: plain constants, no zod, for server and browser alike.

export const LAWS = ["foia", "eir", "foisa"] as const;

/** Outcomes an internal review or the ICO can leave a request in. */
export const DECISION_RESULTS = ["successful", "partially_successful", "refused", "not_held"] as const;
