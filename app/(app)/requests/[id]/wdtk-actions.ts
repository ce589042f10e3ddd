"use server";
// "Check WhatDoTheyKnow now", for one request or a whole batch: reads the site, files new replies.
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { followBatchNow, followRequestNow, type FollowSummary } from "@/lib/whatdotheyknow/follow";
import { plural } from "@/lib/text/plural";

const text = z.string().catch("");

function said(summary: FollowSummary): string {
  if (summary.checked === 0) return "No request here has a WhatDoTheyKnow address yet.";
  const parts = [
    summary.newMessages ? `${plural(summary.newMessages, "new message", "new messages")} to look at` : "no new messages",
    summary.statusDiffers ? `${plural(summary.statusDiffers, "request has", "requests have")} another status there` : null,
    summary.failed ? `${summary.failed} could not be read: ${summary.requests.find((r) => r.error)?.error ?? ""}` : null,
  ].filter(Boolean);
  return `Checked ${plural(summary.checked, "request", "requests")} on WhatDoTheyKnow: ${parts.join("; ")}.`;
}

export const checkWdtkRequestAction = workspaceAction(z.looseObject({ requestId: text }), async (actor, { requestId }) => {
  const summary = await followRequestNow(actor, requestId);
  return { ok: summary.failed === 0, message: said(summary), revalidate: [`/requests/${requestId}`] };
});

export const checkWdtkBatchAction = workspaceAction(z.looseObject({ batchId: text }), async (actor, { batchId }) => {
  const summary = await followBatchNow(actor, batchId);
  return { ok: summary.failed === 0, message: said(summary), revalidate: [`/batches/${batchId}`] };
});
