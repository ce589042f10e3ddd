import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ZodError, z } from "zod";
import { requireWorkspace } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { BatchStateError, BatchValidationError } from "@/lib/batches/errors";
import { getBatch } from "@/lib/batches/get-batch";
import { planBulkAction, type BulkPlan } from "@/lib/batches/bulk-actions";
import { BatchActionForm } from "@/components/batch-action-form";
import { applyBulkActionAction } from "../../actions";

export const metadata: Metadata = { title: "Check the bulk action" };

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** Only the fields the chosen action uses: the chooser's form sends them all. */
function inputFrom(query: Params): Record<string, string | string[]> {
  const action = one(query.action);
  const base = { action, requestIds: many(query.requestIds) };
  if (action === "status") return { ...base, kind: one(query.kind), on: one(query.on) };
  if (action === "note") return { ...base, note: one(query.note) };
  return base;
}

const confirmLabels: Record<BulkPlan["action"], string> = {
  chaser: "Send these chasers",
  status: "Record it for these requests",
  note: "Add the note to these requests",
  letters: "Download the letters",
};

/** The "what it will do to whom" step between choosing a bulk action and doing it. */
export default async function BulkActionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  const { id } = await params;
  const query = await searchParams;
  const { actor } = await requireWorkspace();
  const batch = await getBatch(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const input = inputFrom(query);
  let plan: BulkPlan | null = null;
  let problems: string[] = [];
  try {
    plan = await planBulkAction(actor, batch.id, input);
  } catch (error) {
    if (error instanceof BatchValidationError) problems = Object.values(error.fieldErrors).flat();
    else if (error instanceof ZodError) problems = Object.values(z.flattenError(error).fieldErrors).flat() as string[];
    else if (error instanceof BatchStateError || error instanceof ForbiddenError) problems = [error.message];
    else if (error instanceof NotFoundError) notFound();
    else throw error;
    if (problems.length === 0) problems = [(error as Error).message];
  }
  const back = (
    <p>
      <Link href={`/batches/${batch.id}`}>Back to {batch.name}</Link>
    </p>
  );
  if (!plan) {
    return (
      <>
        {back}
        <h1>Nothing was done</h1>
        <div className="error-summary" role="alert">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
        <p>Go back, tick the requests and choose the action again.</p>
      </>
    );
  }
  const ids = plan.items.map((i) => i.requestId);
  const idsQuery = ids.map((r) => `requestIds=${encodeURIComponent(r)}`).join("&");
  return (
    <>
      {back}
      <h1>Check before it is done</h1>
      <p className="lede" data-testid="bulk-summary">
        {plan.summary}
        {plan.skipped.length ? ` ${plan.skipped.length} of the ticked request${plan.skipped.length === 1 ? " is" : "s are"} left out: see why below.` : ""}
      </p>
      {plan.items.length ? (
        <table>
          <caption>What will be done, to whom ({plan.items.length})</caption>
          <thead>
            <tr>
              <th scope="col">Body</th>
              <th scope="col">What will happen</th>
            </tr>
          </thead>
          <tbody>
            {plan.items.map((i) => (
              <tr key={i.requestId}>
                <th scope="row">
                  <Link href={`/requests/${i.requestId}`}>{i.bodyName}</Link>
                </th>
                <td>{i.willDo}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">None of the ticked requests can have this done to it: see the reasons below.</p>
      )}
      {plan.skipped.length ? (
        <table>
          <caption>Left out ({plan.skipped.length})</caption>
          <thead>
            <tr>
              <th scope="col">Body</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {plan.skipped.map((s) => (
              <tr key={s.requestId}>
                <th scope="row">{s.bodyName}</th>
                <td>{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {plan.items.length === 0 ? null : plan.action === "letters" ? (
        <p className="actions">
          <a className="button" href={`/batches/${batch.id}/letters/download?${idsQuery}`} download>
            {confirmLabels.letters} (text file)
          </a>{" "}
          <Link className="button secondary" href={`/batches/${batch.id}/letters?${idsQuery}`}>
            Print them
          </Link>{" "}
          <Link href={`/batches/${batch.id}`}>Cancel</Link>
        </p>
      ) : (
        <BatchActionForm
          action={applyBulkActionAction}
          hidden={{ batchId: batch.id, ...Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string")) }}
          className="stack"
          label="Confirm the bulk action"
        >
          {ids.map((r) => (
            <input key={r} type="hidden" name="requestIds" value={r} />
          ))}
          <div>
            <button type="submit">
              {confirmLabels[plan.action]} ({plan.items.length})
            </button>{" "}
            <Link href={`/batches/${batch.id}`}>Cancel</Link>
          </div>
        </BatchActionForm>
      )}
    </>
  );
}
