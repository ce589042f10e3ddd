// Whether the body was chased after its response fell due. The ICO asks, before it takes a
// complaint about a request that was never answered, for evidence that you tried to resolve it
// with the body first (https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/foi-and-eir-complaints/).
// Pure.
import { receiptDate } from "@/lib/deadlines";

/**
 * A chaser is a note: the app records "Chaser sent by email to ..." when its chaser is
 * delivered (lib/requests/mark-sent.ts), and a campaigner records one sent another way as a
 * note starting "Chased".
 */
const CHASER_NOTE = /^\s*(chaser sent|chased)\b/i;

export function isChaserNote(note: string | null | undefined): boolean {
  return note != null && CHASER_NOTE.test(note);
}

/** The latest chaser on or after the day after `due` and not after `today`, as YYYY-MM-DD; else null. */
export function chasedAfter(events: readonly { kind: string; occurredAt: Date; note?: string | null }[], due: string | null, today: string): string | null {
  if (due === null) return null;
  let latest: string | null = null;
  for (const e of events) {
    if (e.kind !== "note" || !isChaserNote(e.note)) continue;
    const on = receiptDate(e.occurredAt);
    if (on > due && on <= today && (latest === null || on > latest)) latest = on;
  }
  return latest;
}
