import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { DirectoryImportForm } from "@/components/directory-import-form";
import { importDirectoryAction } from "../actions";

export const metadata: Metadata = { title: "Import trusts' details" };

export default async function ImportTrustsPage() {
  const { role } = await requireWorkspace();
  const canEdit = roleAtLeast(role, "editor");
  return (
    <>
      <p>
        <Link href="/trusts">All trusts</Link>
      </p>
      <h1>Import FOI addresses and other details</h1>
      <p className="lede">
        Fill in many trusts at once from a spreadsheet: each row is found in the directory by its ODS code, else by its name, and you check
        every change before it is saved. <Link href="/trusts/export">Download the directory as CSV</Link> to start from what is there.
      </p>
      {canEdit ? <DirectoryImportForm action={importDirectoryAction} /> : <p className="notice">Only editors and owners can import into the directory.</p>}
    </>
  );
}
