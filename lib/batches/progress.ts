// Where one recipient of a batch stands: the one definition the progress counts, the table's
// filter and the bulk actions share. Pure: no I/O.
import type { BatchState, DeliveryState, RequestStatus } from "@/lib/generated/prisma";
import { CLOCK_RUNNING } from "@/lib/requests/status";
import { PROGRESS_BUCKETS, type ProgressBucket } from "@/lib/batches/schemas";

/** Any response, or a request that is closed: nothing more is waited for on the first answer. */
const ANSWERED: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  "successful",
  "partially_successful",
  "refused",
  "not_held",
  "internal_review",
  "ico_complaint",
  "withdrawn",
]);
const CLOCK_RUNNING_SET: ReadonlySet<RequestStatus> = new Set<RequestStatus>(CLOCK_RUNNING);

export interface RecipientFacts {
  /** The recipient's request status, or null before the batch is sent. */
  status: RequestStatus | null;
  /** The state of the email carrying the request letter, if it goes by email. */
  delivery: DeliveryState | null;
  /** YYYY-MM-DD, the stored due date (extended when extended). */
  dueOn: string | null;
  /** Whether an acknowledgement is on the timeline. */
  acknowledged: boolean;
  /** YYYY-MM-DD, Europe/London. */
  today: string;
}

/**
 * drafted: no request yet or a draft with nothing queued; queued: its email waits or is being
 * sent; failed: its email failed or could not be confirmed (a person must decide); overdue: the
 * clock runs and the due date has passed; answered: any response or a closed request;
 * acknowledged: the body acknowledged it and the clock runs; sent: otherwise (waiting).
 */
export function progressBucket(facts: RecipientFacts): ProgressBucket {
  const { status, delivery } = facts;
  if (status === null || status === "draft") {
    if (delivery === "pending" || delivery === "sending") return "queued";
    if (delivery === "failed" || delivery === "unconfirmed") return "failed";
    return "drafted";
  }
  if (ANSWERED.has(status)) return "answered";
  if (CLOCK_RUNNING_SET.has(status) && facts.dueOn !== null && facts.dueOn < facts.today) return "overdue";
  if (facts.acknowledged) return "acknowledged";
  return "sent";
}

export type ProgressCounts = Record<ProgressBucket, number> & { total: number };

export function countBuckets(buckets: readonly ProgressBucket[]): ProgressCounts {
  const counts = Object.fromEntries(PROGRESS_BUCKETS.map((b) => [b, 0])) as Record<ProgressBucket, number>;
  for (const b of buckets) counts[b] += 1;
  return { ...counts, total: buckets.length };
}

/** How many recipients' letters have actually gone (the body has, or will get, them). */
export function lettersGone(progress: ProgressCounts): number {
  return progress.total - progress.drafted - progress.queued - progress.failed;
}

/**
 * What the batch's heading says happened. Sending a batch via WhatDoTheyKnow or by post only
 * creates its requests; each goes when its address or posting date is recorded, so "Sent" waits
 * until every letter has gone.
 */
export function batchSentSummary(state: BatchState, sentLabel: string | null, progress: ProgressCounts): string {
  if (state === "draft") return "Draft: nothing has been sent yet";
  const gone = lettersGone(progress);
  if (progress.total > 0 && gone === progress.total) return `Sent ${sentLabel ?? ""}`.trim();
  return `Requests created${sentLabel ? ` on ${sentLabel}` : ""}; ${gone} of ${progress.total} sent`;
}
