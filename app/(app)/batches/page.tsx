import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { listBatches } from "@/lib/batches/get-batch";
import { batchSentSummary } from "@/lib/batches/progress";
import { channelLabels } from "@/lib/requests/labels";
import { BatchProgress } from "@/components/batch-progress";
import { Pagination } from "@/components/pagination";
import { listHref } from "@/lib/pagination/list-href";
import { RowLink } from "@/components/row-link";

export const metadata: Metadata = { title: "Batches" };

type Params = Record<string, string | undefined>;

export default async function BatchesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const { actor } = await requireWorkspace();
  const { rows, total, page, pageCount } = await listBatches(actor, { page: params.page });
  return (
    <>
      <h1>Batches</h1>
      <p className="lede">One follow-up request to many bodies at once: one letter with merge fields, one request per body, each with its own clock.</p>
      {params.deleted ? (
        <p className="success" role="status">
          The draft batch was deleted.
        </p>
      ) : null}
      {total === 0 ? (
        <div className="empty">
          <p>
            <strong>No batches yet.</strong> Start one in either of two ways:
          </p>
          <ul>
            <li>
              From a request&apos;s outcomes: open a request with outcomes per trust (such as the <Link href="/requests">NHS England request</Link>) and choose
              &ldquo;Follow up&rdquo;, for example the trusts that did not apply.
            </li>
            <li>
              From the <Link href="/trusts">trust directory</Link>: filter it, tick the trusts you want and choose &ldquo;Start a batch with the ticked trusts&rdquo;.
            </li>
          </ul>
          <p>You then write the letter once, check each recipient&apos;s letter, and send them all together.</p>
        </div>
      ) : (
        <table className="batch-list">
          <caption>
            {total} batch{total === 1 ? "" : "es"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">Sent</th>
              <th scope="col">How</th>
              <th scope="col" className="number">
                Recipients
              </th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.id}>
                <td>
                  <RowLink href={`/batches/${b.id}`}>{b.name}</RowLink>
                  <br />
                  <span className="muted">Started {b.createdLabel}</span>
                </td>
                <td>{b.state === "sent" ? batchSentSummary(b.state, b.sentLabel, b.progress) : <span className="tag soon">Draft: not sent yet</span>}</td>
                <td>{channelLabels[b.channel]}</td>
                <td className="number">{b.recipients}</td>
                <td>
                  <BatchProgress progress={b.progress} compact label={`Progress of ${b.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} href={(p) => listHref("/batches", params, { page: String(p) })} />
    </>
  );
}
