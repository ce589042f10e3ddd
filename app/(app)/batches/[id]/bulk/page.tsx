import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { asDomainError } from "@/lib/auth/errors";
import { formStateForError, orNotFound } from "@/lib/edge/domain-error-map";
import { getBatch } from "@/lib/batches/get-batch";
import { planBulkAction, type BulkPlan } from "@/lib/batches/bulk-actions";
import { BatchActionForm } from "@/components/batch-action-form";
import { Field } from "@/components/field";
import { bulkStatusLabels } from "@/components/batch-labels";
import { BULK_STATUS_KINDS } from "@/lib/batches/schemas";
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
  const batch = await orNotFound(getBatch(actor, id));
  const input = inputFrom(query);
  let plan: BulkPlan | null = null;
  let fieldErrors: Record<string, string[] | undefined> = {};
  let problems: string[] = [];
  try {
    plan = await orNotFound(planBulkAction(actor, batch.id, input));
  } catch (error) {
    const refusal = asDomainError(error);
    if (!refusal) throw error;
    const state = formStateForError(refusal);
    fieldErrors = state.fieldErrors ?? {};
    if (refusal.kind !== "invalid") problems = [refusal.message];
    // Errors on fields shown again below go next to them; the rest are listed at the top.
    const fixable = input.action === "status" ? ["kind", "on"] : input.action === "note" ? ["note"] : [];
    problems.push(...Object.entries(fieldErrors).flatMap(([field, errors]) => (fixable.includes(field) ? [] : (errors ?? []))));
    if (problems.length === 0 && !fixable.some((f) => fieldErrors[f]?.length)) problems = [refusal.message];
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
        {problems.length ? (
          <div className="error-summary" role="alert">
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p role="alert">Check the answer marked below.</p>
        )}
        {input.action === "status" || input.action === "note" ? (
          <form method="get" action={`/batches/${batch.id}/bulk`} className="stack" noValidate>
            <input type="hidden" name="action" value={input.action} />
            {many(query.requestIds).map((r) => (
              <input key={r} type="hidden" name="requestIds" value={r} />
            ))}
            {input.action === "status" ? (
              <>
                <Field name="kind" label="What happened" errors={fieldErrors.kind} defaultValue={one(query.kind)} options={BULK_STATUS_KINDS.map((k) => ({ value: k, label: bulkStatusLabels[k] }))} />
                <Field name="on" label="On" type="date" errors={fieldErrors.on} defaultValue={one(query.on)} />
              </>
            ) : (
              <Field name="note" label="Note" multiline rows={3} errors={fieldErrors.note} defaultValue={one(query.note)} />
            )}
            <div>
              <button type="submit">Check what will happen</button>
            </div>
          </form>
        ) : (
          <p>Go back, tick the requests and choose the action again.</p>
        )}
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
