import type { Outcome } from "@/lib/generated/prisma";
import { OUTCOMES } from "@/lib/bodies/schemas";
import type { FormState } from "@/lib/auth/form-state";
import { BatchActionForm } from "@/components/batch-action-form";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const buttonText: Record<Outcome, (n: number) => string> = {
  did_not_apply: (n) => `Follow up the ${n} that did not apply`,
  funded: (n) => `Follow up the ${n} that were funded`,
  applied_unsuccessful: (n) => `Follow up the ${n} that applied without success`,
  applied_withdrew: (n) => `Follow up the ${n} that applied, then withdrew`,
};

/**
 * "Start a follow-up batch" on a request with outcomes per trust: one button per outcome
 * kind, with how many trusts it reaches (`groups` says which outcomes each one gathers, as
 * lib/batches does). Each creates a draft batch; nothing is sent from here.
 */
export function BatchStartControls({
  action,
  parentId,
  counts,
  groups,
}: {
  action: Action;
  parentId: string;
  counts: Partial<Record<Outcome | "none", number>>;
  groups: Readonly<Record<Outcome, readonly Outcome[]>>;
}) {
  const choices = OUTCOMES.map((o) => ({ outcome: o, count: groups[o].reduce((n, g) => n + (counts[g] ?? 0), 0) })).filter((c) => c.count > 0);
  if (choices.length === 0) return null;
  return (
    <section aria-labelledby="start-batch" className="batch-start">
      <h2 id="start-batch">Start a follow-up batch</h2>
      <p className="hint">Writes one follow-up letter for each of these trusts as a draft: you check it before anything is sent.</p>
      <div className="batch-start-buttons">
        {choices.map((c) => (
          <BatchActionForm key={c.outcome} action={action} hidden={{ parentId, outcome: c.outcome }}>
            <button type="submit" className={c.outcome === "did_not_apply" ? undefined : "secondary"}>
              {buttonText[c.outcome](c.count)}
            </button>
          </BatchActionForm>
        ))}
      </div>
    </section>
  );
}
