"use client";

import { useActionState } from "react";
import type { PasteBackFormState, PasteBackRow } from "@/lib/batches/paste-back-schemas";
import { FieldShell } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: PasteBackFormState, formData: FormData) => Promise<PasteBackFormState>;
type Plan = NonNullable<PasteBackFormState["plan"]>;

const initialState: PasteBackFormState = { ok: false };

const howLabels = { body_page: "Body named on WhatDoTheyKnow's page", name: "Body named on the line", address: "Body named in the address" } as const;

/**
 * One box for every WhatDoTheyKnow address of a batch: check them against the recipients
 * (nothing saved), then confirm, and every confirmed request is marked sent at once.
 */
export function PasteBackForm({ action, batchId, today, waiting }: { action: Action; batchId: string; today: string; waiting: number }) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const plan = state.plan;
  return (
    <section aria-labelledby="paste-back-heading" className="paste-back">
      <h2 id="paste-back-heading">Paste the WhatDoTheyKnow addresses back</h2>
      <p>
        {waiting} letter{waiting === 1 ? " is" : "s are"} still waiting to be marked as sent. Paste every WhatDoTheyKnow request address at once: one a line, with the body&apos;s name on the same line when the address does not say it (a spreadsheet&apos;s two columns work), or the HTML source of WhatDoTheyKnow&apos;s
        batch page (View source, select all, copy). You check the list before anything is saved.
      </p>
      <FormStatus state={state} />
      <form action={formAction} className="stack" noValidate>
        <input type="hidden" name="intent" value="check" />
        <input type="hidden" name="batchId" value={batchId} />
        <FieldShell id="paste-back-text" label="Request addresses on WhatDoTheyKnow" hint="For example: Solent NHS Trust https://www.whatdotheyknow.com/request/band_7_posts_12" errors={state.fieldErrors?.text}>
          {(props) => <textarea rows={8} name="text" defaultValue={state.values?.text ?? plan?.text ?? ""} {...props} />}
        </FieldShell>
        <FieldShell id="paste-back-sent-on" label="Sent on (where the paste gives no date)" errors={state.fieldErrors?.sentOn}>
          {(props) => <input type="date" name="sentOn" defaultValue={state.values?.sentOn ?? plan?.sentOn ?? today} {...props} />}
        </FieldShell>
        <div>
          <button type="submit" disabled={pending}>
            Check the addresses
          </button>
        </div>
      </form>
      {plan ? <ConfirmList key={JSON.stringify([plan.text, plan.sentOn])} action={formAction} pending={pending} batchId={batchId} plan={plan} state={state} /> : null}
    </section>
  );
}

