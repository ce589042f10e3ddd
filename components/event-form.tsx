"use client";

import { useActionState, useState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";
import { decisionLabels } from "@/lib/requests/labels";
import { DECISION_RESULTS } from "@/lib/requests/choices";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const RESULT_OPTIONS = [{ value: "", label: "Choose" }, ...DECISION_RESULTS.map((r) => ({ value: r, label: decisionLabels[r] }))];

/** Adds what happened to the timeline; offers only what can follow the current status. */
export function EventForm({
  action,
  requestId,
  kinds,
  today,
}: {
  action: Action;
  requestId: string;
  kinds: Array<{ value: string; label: string }>;
  today: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [kind, setKind] = useState(state.values?.kind ?? kinds[0]?.value ?? "note");
  const errors = state.fieldErrors ?? {};
  const keep = (name: string) => (state.ok ? undefined : state.values?.[name]);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      {/* Keyed by what was submitted, so React's reset after the action keeps the choices. */}
      <div className="stack" key={JSON.stringify(state.values ?? null)}>
      <Field name="kind" label="What happened" options={kinds} errors={errors.kind} defaultValue={kind} onChange={setKind} />
      <Field name="date" label="Date" type="date" hint="The day it happened (or the day you received it)." errors={errors.date} defaultValue={keep("date") ?? today} />
      <Field name="time" label="Time (optional)" type="time" hint="Matters when something arrives late in the evening." errors={errors.time} defaultValue={keep("time")} />
      {kind === "extension" ? (
        <>
          <Field name="newDueDate" label="New date the body gave (optional)" type="date" hint="Leave empty if they gave none: 20 more working days is assumed. A later date still counts only to 20 more working days." errors={errors.newDueDate} defaultValue={keep("newDueDate")} />
          <Field
            name="exemptions"
            label="Exemption the notice names (FOIA)"
            hint="For example s43(2). Under FOIA s10(3) an extension counts only to weigh the public interest on a qualified exemption named in the notice. EIR needs none; Scottish (FOISA) requests have no extensions."
            errors={errors.exemptions}
            defaultValue={keep("exemptions")}
          />
        </>
      ) : null}
      {kind === "clarification_requested" ? (
        <div className="field">
          {errors.notReasonablyRequired?.length ? (
            <p className="field-error" id="event-not-required-error">
              {errors.notReasonablyRequired[0]}
            </p>
          ) : null}
          <label htmlFor="event-not-required">
            <input
              type="checkbox"
              id="event-not-required"
              name="notReasonablyRequired"
              value="yes"
              defaultChecked={keep("notReasonablyRequired") === "yes"}
              aria-describedby={["event-not-required-hint", errors.notReasonablyRequired?.length ? "event-not-required-error" : null].filter(Boolean).join(" ")}
              aria-invalid={errors.notReasonablyRequired?.length ? true : undefined}
            />{" "}
            The clarification was not reasonably required
          </label>
          <span className="hint" id="event-not-required-hint">
            Tick if the request was clear as sent: the body may only stop the clock to ask for what it reasonably needs to find the information (FOIA s1(3)), so the original deadline stands. A request for clarification after the deadline never restarts it.
          </span>
        </div>
      ) : null}
      {kind === "response_refused" || kind === "response_partial" || kind === "internal_review_answered" || kind === "ico_decision" ? (
        <Field name="exemptions" label="Exemptions cited (optional)" hint="For example: s40, s43(2)" errors={errors.exemptions} defaultValue={keep("exemptions")} />
      ) : null}
      {kind === "ico_decision" ? (
        <Field
          name="newDueDate"
          label="Date the decision notice sets for the body's steps (optional)"
          type="date"
          hint="If the notice orders the body to do something by a date, give it: you are alerted the day after if it is missed (FOIA s54; FOISA s53). Put the steps in the note."
          errors={errors.newDueDate}
          defaultValue={keep("newDueDate")}
        />
      ) : null}
      {kind === "internal_review_answered" || kind === "ico_decision" ? (
        <Field name="result" label="What was decided" options={RESULT_OPTIONS} errors={errors.result} defaultValue={keep("result")} />
      ) : null}
      <Field name="note" label="Note (optional)" multiline rows={3} errors={errors.note} defaultValue={keep("note")} />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          Add to the timeline
        </button>
      </div>
    </form>
  );
}
