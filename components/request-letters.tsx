import type { DraftLetter } from "@/lib/letters/draft-letters";

/** Letters ready to send; each is editable, copyable and downloadable. */
export function RequestLetters({ letters }: { letters: DraftLetter[] }) {
  if (letters.length === 0) return null;
  return (
    <section aria-labelledby="letters-heading">
      <h2 id="letters-heading">Letters ready to send</h2>
      {letters.map((l) => (
        <pre key={l.kind} className="letter">
          {l.text}
        </pre>
      ))}
    </section>
  );
}
