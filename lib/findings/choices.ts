// Findings' question types, answer choices, labels and limits: plain constants, no zod, for server and browser alike.

export const QUESTION_TYPES = ["choice", "text", "number", "date"] as const;
export type QuestionTypeName = (typeof QUESTION_TYPES)[number];

export const ANSWER_CHOICES = ["yes", "no", "partly", "not_answered", "not_held"] as const;
export type AnswerChoiceName = (typeof ANSWER_CHOICES)[number];

/** Choices that code "there is no value to record" for a question of any type. */
export const NO_VALUE_CHOICES = ["not_answered", "not_held"] as const;

export const questionTypeLabels: Record<QuestionTypeName, string> = {
  choice: "Yes / no / partly",
  text: "Free text",
  number: "Number",
  date: "Date",
};

export const choiceLabels: Record<AnswerChoiceName, string> = {
  yes: "Yes",
  no: "No",
  partly: "Partly",
  not_answered: "Not answered",
  not_held: "Information not held",
};

export const MAX_QUESTIONS_PER_BATCH = 30;
export const MAX_ANSWER_TEXT = 5000;
export const MAX_QUOTE = 5000;
export const MAX_NOTE = 5000;
