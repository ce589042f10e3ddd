"use client";

import type { DraftLetter, LetterKind } from "@/lib/letters/draft-letters";
import { LetterEditor, type LetterSending } from "./letter-editor";

/**
 * Letters ready to send; each is editable, copyable and downloadable. One letter is shown
 * open; several are a list of <details>, the most useful first and open.
 */
export function RequestLetters({ letters, sending = {} }: { letters: DraftLetter[]; sending?: Partial<Record<LetterKind, LetterSending>> }) {
  if (letters.length === 0) return null;
  return (
    <section aria-labelledby="letters-heading">
      <h2 id="letters-heading">{letters.length === 1 ? "A letter ready to send" : "Letters ready to send"}</h2>
      <p className="hint">
        {Object.values(sending).some((s) => s?.refusal === null)
          ? "Drafted from the dates above. Check the wording and fill in the parts in [square brackets], then send it by email from here (the first line becomes the subject), or copy or download it. Your changes are not saved until you send."
          : "Drafted from the dates above. Check the wording, fill in the parts in [square brackets], then copy it or download it. Your changes stay on this page only: nothing is saved or sent from here."}
      </p>
      {letters.length === 1 ? (
        <article aria-labelledby={`letter-${letters[0].kind}-heading`}>
          <h3 id={`letter-${letters[0].kind}-heading`}>{letters[0].title}</h3>
          <LetterEditor letter={letters[0]} sending={sending[letters[0].kind]} />
        </article>
      ) : (
        letters.map((letter, index) => (
          // Keyed by kind: a re-render with fresh facts keeps the user's edits to that letter.
          <details key={letter.kind} open={index === 0}>
            <summary>
              <strong>{letter.title}</strong>
            </summary>
            <LetterEditor letter={letter} sending={sending[letter.kind]} />
          </details>
        ))
      )}
    </section>
  );
}
