import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { NotBuiltYet } from "@/components/not-built-yet";

export const metadata: Metadata = { title: "Batches" };

export default async function BatchesPage() {
  await requireWorkspace();
  return (
    <NotBuiltYet
      title="Batches"
      what="Sending one follow-up request to many trusts at once (for example the 31 that did not apply for the funding) is the next part to be built."
      meanwhile={
        <>
          Meanwhile, the <Link href="/trusts?outcome=did_not_apply">trusts that did not apply</Link> are listed in the directory.
        </>
      }
    />
  );
}
