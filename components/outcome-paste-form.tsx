"use client";

import { useActionState, useState, type FormEvent } from "react";
import { OUTCOMES, outcomeLabels } from "@/lib/bodies/choices";
import type { PasteFormState } from "@/lib/outcomes/schemas";
import { CHOICE_FIELD_PREFIX } from "@/lib/outcomes/choices";
import type { MatchHow } from "@/lib/bodies/match-trust-names";
import { FieldShell } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: PasteFormState, formData: FormData) => Promise<PasteFormState>;
type Preview = NonNullable<PasteFormState["preview"]>;

const initialState: PasteFormState = { ok: false };

const howLabels: Record<MatchHow, string> = {
  exact: "Same name",
  normalised: "Same name, written differently",
  fuzzy: "Close spelling",
};

const percent = (score: number) => `${Math.round(score * 100)}% alike`;

/** How many different trusts the choices name (two lines may name the same trust). */
function countChosen(entries: Iterable<[string, FormDataEntryValue]>): number {
  const chosen = new Set<FormDataEntryValue>();
  for (const [name, value] of entries) if (name.startsWith(CHOICE_FIELD_PREFIX) && value !== "") chosen.add(value);
  return chosen.size;
}

/**
 * Paste a trust list from a response, check it against the directory, resolve what did not
 * match, then confirm. Step one saves nothing; step two saves only what is ticked or chosen.
 */
