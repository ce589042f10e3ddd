"use client";

import { RowLink } from "@/components/row-link";

/** What the request list shows of one request: the page sends these as data, not as markup. */
export interface RequestListRowView {
  id: string;
  title: string;
  bodyId: string;
  bodyName: string;
  authorityRef: string | null;
  statusLabel: string;
  /** The clock runs and the due date has passed. */
  late: boolean;
  repliesToConfirm: number;
  /** "Monday 4 October 2021", or null before the request is sent. */
  dueLabel: string | null;
}

/**
 * The request list's rows. A client component on purpose: the server sends each row as a small
 * object and the rows are drawn here (in the server's HTML first, so the list works before
 * JavaScript), rather than as a tree of elements for every cell, which was most of the server's
 * work for a page of 50 (see the pages benchmark in the README).
 */
export function RequestRows({ rows }: { rows: RequestListRowView[] }) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id}>
          <td>
            <RowLink href={`/requests/${r.id}`}>{r.title}</RowLink>
          </td>
          <td>
            <RowLink href={`/trusts/${r.bodyId}`}>{r.bodyName}</RowLink>
          </td>
          <td>{r.authorityRef ?? <span className="unknown">none yet</span>}</td>
          <td>
            {r.statusLabel}
            {r.late ? (
              <>
                {" "}
                <span className="tag overdue">Overdue</span>
              </>
            ) : null}
            {r.repliesToConfirm > 0 ? (
              <>
                {" "}
                <span className="tag">{r.repliesToConfirm === 1 ? "1 reply to confirm" : `${r.repliesToConfirm} replies to confirm`}</span>
              </>
            ) : null}
          </td>
          <td>{r.dueLabel ?? "—"}</td>
        </tr>
      ))}
    </tbody>
  );
}
