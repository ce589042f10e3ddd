// Escalation letters drafted from a request's facts. Pure: no I/O.
export type LetterKind = "chaser" | "internal_review" | "ico_complaint";

export interface DraftLetter {
  kind: LetterKind;
  title: string;
  /** Why this letter is offered now, in plain words. */
  reason: string;
  filename: string;
  text: string;
}
