import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { DeliveredMail, DeliveryHook } from "@/lib/mail/outbox";
import { markSent, recordChasersSent, type SentLetter } from "@/lib/requests/mark-sent";

// What a delivered email means for its request, by the purpose its outbox row was queued with
// ("request:<id>" for the letter itself, "chaser:<id>:<date>" for a chaser). lib/mail/send-mail
// registers these with the outbox.

function lettersOf(delivered: readonly DeliveredMail[]): SentLetter[] {
  return delivered.flatMap((d) =>
    d.requestId && d.workspaceId
      ? [{ requestId: d.requestId, workspaceId: d.workspaceId, sentAt: d.sentAt, message: { text: d.text, subject: d.subject, toAddress: d.toAddress, fromName: d.fromName, fromAddress: d.fromAddress } }]
      : [],
  );
}

export const requestDeliveryHooks: Record<"request" | "chaser", DeliveryHook> = {
  request: async (delivered, tx: Prisma.TransactionClient) => {
    await markSent(lettersOf(delivered), tx);
  },
  chaser: (delivered, tx) => recordChasersSent(lettersOf(delivered), tx),
};
