import { formatUkDate, receiptDate } from "@/lib/deadlines";
import type { Actor } from "@/lib/auth/access";
import type { RequestStatus } from "@/lib/generated/prisma";
import { listPendingReplies } from "@/lib/replies/queries";
import { describeSuggestion } from "@/lib/replies/suggestion";
import { eventLabels } from "@/lib/requests/labels";
import { possibleNextEvents } from "@/lib/requests/timeline";
import { ReplyCardForms } from "@/components/reply-card-forms";
import { confirmReplyAction, dismissReplyAction } from "@/app/(app)/inbox/actions";

const MATCHED_BY: Record<string, string> = {
  in_reply_to: "it answers our letter",
  token: "its subject has this request's reference",
  sender: "it comes from this body, which has no other open request",
  person: "someone filed it here",
  source: "WhatDoTheyKnow filed it on this request",
};

/** The request's replies that wait for a person to say what they mean: nothing changes the clock until then. */
export async function ReplySuggestions({ actor, requestId, status, canEdit }: { actor: Actor; requestId: string; status: RequestStatus; canEdit: boolean }) {
  const replies = await listPendingReplies(actor, requestId);
  if (replies.length === 0) return null;
  return (
    <section aria-labelledby="replies-heading" className="notice">
      <h2 id="replies-heading">{replies.length === 1 ? "A reply to confirm" : `${replies.length} replies to confirm`}</h2>
      <p>The app read these replies and suggests what they mean. Nothing is added to the timeline, and the clock does not move, until you confirm.</p>
      {replies.map((r) => {
        const s = r.suggestion;
        const looksLike = describeSuggestion(s, formatUkDate);
        const who = r.fromName && r.fromAddress ? `${r.fromName} <${r.fromAddress}>` : (r.fromName ?? r.fromAddress ?? "an unknown sender");
        const kinds = [...new Set([s.kind, ...possibleNextEvents(status)])].map((k) => ({ value: k, label: eventLabels[k] }));
        return (
          <article key={r.id} className="panel" data-testid="reply-suggestion" aria-label={`Reply of ${formatUkDate(receiptDate(r.sentAt))}`}>
            <p>
              <strong>Looks like: {looksLike}</strong>
            </p>
            <p className="muted">
              Received {formatUkDate(receiptDate(r.sentAt))} from {who}: {r.subject ?? "(no subject)"}
              {r.matchedBy && MATCHED_BY[r.matchedBy] ? <> (filed here because {MATCHED_BY[r.matchedBy]})</> : null}. The whole message is under Correspondence.
            </p>
            {s.evidence.length > 0 ? (
              <>
                <p className="muted">The words that led to it:</p>
                <ul>
                  {s.evidence.map((e) => (
                    <li key={e}>
                      <q>{e}</q>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {canEdit ? (
              <ReplyCardForms
                confirmAction={confirmReplyAction}
                dismissAction={dismissReplyAction}
                messageId={r.id}
                requestId={requestId}
                label={looksLike}
                kinds={kinds}
                defaults={{ kind: s.kind, date: s.on, newDueDate: s.newDueOn, exemptions: s.exemptions?.join(", "), result: s.result }}
              />
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
