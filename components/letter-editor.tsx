"use client";

import { useActionState, useId, useRef, useState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { FormStatus } from "@/components/form-status";
import type { DraftLetter } from "@/lib/letters/draft-letters";

/** Emailing the letter from the page: where it goes, or why it cannot go. */
export interface LetterSending {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  requestId: string;
  /** The letter's kind as the send form names it ("chaser", "internal_review", "ico_complaint", "clarification"). */
  kind: string;
  /** Rendered once per page: sending the same form twice queues one email. */
  sendKey: string;
  /** The body's FOI address; null for the complaint, whose address the person gives. */
  to: string | null;
  /** Why it cannot be emailed now (no address, a WhatDoTheyKnow request...), or null. */
  refusal: string | null;
  /** Where to add the missing address, when that is the refusal. */
  fixHref?: string;
}

/** Lines the text takes at about 80 characters a line, so the whole letter shows without scrolling. */
function rowsFor(text: string): number {
  const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 80)), 0);
  return Math.min(Math.max(lines + 1, 6), 80);
}

/** One draft letter: its reason, an editable text and copy, download and reset buttons. */
export function LetterEditor({ letter, sending }: { letter: DraftLetter; sending?: LetterSending }) {
  const id = useId();
  const [state, formAction, pending] = useActionState(sending?.action ?? noAction, initialFormState);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // null while untouched, so a fresh draft (new facts) shows through until the user edits.
  const [edited, setEdited] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  // Without JavaScript a refused form comes back with what was typed.
  const text = edited ?? (state.ok ? undefined : state.values?.text) ?? letter.text;
  // Several letters on a page: each button says which letter it acts on to a screen reader.
  const forThis = <span className="visually-hidden">: {letter.title}</span>;

  function selectText() {
    textarea.current?.focus();
    textarea.current?.select();
  }

  async function copy() {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      // A changed message, so a second copy is announced too.
      setStatus((s) => (s === "Copied." ? "Copied again." : "Copied."));
    } catch {
      // Insecure origins and some browsers refuse: leave the text selected for Ctrl+C.
      selectText();
      setStatus("Could not copy automatically. The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = letter.filename;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Downloaded ${letter.filename}.`);
  }

  function reset() {
    setEdited(null);
    setStatus("Reset to the draft.");
  }

  const errors = state.fieldErrors ?? {};
  const canSend = sending !== undefined && sending.refusal === null;
  const content = (
    <>
      <p>{letter.reason}</p>
      <label htmlFor={`${id}-text`}>
        Text of the letter (you can edit it)
        <span className="visually-hidden">: {letter.title}</span>
      </label>
      <textarea
        id={`${id}-text`}
        ref={textarea}
        value={text}
        rows={rowsFor(text)}
        name={canSend ? "text" : undefined}
        aria-describedby={errors.text?.length ? `${id}-text-error` : undefined}
        aria-invalid={errors.text?.length ? true : undefined}
        spellCheck
        onChange={(e) => {
          setEdited(e.target.value);
          setStatus("");
        }}
        style={{ width: "100%", boxSizing: "border-box" }}
      />
      {errors.text?.length ? (
        <p className="field-error" id={`${id}-text-error`}>
          {errors.text[0]}
        </p>
      ) : null}
      {canSend && sending.to === null ? (
        <>
          <label htmlFor={`${id}-to`}>
            Send it to (email address)<span className="visually-hidden">: {letter.title}</span>
          </label>
          <span className="hint" id={`${id}-to-hint`}>
            The regulator&apos;s address for complaints, as its website gives it. The app does not guess it.
          </span>
          {errors.to?.length ? (
            <p className="field-error" id={`${id}-to-error`}>
              {errors.to[0]}
            </p>
          ) : null}
          <input
            id={`${id}-to`}
            name="to"
            type="email"
            autoComplete="off"
            defaultValue={state.ok ? undefined : state.values?.to}
            aria-describedby={[`${id}-to-hint`, errors.to?.length ? `${id}-to-error` : null].filter(Boolean).join(" ")}
            aria-invalid={errors.to?.length ? true : undefined}
          />
        </>
      ) : null}
      <p style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
        {canSend ? (
          <button type="submit" disabled={pending}>
            {sending.to ? `Send by email to ${sending.to}` : "Send by email"}
            {forThis}
          </button>
        ) : null}
        <button type="button" onClick={copy}>
          Copy to clipboard
          {forThis}
        </button>
        <button type="button" onClick={download}>
          Download as a text file
          {forThis}
        </button>
        <button type="button" className="secondary" onClick={reset}>
          Reset to the draft
          {forThis}
        </button>
      </p>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {sending?.refusal ? (
        <p className="hint">
          Not sent from here: {sending.refusal}
          {sending.fixHref ? (
            <>
              {" "}
              <a href={sending.fixHref}>Add the address on the trust&apos;s page</a>.
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
  if (!canSend) return <div className="field">{content}</div>;
  return (
    <form action={formAction} className="field" noValidate aria-busy={pending || undefined}>
      <FormStatus state={state} />
      <input type="hidden" name="requestId" value={sending.requestId} />
      <input type="hidden" name="kind" value={sending.kind} />
      <input type="hidden" name="sendKey" value={sending.sendKey} />
      {content}
    </form>
  );
}

async function noAction(state: FormState): Promise<FormState> {
  return state;
}
