import "server-only";
import { registerDeliveryHook } from "@/lib/mail/outbox";
import { requestDeliveryHooks } from "@/lib/requests/on-delivered";

// Sending mail from the app: the outbox (lib/mail/outbox) with what each kind of delivery means
// registered. Import the outbox from here, so no message is delivered without its hook.
for (const [purpose, hook] of Object.entries(requestDeliveryHooks)) registerDeliveryHook(purpose, hook);

export {
  cancelMailOfDeletedRequests,
  CLAIM_LEASE_MINUTES,
  confirmUnconfirmedSent,
  deliver,
  LETTER_PURPOSES,
  markExpiredClaimsUnconfirmed,
  OUTBOX_CONCURRENCY,
  processOutbox,
  queueMail,
  queueMails,
  type Mail,
} from "@/lib/mail/outbox";
