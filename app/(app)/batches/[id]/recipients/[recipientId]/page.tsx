import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { orNotFound } from "@/lib/edge/domain-error-map";
import { previewLetter } from "@/lib/batches/preview";
import { getBatch } from "@/lib/batches/get-batch";
import { channelLabels } from "@/lib/requests/labels";
import { BatchRecipientLetterForm } from "@/components/batch-recipient-letter-form";
import { updateRecipientAction } from "../../../actions";

export const metadata: Metadata = { title: "Letter preview" };

/** One recipient's letter as it will go: to, subject, text; and, while draft, its own edit. */
export default async function RecipientLetterPage({ params }: { params: Promise<{ id: string; recipientId: string }> }) {
  const { id, recipientId } = await params;
  const { actor, role } = await requireWorkspace();
  const [batch, preview] = await orNotFound(Promise.all([getBatch(actor, id), previewLetter(actor, id, recipientId)]));
  const canEdit = roleAtLeast(role, "editor") && batch.state === "draft";
  return (
    <>
      <p>
        <Link href={`/batches/${batch.id}`}>Back to {batch.name}</Link>
      </p>
      <h1>Letter to {preview.bodyName}</h1>
      <dl className="facts letter-headers">
        <dt>How it goes</dt>
        <dd>{channelLabels[preview.channel]}</dd>
        {preview.channel === "email" ? (
          <>
            <dt>To</dt>
            <dd>{preview.to ?? <span className="tag overdue">No FOI email on file: add it on the trust&apos;s page or switch this recipient to another channel</span>}</dd>
            <dt>Replies go to</dt>
            <dd>{batch.mailbox ?? "Your own email address (the campaign has no shared mailbox set)"}</dd>
          </>
        ) : null}
        <dt>Subject</dt>
        <dd data-testid="letter-subject">{preview.subject}</dd>
        <dt>Letter</dt>
        <dd>{preview.edited ? "Edited for this recipient" : "From the batch's template"}</dd>
      </dl>
      {preview.missing.length ? (
        <p className="notice danger">
          Some merge fields have no value for this recipient and show as a placeholder in brackets: {preview.missing.join(", ")}.
        </p>
      ) : null}
      <section aria-labelledby="letter-heading">
        <h2 id="letter-heading">The letter</h2>
        <pre className="letter" data-testid="letter-text">
          {preview.letter}
        </pre>
      </section>
      {canEdit ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit this letter</h2>
          <BatchRecipientLetterForm action={updateRecipientAction} batchId={batch.id} recipientId={recipientId} bodyName={preview.bodyName} letter={preview.letter} edited={preview.edited} />
        </section>
      ) : null}
    </>
  );
}