function ConfirmList({ action, pending, batchId, plan, state }: { action: (formData: FormData) => void; pending: boolean; batchId: string; plan: Plan; state: PasteBackFormState }) {
  // After a refused confirmation, the person's ticks and choices come back in state.values.
  const echoed = state.values && Object.keys(state.values).some((k) => k.startsWith("row-")) ? state.values : null;
  const chosen = (name: string, value: string, byDefault: boolean) => (echoed ? echoed[name] === value : byDefault);
  const dateOf = (i: number, fallback: string) => echoed?.[`row-${i}-sentOn`] ?? fallback;
  const indexed = plan.rows.map((row, i) => ({ row, i }));
  const matched = indexed.filter((x): x is { row: Extract<PasteBackRow, { state: "matched" }>; i: number } => x.row.state === "matched");
  const ambiguous = indexed.filter((x): x is { row: Extract<PasteBackRow, { state: "ambiguous" }>; i: number } => x.row.state === "ambiguous");
  const refused = indexed.filter((x): x is { row: Extract<PasteBackRow, { state: "refused" }>; i: number } => x.row.state === "refused");
  const rowErrors = state.fieldErrors?.rows;
  return (
    <form action={action} aria-labelledby="paste-back-check-heading" className="stack">
      <input type="hidden" name="intent" value="confirm" />
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="text" value={plan.text} />
      <input type="hidden" name="sentOn" value={plan.sentOn} />
      <h3 id="paste-back-check-heading">Check before marking as sent</h3>
      <p className="notice">Nothing has been saved yet. Untick anything that is wrong, choose for the addresses below, correct a date if needed, then confirm.</p>

      <h4>Matched ({matched.length})</h4>
      {matched.length === 0 ? (
        <p className="empty">No address matched a recipient for certain.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Mark sent</th>
                <th scope="col">Recipient</th>
                <th scope="col">Address</th>
                <th scope="col">How it matched</th>
                <th scope="col">Sent on</th>
              </tr>
            </thead>
            <tbody>
              {matched.map(({ row, i }) => (
                <tr key={row.url}>
                  <td>
                    <input type="hidden" name={`row-${i}-url`} value={row.url} />
                    <input type="checkbox" id={`paste-row-${i}`} name={`row-${i}-recipient`} value={row.recipientId} defaultChecked={chosen(`row-${i}-recipient`, row.recipientId, true)} />
                    <label htmlFor={`paste-row-${i}`} className="visually-hidden">
                      Mark {row.bodyName} as sent
                    </label>
                  </td>
                  <th scope="row">{row.bodyName}</th>
                  <td>
                    <a href={row.url} rel="noreferrer noopener">
                      {row.url}
                    </a>
                  </td>
                  <td>{howLabels[row.how]}</td>
                  <td>
                    <label htmlFor={`paste-row-${i}-date`} className="visually-hidden">
                      Sent on ({row.bodyName})
                    </label>
                    <input type="date" id={`paste-row-${i}-date`} name={`row-${i}-sentOn`} defaultValue={dateOf(i, row.sentOn)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {ambiguous.length > 0 ? (
        <>
          <h4>Choose whose request it is ({ambiguous.length})</h4>
          {ambiguous.map(({ row, i }) => (
            <fieldset key={row.url}>
              <legend>
                <a href={row.url} rel="noreferrer noopener">
                  {row.url}
                </a>{" "}
                (“{row.line}”) could be:
              </legend>
              <input type="hidden" name={`row-${i}-url`} value={row.url} />
              {row.candidates.map((c) => (
                <div key={c.recipientId}>
                  <input type="radio" id={`paste-row-${i}-${c.recipientId}`} name={`row-${i}-recipient`} value={c.recipientId} defaultChecked={chosen(`row-${i}-recipient`, c.recipientId, false)} />{" "}
                  <label htmlFor={`paste-row-${i}-${c.recipientId}`}>{c.bodyName}</label>
                </div>
              ))}
              <div>
                {/* Nothing is chosen for the person: skipping is the default. */}
                <input type="radio" id={`paste-row-${i}-skip`} name={`row-${i}-recipient`} value="" defaultChecked={chosen(`row-${i}-recipient`, "", true)} />{" "}
                <label htmlFor={`paste-row-${i}-skip`}>Skip this address</label>
              </div>
              <div className="field">
                <label htmlFor={`paste-row-${i}-date`}>Sent on</label>
                <input type="date" id={`paste-row-${i}-date`} name={`row-${i}-sentOn`} defaultValue={dateOf(i, row.sentOn)} />
              </div>
            </fieldset>
          ))}
        </>
      ) : null}

      {refused.length > 0 ? (
        <>
          <h4>Not marked ({refused.length})</h4>
          <ul className="paste-back-refused">
            {refused.map(({ row }) => (
              <li key={row.url}>
                <a href={row.url} rel="noreferrer noopener">
                  {row.url}
                </a>
                : {row.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.notAddresses.length > 0 ? <p className="muted">Lines without a request address, left out: {plan.notAddresses.slice(0, 10).map((l) => `“${l}”`).join(", ")}{plan.notAddresses.length > 10 ? ", ..." : ""}.</p> : null}

      {rowErrors?.length ? (
        <ul className="field-error" id="paste-back-confirm-error">
          {rowErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <p>
        <button type="submit" disabled={pending || matched.length + ambiguous.length === 0} aria-describedby={rowErrors?.length ? "paste-back-confirm-error" : undefined}>
          Mark the ticked and chosen requests as sent
        </button>
      </p>
    </form>
  );
}
