import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { EventKind } from "@/lib/generated/prisma";
import type { DeliveredMail, DeliveryHook } from "@/lib/mail/outbox";
import { eventLabels } from "@/lib/requests/labels";
import { markSent, recordChasersSent, sourceKeyOf, type SentLetter } from "@/lib/requests/mark-sent";
import { appendEvent } from "@/lib/requests/record-event";

// What a delivered email means for its request, by the purpose its outbox row was queued with
// ("request:<id>" for the letter itself, "chaser:<id>:<date>" for a chaser, "review:", "complaint:"
// and "clarification:" for the letters sent from the request page). lib/mail/send-mail registers
// these with the outbox.

function lettersOf(delivered: readonly DeliveredMail[]): SentLetter[] {
  return delivered.flatMap((d) =>
    d.requestId && d.workspaceId
      ? [{ requestId: d.requestId, workspaceId: d.workspaceId, sentAt: d.sentAt, message: { text: d.text, subject: d.subject, toAddress: d.toAddress, fromName: d.fromName, fromAddress: d.fromAddress, messageId: d.messageId } }]
      : [],
  );
}

/**
 * A letter that is a step on the timeline (the clarification sent, the review asked for, the
 * complaint made): kept as an outgoing message, and its entry recorded through the one path at
 * the moment it went. If the timeline no longer allows it (a person recorded the step by hand
 * meanwhile), the letter is kept with a note saying so: a delivered letter is never lost, and
 * recording it never fails the delivery.
 */
function timelineStep(kind: EventKind): DeliveryHook {
  return async (delivered, tx: Prisma.TransactionClient) => {
    for (const d of delivered) {
      if (!d.requestId || !d.workspaceId) continue;
      const live = await tx.foiRequest.findFirst({ where: { id: d.requestId, workspaceId: d.workspaceId, deletedAt: null }, select: { id: true } });
      if (!live) continue;
      // A letter sent again after a bounce keeps its Message-ID: the first copy already holds it.
      const key = sourceKeyOf(d.messageId);
      const taken = key ? await tx.message.findFirst({ where: { workspaceId: d.workspaceId, source: "manual", sourceKey: key }, select: { id: true } }) : null;
      const message = await tx.message.create({
        data: {
          workspaceId: d.workspaceId,
          requestId: d.requestId,
          direction: "outgoing",
          fromName: d.fromName,
          fromAddress: d.fromAddress,
          toAddress: d.toAddress,
          subject: d.subject,
          sentAt: d.sentAt,
          bodyText: d.text,
          sourceKey: taken ? null : key,
        },
        select: { id: true },
      });
      const note = `Sent by email to ${d.toAddress}.`;
      // The letter answers the timeline as it stood: after every entry on it (an entry typed with
      // a date only sits at midday, which may be after the moment the email went that day).
      const at = (existing: Date[]) => new Date(Math.max(d.sentAt.getTime(), ...existing.map((e) => e.getTime() + 60_000)));
      const appended = await appendEvent(tx, { workspaceId: d.workspaceId, requestId: d.requestId, kind, at, note, messageId: message.id });
      if (!appended.ok) {
        await tx.requestEvent.create({
          data: {
            workspaceId: d.workspaceId,
            requestId: d.requestId,
            kind: "note",
            occurredAt: d.sentAt,
            messageId: message.id,
            note: `"${eventLabels[kind]}" letter sent by email to ${d.toAddress}; not added to the timeline as that step: ${appended.reason}`,
          },
        });
      }
    }
  };
}

export const requestDeliveryHooks: Record<"request" | "chaser" | "clarification" | "review" | "complaint", DeliveryHook> = {
  request: async (delivered, tx: Prisma.TransactionClient) => {
    await markSent(lettersOf(delivered), tx);
  },
  chaser: (delivered, tx) => recordChasersSent(lettersOf(delivered), tx),
  clarification: timelineStep("clarification_sent"),
  review: timelineStep("internal_review_requested"),
  complaint: timelineStep("ico_complaint"),
};
