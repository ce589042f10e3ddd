import Link from "next/link";
import type { BatchDetails } from "@/lib/batches/get-batch";
import { ChannelSwitch } from "@/components/batches/channel-switch";
import { SendBlockers } from "@/components/batches/send-blockers";
import type { FormAction } from "@/components/batches/types";

/** A draft's readiness: what stops it going (with a quick channel switch), and the way to send. */
export function BeforeYouSend({ batch, updateRecipientAction }: { batch: BatchDetails; updateRecipientAction: FormAction }) {
  const { canEdit, readiness } = batch;
  const { ready } = readiness;
  return (
    <section aria-labelledby="before-you-send" className={`notice ${ready ? "" : "danger"}`}>
      <h2 id="before-you-send">Before you send</h2>
      {ready ? (
        <p>Nothing stops this batch going. Preview a few letters, then review and send.</p>
      ) : (
        <SendBlockers
          blockers={readiness.blockers}
          fix={
            canEdit
              ? (p) => <ChannelSwitch action={updateRecipientAction} batchId={batch.id} recipientId={p.recipientId} bodyName={p.bodyName} current={null} exclude="email" />
              : undefined
          }
        />
      )}
      {canEdit ? (
        <p>
          <Link className={`button${ready ? "" : " secondary"}`} href={`/batches/${batch.id}/send`}>
            Review and send
          </Link>
        </p>
      ) : null}
    </section>
  );
}
