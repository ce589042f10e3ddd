import { BATCH_CHANNELS } from "@/lib/batches/schemas";
import { channelLabels } from "@/lib/requests/labels";
import { BatchActionForm } from "@/components/batch-action-form";
import type { FormAction } from "@/components/batches/types";

/** One recipient's channel: the batch's, or another for this recipient alone. */
export function ChannelSwitch({
  action,
  batchId,
  recipientId,
  bodyName,
  current,
  exclude,
}: {
  action: FormAction;
  batchId: string;
  recipientId: string;
  bodyName: string;
  current: string | null;
  exclude?: string;
}) {
  const selectId = `channel-${recipientId}`;
  return (
    <BatchActionForm action={action} hidden={{ batchId, recipientId, intent: "channel" }} className="inline-form channel-switch">
      <label htmlFor={selectId} className="visually-hidden">
        Channel for {bodyName}
      </label>
      <select id={selectId} name="channel" defaultValue={current ?? ""}>
        {exclude ? null : <option value="">The batch&apos;s channel</option>}
        {BATCH_CHANNELS.filter((c) => c !== exclude).map((c) => (
          <option key={c} value={c}>
            {exclude ? `Switch to ${channelLabels[c]}` : channelLabels[c]}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="secondary small">
        Change<span className="visually-hidden"> the channel for {bodyName}</span>
      </button>
    </BatchActionForm>
  );
}
