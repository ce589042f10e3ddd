import type { Metadata } from "next";
import Link from "next/link";
import { formatUkDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { listFindingsBatches } from "@/lib/findings/findings-table";
import { pageNumberSchema } from "@/lib/pagination/schemas";
import { Pagination } from "@/components/pagination";

export const metadata: Metadata = { title: "Findings" };

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { actor } = await requireWorkspace();
  const page = pageNumberSchema.parse((await searchParams).page);
  const list = await listFindingsBatches(actor, page);
  return (
    <>
      <h1>Findings</h1>
      <p className="lede">Turn the answers to a batch of requests into evidence: coded answers, a findings table, charts and exports.</p>
      <p>
        <Link href="/findings/export/requests.csv">Download every request with its dates (CSV)</Link> · <Link href="/findings/export/requests.json">the same as JSON</Link>
      </p>
      {list.total === 0 ? (
        <p className="empty">
          No batches yet. Findings are kept per batch: send a batch of requests from <Link href="/batches">Batches</Link>, then come back to add your research questions.
        </p>
      ) : (
        <table>
          <caption>Choose a batch ({list.total})</caption>
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">Sent</th>
              <th scope="col" className="number">
                Requests
              </th>
              <th scope="col" className="number">
                Questions
              </th>
              <th scope="col">Public page</th>
            </tr>
          </thead>
          <tbody>
            {list.batches.map((b) => (
              <tr key={b.id}>
                <th scope="row">
                  <Link href={`/findings/${b.id}`}>{b.name}</Link>
                </th>
                <td>{b.sentOn ? formatUkDate(b.sentOn) : "Not sent yet"}</td>
                <td className="number">{b.requests}</td>
                <td className="number">{b.questions}</td>
                <td>{b.isPublic ? "On" : "Off"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => `/findings?page=${p}`} />
    </>
  );
}
