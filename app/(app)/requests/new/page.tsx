import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { listBodyChoices } from "@/lib/bodies/queries";
import { RequestForm } from "@/components/request-form";
import { createRequestAction } from "../actions";

export const metadata: Metadata = { title: "Log a request" };

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ body?: string }> }) {
  const { actor, role } = await requireWorkspace();
  if (!roleAtLeast(role, "editor")) {
    return (
      <>
        <h1>Log a request</h1>
        <p className="notice">You have read-only access to this workspace, so you cannot log requests.</p>
      </>
    );
  }
  const bodies = await listBodyChoices(actor);
  const { body } = await searchParams;
  return (
    <>
      <p>
        <Link href="/requests">All requests</Link>
      </p>
      <h1>Log a request</h1>
      <p className="lede">Record a request you have sent (or are about to send) to a body in the directory. The legal clock starts from the date it was sent.</p>
      <RequestForm action={createRequestAction} bodies={bodies} initial={{ bodyId: body }} submitLabel="Save the request" />
    </>
  );
}
