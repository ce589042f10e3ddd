import type { Metadata } from "next";
import Link from "next/link";
import { formatUkDate, receiptDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { listDeletedRequests, RESTORE_DAYS } from "@/lib/requests/delete-request";
import { restoreRequestAction } from "../actions";

export const metadata: Metadata = { title: "Deleted requests" };

export default async function DeletedRequestsPage() {
  const { actor, role } = await requireWorkspace();
  if (!roleAtLeast(role, "owner")) {
    return (
      <>
        <h1>Deleted requests</h1>
        <p className="notice">Only a workspace owner can restore deleted requests.</p>
      </>
    );
  }
  const deleted = await listDeletedRequests(actor);
  return (
    <>
      <p>
        <Link href="/requests">All requests</Link>
      </p>
      <h1>Deleted requests</h1>
      <p className="lede">Deleted requests can be restored for {RESTORE_DAYS} days.</p>
      {deleted.length === 0 ? (
        <p className="empty">Nothing has been deleted in the last {RESTORE_DAYS} days.</p>
      ) : (
        <ul>
          {deleted.map((r) => (
            <li key={r.id}>
              <form action={restoreRequestAction}>
                <input type="hidden" name="requestId" value={r.id} />
                {r.title} to {r.body.name}, deleted {formatUkDate(receiptDate(r.deletedAt!))}{" "}
                <button type="submit" className="secondary" aria-label={`Restore ${r.title}`}>
                  Restore
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
