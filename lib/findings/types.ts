// The plain data the findings services return (no Prisma types), shared by the pure
// chart builder and the pages. Dates are YYYY-MM-DD strings; show them with formatUkDate.
import type { AnswerChoiceName, QuestionTypeName, Timeliness } from "@/lib/findings/schemas";

/** A row's region when the directory has none for the trust. */
export const NO_REGION = "No region";

export interface FindingsQuestion {
  id: string;
  position: number;
  text: string;
  type: QuestionTypeName;
}

export interface FindingsCell {
  questionId: string;
  /** The answer as text for the table ("Yes", "12", "Tuesday 31 August 2021", the free text); "" when none recorded. */
  display: string;
  /** The coded choice, when there is one (charts count these). */
  choice: AnswerChoiceName | null;
  /** The supporting words from the response, or null. */
  quote: string | null;
  /** The request page's anchor for this answer: `/requests/<id>#answer-<questionId>`. */
  href: string;
  /** False when no answer has been recorded yet. */
  recorded: boolean;
}

export interface FindingsRow {
  requestId: string;
  /** The request's number ("[FOI #123]"). */
  reference: number;
  bodyName: string;
  /** NHS region, or "No region" when the directory has none. */
  region: string;
  status: string;
  statusLabel: string;
  timeliness: Timeliness;
  timelinessLabel: string;
  /** Plain English: "Answered on time", "Answered 3 working days late", "12 working days overdue", "5 working days left". */
  clockSummary: string;
  /** Working days from receipt to the answer; null when not answered. */
  workingDaysToRespond: number | null;
  receivedOn: string | null;
  dueOn: string | null;
  answeredOn: string | null;
  /** One per question, in the questions' order. */
  cells: FindingsCell[];
}

/** What chartData needs: the questions and the rows (signed-in or public). */
export interface FindingsForCharts {
  questions: FindingsQuestion[];
  rows: Array<Pick<FindingsRow, "bodyName" | "region" | "status" | "statusLabel" | "timeliness" | "workingDaysToRespond"> & { cells: Array<Pick<FindingsCell, "questionId" | "choice">> }>;
}

export interface ChartBar {
  label: string;
  value: number;
  /** A stable key for styling (a status, a timeliness, a choice); never the only way the bar is told apart. */
  key: string;
}

export interface Chart {
  id: string;
  title: string;
  /** One sentence that says what the chart shows: the SVG's aria-label and the text alternative. */
  summary: string;
  /** What the numbers count, for the data table's column heading ("Requests", "Working days"). */
  unit: string;
  series: ChartBar[];
}

/** What every findings write returns: field errors next to the fields, or ok with its ids. */
export type FindingsResult<T extends object = object> = ({ ok: true } & T) | { ok: false; fieldErrors: Record<string, string[]>; message?: string };
