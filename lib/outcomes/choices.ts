// The outcome paste form's field names: plain constants, no zod, for server and browser alike.

/** The confirm form sends one field per checked line ("choice-<n>"), a body id or "" to skip it. */
export const CHOICE_FIELD_PREFIX = "choice-";
