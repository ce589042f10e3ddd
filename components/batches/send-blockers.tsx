import Link from "next/link";
import type { ReactNode } from "react";
import type { SendBlocker } from "@/lib/batches/readiness";

type MissingEmail = Extract<SendBlocker, { kind: "no_foi_email" }>;

/** What stops a batch being sent (lib/batches/readiness.ts), one list item each. */
export function SendBlockers({ blockers, fix }: { blockers: SendBlocker[]; fix?: (blocker: MissingEmail) => ReactNode }) {
  return (
    <ul className="batch-problems">
      {blockers.map((b) => {
        switch (b.kind) {
          case "template":
          case "questions_placeholder":
            return (
              <li key={`${b.kind}-${b.field}-${b.message}`}>
                {b.field === "template" ? "Letter" : "Title"}: {b.message}
              </li>
            );
          case "no_foi_email":
            return (
              <li key={b.recipientId}>
                <Link href={`/trusts/${b.bodyId}`}>{b.bodyName}</Link>: {b.message}
                {fix ? <> {fix(b)}</> : null}
              </li>
            );
          default:
            return <li key={b.kind}>{b.message}</li>;
        }
      })}
    </ul>
  );
}
