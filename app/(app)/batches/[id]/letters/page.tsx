import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { orNotFound } from "@/lib/edge/domain-error-map";
import { getBatch } from "@/lib/batches/get-batch";
import { renderAllLetters } from "@/lib/batches/preview";
import { PrintButton } from "@/components/batch-print-button";

export const metadata: Metadata = { title: "Printable letters" };

type Params = Record<string, string | string[] | undefined>;

/** Every letter of the batch (or the chosen requests'), one per printed page. */
export default async function BatchLettersPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  const { id } = await params;
  const query = await searchParams;
  const requestIds = (Array.isArray(query.requestIds) ? query.requestIds : query.requestIds ? [query.requestIds] : []).filter(Boolean).slice(0, 2_000);
  const { actor } = await requireWorkspace();
  const [batch, letters] = await orNotFound(Promise.all([getBatch(actor, id), renderAllLetters(actor, id, requestIds.length ? requestIds : undefined)]));
  return (
    <div className="batch-print">
      <div className="no-print">
        <p>
          <Link href={`/batches/${batch.id}`}>Back to {batch.name}</Link>
        </p>
        <h1>Letters: {batch.name}</h1>
        <p className="lede">
          {letters.length} letter{letters.length === 1 ? "" : "s"}, one per printed page.
        </p>
        <p className="actions">
          <PrintButton />{" "}
          <a href={`/batches/${batch.id}/letters/download${requestIds.length ? `?${requestIds.map((r) => `requestIds=${encodeURIComponent(r)}`).join("&")}` : ""}`} download>
            Download as a text file
          </a>
        </p>
      </div>
      {letters.length === 0 ? <p className="empty">No letters to show.</p> : null}
      {letters.map((l) => (
        <article key={l.recipientId} className="printed-letter" aria-labelledby={`letter-${l.recipientId}`}>
          <h2 id={`letter-${l.recipientId}`}>{l.bodyName}</h2>
          <p className="muted">{l.subject}</p>
          <pre className="letter">{l.letter}</pre>
        </article>
      ))}
    </div>
  );
}