export function OutcomePasteForm({ action, requestId }: { action: Action; requestId: string }) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const preview = state.preview;
  return (
    <>
      <FormStatus state={state} />
      <form action={formAction} className="stack" noValidate>
        <input type="hidden" name="intent" value="check" />
        <input type="hidden" name="requestId" value={requestId} />
        <FieldShell
          id="paste-text"
          label="Trust names, one a line"
          hint="Copy the list from the response and paste it here. Headings such as “Provider name” are ignored, and a name that runs over two or three lines is joined up."
          errors={state.fieldErrors?.text}
        >
          {(props) => <textarea rows={10} name="text" defaultValue={state.values?.text ?? preview?.text ?? ""} {...props} />}
        </FieldShell>
        <FieldShell id="paste-outcome" label="What the response says about these trusts" errors={state.fieldErrors?.outcome}>
          {(props) => (
            // Keyed by the chosen value: React's reset after the action would otherwise show the placeholder again.
            <select key={state.values?.outcome ?? preview?.outcome ?? ""} name="outcome" defaultValue={state.values?.outcome ?? preview?.outcome ?? ""} {...props}>
              <option value="" disabled>
                Choose an outcome
              </option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {outcomeLabels[o]}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <div>
          <button type="submit" disabled={pending}>
            Check the list
          </button>
        </div>
      </form>
      {preview ? <ConfirmForm key={JSON.stringify([preview.text, preview.outcome])} action={formAction} pending={pending} requestId={requestId} preview={preview} state={state} /> : null}
    </>
  );
}

function ConfirmForm({ action, pending, requestId, preview, state }: { action: (formData: FormData) => void; pending: boolean; requestId: string; preview: Preview; state: PasteFormState }) {
  // After a refused save, the choices the person made come back in state.values.
  const echoed = state.values && Object.keys(state.values).some((k) => k.startsWith(CHOICE_FIELD_PREFIX)) ? state.values : null;
  const [count, setCount] = useState(() => countChosen(echoed ? Object.entries(echoed) : preview.matched.map((m, i) => [`${CHOICE_FIELD_PREFIX}m${i}`, m.bodyId])));
  const recount = (event: FormEvent<HTMLFormElement>) => setCount(countChosen(new FormData(event.currentTarget)));
  const isChosen = (name: string, value: string, byDefault: boolean) => (echoed ? echoed[name] === value : byDefault);
  const seen = new Set<string>();
  const bodyErrors = state.fieldErrors?.bodyIds;
  const outcomeLabel = outcomeLabels[preview.outcome];

  return (
    <form action={action} onChange={recount} aria-labelledby="paste-check-heading">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="outcome" value={preview.outcome} />
      <input type="hidden" name="text" value={preview.text} />
      <h3 id="paste-check-heading">Check before saving: each trust will be marked “{outcomeLabel}”</h3>
      <p className="notice">Nothing has been saved yet. Untick anything that is wrong, choose for the lines below, then save.</p>

      <h4>Found in the directory ({preview.matched.length})</h4>
      {preview.matched.length === 0 ? (
        <p className="empty">No line matched a trust for certain.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Save</th>
              <th scope="col">In the response</th>
              <th scope="col">In the directory</th>
              <th scope="col">How it matched</th>
            </tr>
          </thead>
          <tbody>
            {preview.matched.map((m, i) => {
              const name = `${CHOICE_FIELD_PREFIX}m${i}`;
              const repeated = seen.has(m.bodyId);
              seen.add(m.bodyId);
              return (
                <tr key={name}>
                  <td>
                    <input type="checkbox" id={name} name={name} value={m.bodyId} defaultChecked={isChosen(name, m.bodyId, true)} />
                    <label htmlFor={name} className="visually-hidden">
                      Save {m.bodyName}
                    </label>
                  </td>
                  <td>{m.line}</td>
                  <td>
                    {m.bodyName}
                    {repeated ? <span className="muted"> (also on an earlier line)</span> : null}
                  </td>
                  <td>
                    {howLabels[m.how]}
                    {m.how === "fuzzy" ? <span className="muted"> ({percent(m.score)})</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {preview.ambiguous.length > 0 ? (
        <>
          <h4>Choose which trust is meant ({preview.ambiguous.length})</h4>
          {preview.ambiguous.map((a, i) => (
            <LineChoices key={i} name={`${CHOICE_FIELD_PREFIX}a${i}`} legend={`“${a.line}” could be:`} options={a.candidates} isChosen={isChosen} />
          ))}
        </>
      ) : null}

      {preview.unmatched.length > 0 ? (
        <>
          <h4>Not found in the directory ({preview.unmatched.length})</h4>
          {preview.unmatched.map((u, i) => (
            <LineChoices
              key={i}
              name={`${CHOICE_FIELD_PREFIX}u${i}`}
              legend={`“${u.line}” was not found.${u.suggestions.length ? " The closest names are:" : " No trust in the directory is close. It will be skipped."}`}
              options={u.suggestions}
              isChosen={isChosen}
            />
          ))}
        </>
      ) : null}

      {preview.ignored.length > 0 ? <p className="muted">Ignored as headings: {preview.ignored.map((l) => `“${l}”`).join(", ")}.</p> : null}

      {bodyErrors?.length ? (
        <p className="field-error" id="paste-save-error">
          {bodyErrors.join(" ")}
        </p>
      ) : null}
      <p>
        <button type="submit" disabled={pending} aria-describedby={bodyErrors?.length ? "paste-save-error" : undefined}>
          Save {count} outcome{count === 1 ? "" : "s"}
        </button>
      </p>
    </form>
  );
}

function LineChoices({
  name,
  legend,
  options,
  isChosen,
}: {
  name: string;
  legend: string;
  options: Array<{ bodyId: string; bodyName: string; score: number }>;
  isChosen: (name: string, value: string, byDefault: boolean) => boolean;
}) {
  if (options.length === 0) {
    return <p>{legend}</p>;
  }
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div key={o.bodyId}>
          <input type="radio" id={`${name}-${o.bodyId}`} name={name} value={o.bodyId} defaultChecked={isChosen(name, o.bodyId, false)} />{" "}
          <label htmlFor={`${name}-${o.bodyId}`}>
            {o.bodyName} <span className="muted">({percent(o.score)})</span>
          </label>
        </div>
      ))}
      <div>
        {/* Nothing is chosen for the person: skipping is the default. */}
        <input type="radio" id={`${name}-skip`} name={name} value="" defaultChecked={isChosen(name, "", true)} /> <label htmlFor={`${name}-skip`}>Skip this line</label>
      </div>
    </fieldset>
  );
}
