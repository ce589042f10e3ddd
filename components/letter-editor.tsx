"use client";

import { useId, useRef, useState } from "react";
import type { DraftLetter } from "@/lib/letters/draft-letters";

/** Lines the text takes at about 80 characters a line, so the whole letter shows without scrolling. */
function rowsFor(text: string): number {
  const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 80)), 0);
  return Math.min(Math.max(lines + 1, 6), 80);
}

/** One draft letter: its reason, an editable text and copy, download and reset buttons. */
export function LetterEditor({ letter }: { letter: DraftLetter }) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  // null while untouched, so a fresh draft (new facts) shows through until the user edits.
  const [edited, setEdited] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const text = edited ?? letter.text;
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

  return (
    <div className="field">
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
        spellCheck
        onChange={(e) => {
          setEdited(e.target.value);
          setStatus("");
        }}
        style={{ width: "100%", boxSizing: "border-box" }}
      />
      <p style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
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
    </div>
  );
}
