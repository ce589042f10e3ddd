import { formatUkDate, receiptDate } from "@/lib/deadlines";
import type { Actor } from "@/lib/auth/access";
import type { RequestStatus } from "@/lib/generated/prisma";
import { statusLabels } from "@/lib/requests/status";
import { getFollowState } from "@/lib/whatdotheyknow/follow";
import { isFollowingEnabled, siteBaseUrl } from "@/lib/whatdotheyknow/config";
import { wdtkStateLabel } from "@/lib/whatdotheyknow/states";
import { checkWdtkRequestAction } from "@/app/(app)/requests/[id]/wdtk-actions";
import { WdtkCheckButton } from "@/components/wdtk-check-button";

/** WhatDoTheyKnow's reading of the request beside ours (never applied), the last check, and "check now". */
export async function WdtkFollowPanel({ actor, requestId, externalUrl, status, canEdit }: { actor: Actor; requestId: string; externalUrl: string | null; status: RequestStatus; canEdit: boolean }) {
  if (!externalUrl?.startsWith(`${siteBaseUrl()}/request/`) || status === "draft") return null;
  const follow = await getFollowState(actor, requestId);
  return (
    <section aria-labelledby="wdtk-heading" className="panel wdtk-follow">
      <h2 id="wdtk-heading">On WhatDoTheyKnow</h2>
      {follow?.siteState ? (
        <p data-testid="wdtk-status">
          WhatDoTheyKnow says: <strong>{wdtkStateLabel(follow.siteState)}</strong>
          {follow.differs ? (
            <>
              {" "}
              (here: {statusLabels[status]}). This is shown, not applied: record what happened on the timeline if it is right.
            </>
          ) : (
            <> (the same as here)</>
          )}
        </p>
      ) : (
        <p className="muted">Not checked yet. {isFollowingEnabled() ? "The app checks once a day." : null}</p>
      )}
      {follow?.checkedAt ? <p className="muted">Last checked {formatUkDate(receiptDate(follow.checkedAt))}.</p> : null}
      {follow?.lastError ? <p className="field-error">The last check failed: {follow.lastError}</p> : null}
      {canEdit && isFollowingEnabled() ? <WdtkCheckButton action={checkWdtkRequestAction} field="requestId" value={requestId} label="Check WhatDoTheyKnow now" /> : null}
    </section>
  );
}
