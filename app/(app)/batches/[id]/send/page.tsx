import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireWorkspace } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/errors";
import { getBatch } from "@/lib/batches/get-batch";
import { renderAllLetters } from "@/lib/batches/preview";
import { channelLabels } from "@/lib/requests/labels";
import type { Channel } from "@/lib/generated/prisma";
import { BatchActionForm } from "@/components/batch-action-form";
import { SendBlockers } from "@/components/batches/send-blockers";
import { sendBatchAction } from "../../actions";
import { plural } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Send the batch" };


/** The confirmation step: exactly what sending will do, then the one button that does it. */
export default async function SendBatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireWorkspace();
  const [batch, letters] = await Promise.all([getBatch(actor, id), renderAllLetters(actor, id)]).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (batch.state !== "draft") redirect(`/batches/${batch.id}`);
  const by = (channel: Channel) => letters.filter((l) => l.channel === channel);
  const email = by("email");
  const wdtk = by("whatdotheyknow");
  const post = by("post");
  const blocked = !batch.readiness.ready;
  const parts = [
    email.length ? `emails ${plural(email.length, "body", "bodies")}` : null,
    wdtk.length ? `${plural(wdtk.length, "goes", "go")} via WhatDoTheyKnow` : null,
    post.length ? `${plural(post.length, "goes", "go")} by post` : null,
  ].filter(Boolean);
  const summary = `Creates ${plural(letters.length, "request", "requests")}${parts.length ? ` and ${parts.join("; ")}` : ""}.`;
  return (
    <>
      <p>
        <Link href={`/batches/${batch.id}`}>Back to {batch.name}</Link>
      </p>
      <h1>Send “{batch.name}”</h1>
      {!batch.canEdit ? (
        <p className="notice">Only the campaign&apos;s editors and owners can send a batch.</p>
      ) : blocked ? (
        <div className="notice danger">
          <p>
            <strong>This batch cannot be sent yet.</strong>
          </p>
          <SendBlockers blockers={batch.readiness.blockers} />
          <p>
            <Link href={`/batches/${batch.id}`}>Fix them on the batch page</Link> (add the FOI email on the trust&apos;s page, or switch the recipient to WhatDoTheyKnow or post).
          </p>
        </div>
      ) : (
        <>
          <p className="lede" data-testid="send-summary">
            {summary}
          </p>
          <ul>
            <li>One request per body is created, all together or none at all, each with its own reference token such as [FOI #123] in the subject.</li>
            {email.length ? (
              <li>
                {plural(email.length, "email goes", "emails go")} out from the outbox over the next minutes; each body&apos;s clock starts when its email is sent.
                {` Replies go to ${batch.mailbox ?? "your own email address"}.`}
              </li>
            ) : null}
            {wdtk.length ? <li>For WhatDoTheyKnow, the batch page gives each body a link and a copy button; paste the request address back to start its clock.</li> : null}
            {post.length ? <li>For post, print the letters from the batch page and record the date you post them to start each clock.</li> : null}
            <li>After sending, the letters cannot be changed.</li>
          </ul>
          <BatchActionForm action={sendBatchAction} hidden={{ batchId: batch.id }} className="stack" label="Send the batch">
            <div>
              <button type="submit">Send the batch now</button> <Link href={`/batches/${batch.id}`}>Not yet</Link>
            </div>
          </BatchActionForm>
        </>
      )}
      <table>
        <caption>Who gets what ({letters.length})</caption>
        <thead>
          <tr>
            <th scope="col">Body</th>
            <th scope="col">How</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
          </tr>
        </thead>
        <tbody>
          {letters.map((l) => (
            <tr key={l.recipientId}>
              <th scope="row">
                <Link href={`/batches/${batch.id}/recipients/${l.recipientId}`}>{l.bodyName}</Link>
              </th>
              <td>{channelLabels[l.channel]}</td>
              <td>{l.channel === "email" ? (l.to ?? <span className="tag overdue">no FOI email</span>) : "—"}</td>
              <td>{l.subject}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
