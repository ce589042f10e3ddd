"use client";

import type { RecipientRow } from "@/lib/batches/get-batch";
import { DaysLeft } from "@/components/batches/days-left";
import { HowItWent } from "@/components/batches/how-it-went";
import { BULK_FORM, type FormAction } from "@/components/batches/types";
import { RowLink } from "@/components/row-link";

type DeliveryState = NonNullable<RecipientRow["delivery"]>["state"];

/**
 * What a sent batch's table shows of one recipient: the page sends these as data, not as
 * markup, and leaves out what a row's channel and state do not use (every byte here travels
 * twice, in the page's data and in its HTML).
 */
export type SentRecipientRow = Pick<RecipientRow, "id" | "requestId" | "bodyName" | "reference" | "progressBucket" | "progressLabel" | "statusLabel" | "dueLabel" | "dueStatus" | "channel" | "status" | "sentLabel"> & {
  /** Only while the clock does not run: what to show instead of working days. */
  dueText?: string;
  /** Only once known: the request's page on WhatDoTheyKnow. */
  externalUrl?: string;
  /** Only while waiting to be sent through WhatDoTheyKnow: where to start it there. */
  wdtkUrl?: string;
  /** Only for a channel the table has no words of its own for. */
  channelLabel?: string;
  /** The letter's email: only its state once sent; what a person needs to act on otherwise. */
  delivery: { state: "sent" } | { id: string; state: Exclude<DeliveryState, "sent">; attempts: number; lastError: string | null } | null;
};

/**
 * The rows of a sent batch's table. A client component on purpose: the server sends each row as
 * a small object and the rows are drawn here (in the server's HTML first, so the page works
 * before JavaScript), rather than as a tree of elements for every cell. On a page of 50 rows
 * that halved the server's work for the table (see the pages benchmark in the README).
 */
export function SentRecipientRows({
  batch,
  rows,
  letters,
  canEdit,
  actions,
}: {
  batch: { id: string; today: string };
  rows: SentRecipientRow[];
  /** WhatDoTheyKnow letters to copy, by recipient id. */
  letters: Record<string, string>;
  canEdit: boolean;
  actions: { resolveDeliveryAction: FormAction; markRecipientSentAction: FormAction };
}) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id} data-bucket={r.progressBucket}>
          {canEdit ? (
            <td>
              {/* Named by aria-label rather than a hidden <label>: one element a row less. */}
              {r.requestId ? (
                <input
                  type="checkbox"
                  name="requestIds"
                  value={r.requestId}
                  form={BULK_FORM}
                  id={`tick-${r.id}`}
                  aria-label={`Tick ${r.bodyName}`}
                  data-overdue={r.progressBucket === "overdue" ? "1" : "0"}
                />
              ) : null}
            </td>
          ) : null}
          <th scope="row">{r.requestId ? <RowLink href={`/requests/${r.requestId}`}>{r.bodyName}</RowLink> : r.bodyName}</th>
          <td>{r.reference !== null ? `FOI #${r.reference}` : "—"}</td>
          <td>
            <span className={`bucket-tag bucket-${r.progressBucket}`}>{r.progressLabel}</span>
            <br />
            <span className="muted">{r.statusLabel}</span>
          </td>
          <td>{r.dueLabel ?? "—"}</td>
          <td>
            <DaysLeft row={r} />
          </td>
          <td>
            <HowItWent batch={batch} row={r} letter={letters[r.id]} canEdit={canEdit} actions={actions} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
