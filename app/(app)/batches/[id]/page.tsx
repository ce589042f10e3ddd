import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/errors";
import { getBatch } from "@/lib/batches/get-batch";
import { renderAllLetters } from "@/lib/batches/preview";
import { batchSentSummary } from "@/lib/batches/progress";
import { channelLabels } from "@/lib/requests/labels";
import { BatchFlash } from "@/components/batches/batch-flash";
import { DraftBatch } from "@/components/batches/draft-batch";
import { SentBatch } from "@/components/batches/sent-batch";
import { PasteBackForm } from "@/components/batches/paste-back-form";
import { WdtkCheckButton } from "@/components/wdtk-check-button";
import { isFollowingEnabled } from "@/lib/whatdotheyknow/config";
import type { Params } from "@/components/batches/types";
import {
  combineSuccessorAction,
  deleteDraftBatchAction,
  markRecipientSentAction,
  removeRecipientAction,
  resolveDeliveryAction,
  updateBatchDetailsAction,
  updateRecipientAction,
} from "../actions";
import { pasteBackAction } from "./paste-back-actions";
import { checkWdtkBatchAction } from "../../requests/[id]/wdtk-actions";

export const metadata: Metadata = { title: "Batch" };

export default async function BatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  const { id } = await params;
  const query = await searchParams;
  const { actor } = await requireWorkspace();
  const batch = await getBatch(actor, id, { sort: query.sort, status: query.status, q: query.q, page: query.page }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // Letters to copy into WhatDoTheyKnow, for the rows on this page still waiting to be sent that way.
  const wdtkWaiting = batch.state === "draft" ? [] : batch.recipients.filter((r) => r.channel === "whatdotheyknow" && r.status === "draft" && r.requestId);
  const letters = wdtkWaiting.length ? await renderAllLetters(actor, batch.id, wdtkWaiting.map((r) => r.requestId!)) : [];
  return (
    <>
      <p>
        <Link href="/batches">All batches</Link>
      </p>
      <h1>{batch.name}</h1>
      <p className="lede">
        {batchSentSummary(batch.state, batch.sentLabel, batch.progress)} · {batch.progress.total} recipient{batch.progress.total === 1 ? "" : "s"} ·{" "}
        {channelLabels[batch.channel]}
        {batch.parent ? (
          <>
            {" "}
            · follows up <Link href={`/requests/${batch.parent.id}`}>{batch.parent.title}</Link> ({batch.parent.bodyName})
          </>
        ) : null}
      </p>
      <BatchFlash query={query} />
      {query.pasted ? (
        <p className="success" role="status">
          Marked {query.pasted} request{query.pasted === "1" ? "" : "s"} as sent from their WhatDoTheyKnow addresses. Their clocks are running.
        </p>
      ) : null}
      {batch.state === "draft" ? (
        <DraftBatch batch={batch} actions={{ updateBatchDetailsAction, updateRecipientAction, removeRecipientAction, deleteDraftBatchAction, combineSuccessorAction }} />
      ) : (
        <>
          {batch.canEdit && batch.progress.drafted > 0 && (batch.channel === "whatdotheyknow" || batch.recipients.some((r) => r.channel === "whatdotheyknow")) ? (
            <PasteBackForm action={pasteBackAction} batchId={batch.id} today={batch.today} waiting={batch.progress.drafted} />
          ) : null}
          {batch.canEdit && isFollowingEnabled() && (batch.channel === "whatdotheyknow" || batch.recipients.some((r) => r.channel === "whatdotheyknow")) ? (
            <WdtkCheckButton action={checkWdtkBatchAction} field="batchId" value={batch.id} label="Check WhatDoTheyKnow now" hint="Every request with an address there; about a second each." />
          ) : null}
          <SentBatch batch={batch} letters={new Map(letters.map((l) => [l.recipientId, l.letter]))} actions={{ resolveDeliveryAction, markRecipientSentAction }} />
        </>
      )}
    </>
  );
}
