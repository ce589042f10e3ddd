import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { listBodyChoices } from "@/lib/bodies/queries";
import { RequestForm } from "@/components/request-form";
import { WdtkImportForm } from "@/components/wdtk-import-form";
import { siteBaseUrl } from "@/lib/whatdotheyknow/config";
import { createRequestAction } from "../actions";
import { importWdtkRequestAction } from "./import-actions";

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
      <h2 id="wdtk-import-heading">Or import one from WhatDoTheyKnow</h2>
      <p>
        Paste the address of a request made on WhatDoTheyKnow: the app adds it with its body, title, sent date, every message in and out (with links to each message
        and attachment there) and what WhatDoTheyKnow&apos;s classifications say happened.
      </p>
      <WdtkImportForm action={importWdtkRequestAction} siteUrl={siteBaseUrl()} />
    </>
  );
}
