import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { orNotFound } from "@/lib/edge/domain-error-map";
import { listBodyChoices } from "@/lib/bodies/queries";
import { getRequest } from "@/lib/requests/get-request";
import { RequestForm } from "@/components/request-form";
import { SentRequestForm } from "@/components/sent-request-form";
import { updateRequestAction } from "../../actions";

export const metadata: Metadata = { title: "Edit request" };

export default async function EditRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, role } = await requireWorkspace();
  const request = await orNotFound(getRequest(actor, (await params).id));
  const back = (
    <p>
      <Link href={`/requests/${request.id}`}>Back to the request</Link>
    </p>
  );
  if (!roleAtLeast(role, "editor")) {
    return (
      <>
        {back}
        <h1>Edit request</h1>
        <p className="notice">You have read-only access to this workspace, so you cannot edit requests.</p>
      </>
    );
  }
  if (request.status !== "draft") {
    return (
      <>
        {back}
        <h1>Edit {request.title}</h1>
        <p className="lede">This request has been sent, so its letter stays as sent. You can add the body&apos;s reference or the web address.</p>
        <SentRequestForm action={updateRequestAction} requestId={request.id} externalUrl={request.externalUrl} authorityRef={request.authorityRef} />
      </>
    );
  }
  const bodies = await listBodyChoices(actor);
  return (
    <>
      {back}
      <h1>Edit draft: {request.title}</h1>
      <RequestForm
        action={updateRequestAction}
        bodies={bodies}
        initial={{
          requestId: request.id,
          bodyId: request.body.id,
          title: request.title,
          letter: request.letter,
          law: request.law,
          channel: request.channel,
          externalUrl: request.externalUrl,
          authorityRef: request.authorityRef,
        }}
        submitLabel="Save changes"
      />
    </>
  );
}
