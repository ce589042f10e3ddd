import type { Metadata } from "next";
import Link from "next/link";
import { pageNumberSchema } from "@/lib/pagination/schemas";
import { formatUkDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { listRequests } from "@/lib/requests/queries";
import { fromDbDate } from "@/lib/requests/dates";
import { statusLabels } from "@/lib/requests/status";
import { Pagination } from "@/components/pagination";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { actor } = await requireWorkspace();
  const { total, page, pageCount, rows } = await listRequests(actor, pageNumberSchema.parse((await searchParams).page));
  return (
    <>
      <h1>Requests</h1>
      <p className="notice">
        <strong>Partly built.</strong> This list and each request&apos;s page (its clock, timeline and correspondence) work. Logging new requests,
        recording responses, filters and escalation letters are not built yet.
      </p>
      {total === 0 ? (
        <p className="empty">No requests yet.</p>
      ) : (
        <table>
          <caption>
            {total} request{total === 1 ? "" : "s"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Body</th>
              <th scope="col">Reference</th>
              <th scope="col">Status</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/requests/${r.id}`}>{r.title}</Link>
                </td>
                <td>
                  <Link href={`/trusts/${r.body.id}`}>{r.body.name}</Link>
                </td>
                <td>{r.authorityRef ?? <span className="unknown">none yet</span>}</td>
                <td>{statusLabels[r.status]}</td>
                <td>{r.dueOn ? formatUkDate(fromDbDate(r.dueOn)!) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} href={(p) => `/requests?page=${p}`} />
    </>
  );
}
