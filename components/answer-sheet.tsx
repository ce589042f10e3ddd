"use client";

// The "Research answers" section of a request page: one form per question of the
// request's batch, saved on its own, with the supporting quote and where it came from.
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { choiceLabels, questionTypeLabels, ANSWER_CHOICES, MAX_QUOTE } from "@/lib/findings/choices";
// Types only: erased at build time, so nothing server-only reaches the browser.
import type { AnswerSheet as AnswerSheetData } from "@/lib/findings/answers";
import { Field, RadioGroup } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type AnswerSheetQuestion = AnswerSheetData["questions"][number];
type AnswerSheetAnswer = NonNullable<AnswerSheetQuestion["answer"]>;
type AnswerSheetEvidence = AnswerSheetData["evidence"];

export function AnswerSheet({
  requestId,
  batchName,
  questions,
  evidence,
  canEdit,
  saveAction,
  clearAction,
}: {
  requestId: string;
  batchName: string;
  questions: AnswerSheetQuestion[];
  evidence: AnswerSheetEvidence;
  canEdit: boolean;
  saveAction: Action;
  clearAction: Action;
}) {
  return (
    <div className="answer-sheet">
      <p className="muted">
        The research questions of the batch “{batchName}”. Record what the response says, with the words that support it, so every finding can be checked.
      </p>
      {questions.map((q, i) => (
        <section key={q.id} id={`answer-${q.id}`} aria-labelledby={`answer-${q.id}-heading`}>
          <h3 id={`answer-${q.id}-heading`}>
            {i + 1}. {q.text}
          </h3>
          {q.answer ? (
            <p className="answer-saved">
              <strong>Recorded answer:</strong> {q.answer.display || <span className="unknown">no value</span>}
              {q.answer.quote ? (
                <>
                  <br />
                  <strong>Quote:</strong> “{q.answer.quote}”
                </>
              ) : null}
            </p>
          ) : (
            <p className="unknown">Not recorded yet.</p>
          )}
          {canEdit ? (
            <AnswerForm
              requestId={requestId}
              question={q}
              evidence={evidence}
              saveAction={saveAction}
              clearAction={clearAction}
            />
          ) : null}
        </section>
      ))}
    </div>
  );
}

function AnswerForm({
  requestId,
  question,
  evidence,
  saveAction,
  clearAction,
}: {
  requestId: string;
  question: AnswerSheetQuestion;
  evidence: AnswerSheetEvidence;
  saveAction: Action;
  clearAction: Action;
}) {
  const [state, formAction, pending] = useActionState(saveAction, initialFormState);
  const [clearState, clearFormAction, clearing] = useActionState(clearAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const a = question.answer;
  const v = (name: keyof AnswerSheetAnswer, saved: string | null | undefined) => (state.ok ? saved : (state.values?.[name] ?? saved)) ?? "";
  const prefix = `q-${question.id}`;
  const choice = v("choice", a?.choice);
  return (
    <>
      <form action={formAction} className="stack" noValidate aria-label={`Answer: ${question.text}`}>
        <FormStatus state={state} />
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="questionId" value={question.id} />
        {question.type === "choice" ? (
          <RadioGroup name="choice" idPrefix={prefix} legend="Answer" options={ANSWER_CHOICES.map((c) => ({ value: c, label: choiceLabels[c] }))} defaultValue={choice} errors={errors.choice} />
        ) : (
          <>
            {question.type === "text" ? (
              <Field idPrefix={prefix} name="text" label="Answer" multiline rows={4} hint={questionTypeLabels.text} errors={errors.text} defaultValue={v("text", a?.text)} />
            ) : null}
            {question.type === "number" ? <Field idPrefix={prefix} name="number" label="Answer (a number)" type="text" errors={errors.number} defaultValue={v("number", a?.number === null || a?.number === undefined ? null : String(a.number))} /> : null}
            {question.type === "date" ? <Field idPrefix={prefix} name="date" label="Answer (a date)" type="date" errors={errors.date} defaultValue={v("date", a?.date)} /> : null}
            <RadioGroup
              name="choice"
              idPrefix={prefix}
              legend="Or, if there is no answer"
              options={[
                { value: "", label: "There is an answer (above)" },
                { value: "not_answered", label: choiceLabels.not_answered },
                { value: "not_held", label: choiceLabels.not_held },
              ]}
              defaultValue={choice}
              errors={errors.choice}
            />
          </>
        )}
        <Field
          idPrefix={prefix}
          name="quote"
          label="Supporting quote"
          multiline
          rows={4}
          hint={`The words in the response that show the answer, copied exactly. Shown with the findings (and on the public page if you publish one). At most ${MAX_QUOTE.toLocaleString("en-GB")} characters.`}
          errors={errors.quote}
          defaultValue={v("quote", a?.quote)}
        />
        <Field
          idPrefix={prefix}
          name="messageId"
          label="Message it comes from"
          hint={evidence.messages.length === 0 ? "No messages are logged on this request yet." : undefined}
          errors={errors.messageId}
          defaultValue={v("messageId", a?.messageId)}
          options={[{ value: "", label: "Not chosen" }, ...evidence.messages.map((m) => ({ value: m.id, label: m.label }))]}
        />
        {evidence.attachments.length > 0 ? (
          <Field
            idPrefix={prefix}
            name="attachmentId"
            label="Attachment it comes from (optional)"
            errors={errors.attachmentId}
            defaultValue={v("attachmentId", a?.attachmentId)}
            options={[{ value: "", label: "Not chosen" }, ...evidence.attachments.map((f) => ({ value: f.id, label: `${f.filename} (${evidence.messages.find((m) => m.id === f.messageId)?.label ?? "a message"})` }))]}
          />
        ) : null}
        <Field idPrefix={prefix} name="note" label="Private note (optional)" multiline rows={2} hint="Only members of this workspace see it: never on the public page." errors={errors.note} defaultValue={v("note", a?.note)} />
        <div>
          <button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save this answer"}
          </button>
        </div>
      </form>
      {a ? (
        <form action={clearFormAction} className="stack">
          <FormStatus state={clearState} />
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="questionId" value={question.id} />
          <div>
            <button type="submit" className="secondary" disabled={clearing}>
              Clear this answer
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}


