"use client";

// The research questions of a batch: add, reword, reorder, delete, and the suggested
// questions in one click. Each form saves on its own and shows errors next to its fields.
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { QUESTION_TYPES, questionTypeLabels, type QuestionTypeName } from "@/lib/findings/choices";
import { FieldShell } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export interface EditableQuestion {
  id: string;
  position: number;
  text: string;
  type: QuestionTypeName;
  answerCount: number;
}

export interface QuestionActions {
  add: Action;
  update: Action;
  move: Action;
  remove: Action;
  addSuggested: Action;
}

const TYPE_OPTIONS = QUESTION_TYPES.map((t) => ({ value: t, label: questionTypeLabels[t] }));

export function FindingsQuestions({
  batchId,
  questions,
  canEdit,
  suggested,
  actions,
}: {
  batchId: string;
  questions: EditableQuestion[];
  canEdit: boolean;
  suggested: ReadonlyArray<{ text: string; type: QuestionTypeName }>;
  actions: QuestionActions;
}) {
  return (
    <div className="stack">
      {questions.length === 0 ? (
        <div className="empty">
          <p>This batch has no research questions yet. Each question becomes a column of the findings table.</p>
          {canEdit ? <SuggestedForm batchId={batchId} suggested={suggested} action={actions.addSuggested} /> : null}
        </div>
      ) : (
        <ol className="question-list">
          {questions.map((q, i) => (
            <li key={q.id}>
              <strong>{q.text}</strong> <span className="muted">({questionTypeLabels[q.type]}; {q.answerCount === 1 ? "1 answer recorded" : `${q.answerCount} answers recorded`})</span>
              {canEdit ? <QuestionControls key={`${q.text}-${q.type}`} batchId={batchId} question={q} first={i === 0} last={i === questions.length - 1} actions={actions} /> : null}
            </li>
          ))}
        </ol>
      )}
      {canEdit && questions.length > 0 && suggested.some((s) => !questions.some((q) => q.text.toLowerCase() === s.text.toLowerCase())) ? (
        <SuggestedForm batchId={batchId} suggested={suggested} action={actions.addSuggested} />
      ) : null}
      {canEdit ? (
        <details className="panel">
          <summary>Add a question</summary>
          <QuestionForm batchId={batchId} action={actions.add} submitLabel="Add the question" prefix="new-question" />
        </details>
      ) : null}
    </div>
  );
}

function SuggestedForm({ batchId, suggested, action }: { batchId: string; suggested: ReadonlyArray<{ text: string; type: QuestionTypeName }>; action: Action }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack">
      <FormStatus state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <p>The campaign&apos;s suggested questions:</p>
      <ul>
        {suggested.map((s) => (
          <li key={s.text}>
            {s.text} <span className="muted">({questionTypeLabels[s.type]})</span>
          </li>
        ))}
      </ul>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add the suggested questions"}
        </button>
      </div>
    </form>
  );
}

function QuestionForm({ batchId, questionId, action, submitLabel, prefix, text, type }: { batchId: string; questionId?: string; action: Action; submitLabel: string; prefix: string; text?: string; type?: QuestionTypeName }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  // After a successful add the form starts empty again; after an error it keeps the typing.
  const textValue = state.ok ? (questionId ? text : "") : (state.values?.text ?? text ?? "");
  const typeValue = state.ok ? (type ?? "choice") : (state.values?.type ?? type ?? "choice");
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      <FieldShell id={`${prefix}-text`} label="Question" hint="As you would ask it, for example: Are other Band 7 or higher Lived Experience posts planned?" errors={errors.text}>
        {(props) => <textarea {...props} name="text" rows={2} defaultValue={textValue} />}
      </FieldShell>
      <FieldShell id={`${prefix}-type`} label="Kind of answer" errors={errors.type}>
        {(props) => (
          <select {...props} name="type" defaultValue={typeValue}>
            {TYPE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}

function QuestionControls({ batchId, question, first, last, actions }: { batchId: string; question: EditableQuestion; first: boolean; last: boolean; actions: QuestionActions }) {
  const [moveState, moveAction, moving] = useActionState(actions.move, initialFormState);
  const [removeState, removeAction, removing] = useActionState(actions.remove, initialFormState);
  const label = `question ${question.position}`;
  return (
    <div className="question-actions">
      {!first ? (
        <form action={moveAction}>
          <input type="hidden" name="batchId" value={batchId} />
          <input type="hidden" name="questionId" value={question.id} />
          <input type="hidden" name="direction" value="up" />
          <button type="submit" className="secondary" disabled={moving} aria-label={`Move ${label} up`}>
            Move up
          </button>
        </form>
      ) : null}
      {!last ? (
        <form action={moveAction}>
          <input type="hidden" name="batchId" value={batchId} />
          <input type="hidden" name="questionId" value={question.id} />
          <input type="hidden" name="direction" value="down" />
          <button type="submit" className="secondary" disabled={moving} aria-label={`Move ${label} down`}>
            Move down
          </button>
        </form>
      ) : null}
      {moveState.message && !moveState.ok ? <p className="field-error">{moveState.message}</p> : null}
      <details className="panel">
        <summary>Edit {label}</summary>
        <QuestionForm batchId={batchId} questionId={question.id} action={actions.update} submitLabel="Save the question" prefix={`question-${question.id}`} text={question.text} type={question.type} />
      </details>
      <details className="panel">
        <summary>Delete {label}</summary>
        <form action={removeAction} className="stack">
          <FormStatus state={removeState} />
          <input type="hidden" name="batchId" value={batchId} />
          <input type="hidden" name="questionId" value={question.id} />
          <p>{question.answerCount > 0 ? `The ${question.answerCount} answers recorded for it are deleted too.` : "No answers are recorded for it."}</p>
          <div>
            <button type="submit" className="secondary" disabled={removing}>
              Yes, delete this question
            </button>
          </div>
        </form>
      </details>
    </div>
  );
}
