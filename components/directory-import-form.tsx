"use client";

import { useActionState } from "react";
import type { DirectoryImportFormState, DirectoryImportPreview, ImportMatchHow, PlannedRow } from "@/lib/bodies/directory-import";
import { importFieldLabels } from "@/lib/bodies/choices";
import { IMPORT_ROW_PREFIX } from "@/lib/bodies/choices";
import { FieldShell } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type ImportState = DirectoryImportFormState;
type Action = (state: ImportState, formData: FormData) => Promise<ImportState>;

const initialState: ImportState = { ok: false };

const howLabels: Record<ImportMatchHow, string> = {
  ods: "Same ODS code",
  exact: "Same name",
  normalised: "Same name, written differently",
  fuzzy: "Close spelling",
};

const percent = (score: number) => `${Math.round(score * 100)}% alike`;

/**
 * Import FOI addresses (and codes, websites, regions, short names) for many trusts from a CSV:
 * step one checks the file and saves nothing; step two saves what is ticked or chosen, all or nothing.
 */
export function DirectoryImportForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const preview = state.preview;
  return (
    <>
      <FormStatus state={state} />
      <form action={formAction} className="stack" noValidate encType="multipart/form-data">
        <input type="hidden" name="intent" value="check" />
        <FieldShell id="import-file" label="CSV file (optional)" hint="A .csv file saved from a spreadsheet, up to 1 MB. If you choose a file, the box below is not used.">
          {(props) => <input type="file" name="file" accept=".csv,text/csv,text/plain" {...props} />}
        </FieldShell>
        <FieldShell
          id="import-text"
          label="Or paste the table"
          hint="The first line names the columns: Name or ODS code (to find each trust), then any of FOI email, Website, WhatDoTheyKnow name, ODS code, Region, Short name. Copying the cells from a spreadsheet works too. An empty cell leaves that detail as it is."
          errors={state.fieldErrors?.text}
        >
          {(props) => <textarea rows={10} name="text" defaultValue={state.values?.text ?? preview?.text ?? ""} spellCheck={false} {...props} />}
        </FieldShell>
        <div>
          <button type="submit" disabled={pending}>
            Check the file
          </button>
        </div>
      </form>
      {preview ? <ConfirmImport key={preview.text} action={formAction} pending={pending} preview={preview} state={state} /> : null}
    </>
  );
}

function Changes({ row }: { row: PlannedRow }) {
  if (row.changes.length === 0) return <>{Object.entries(row.values).map(([field, value]) => `${importFieldLabels[field as keyof typeof importFieldLabels]}: ${value}`).join("; ")}</>;
  return (
    <ul className="plain-list">
      {row.changes.map((c) => (
        <li key={c.field}>
          {importFieldLabels[c.field]}: {c.from ? <del>{c.from}</del> : <span className="muted">(none)</span>} → <ins>{c.to}</ins>
        </li>
      ))}
    </ul>
  );
}

function ConfirmImport({ action, pending, preview, state }: { action: (formData: FormData) => void; pending: boolean; preview: DirectoryImportPreview; state: ImportState }) {
  // After a refused save, the choices the person made come back in state.values.
  const echoed = state.values && Object.keys(state.values).some((k) => k.startsWith(IMPORT_ROW_PREFIX)) ? state.values : null;
  const isChosen = (name: string, value: string, byDefault: boolean) => (echoed ? echoed[name] === value : byDefault);
  const errorFor = (line: number) => state.fieldErrors?.[`${IMPORT_ROW_PREFIX}${line}`]?.[0];
  const updates = preview.plan.filter((p) => p.status === "update");
  const toChoose = preview.plan.filter((p) => p.status === "choose" || p.status === "unknown");
  const invalid = preview.plan.filter((p) => p.status === "invalid");
  const unchanged = preview.plan.filter((p) => p.status === "unchanged");
  const rowsError = state.fieldErrors?.rows;

  return (
    <form action={action} aria-labelledby="import-check-heading">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="text" value={preview.text} />
      <h2 id="import-check-heading">Check before saving</h2>
      <p className="notice">Nothing has been saved yet. Untick anything that is wrong, choose for the rows below, then save.</p>
      {preview.ignoredColumns.length > 0 ? <p className="muted">Columns not imported: {preview.ignoredColumns.map((c) => `“${c}”`).join(", ")}.</p> : null}

      <h3>Will be updated ({updates.length})</h3>
      {updates.length === 0 ? (
        <p className="empty">No row changes a trust found for certain.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Save</th>
              <th scope="col">Line</th>
              <th scope="col">In the file</th>
              <th scope="col">In the directory</th>
              <th scope="col">What changes</th>
            </tr>
          </thead>
          <tbody>
            {updates.map((row) => {
              const name = `${IMPORT_ROW_PREFIX}${row.line}`;
              const error = errorFor(row.line);
              return (
                <tr key={name}>
                  <td>
                    <input type="checkbox" id={name} name={name} value={row.bodyId} defaultChecked={isChosen(name, row.bodyId!, true)} aria-describedby={error ? `${name}-error` : undefined} />
                    <label htmlFor={name} className="visually-hidden">
                      Save line {row.line}, {row.bodyName}
                    </label>
                  </td>
                  <td>{row.line}</td>
                  <td>{row.label}</td>
                  <td>
                    {row.bodyName}
                    {row.how ? <span className="muted"> ({howLabels[row.how]})</span> : null}
                    {error ? (
                      <p className="field-error" id={`${name}-error`}>
                        {error}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <Changes row={row} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {toChoose.length > 0 ? (
        <>
          <h3>Choose which trust is meant ({toChoose.length})</h3>
          {toChoose.map((row) => {
            const name = `${IMPORT_ROW_PREFIX}${row.line}`;
            const error = errorFor(row.line);
            const legend = `Line ${row.line}, “${row.label}”: ${row.reasons.join(" ")}${row.candidates.length ? (row.status === "unknown" ? " The closest names are:" : " It could be:") : " It will be skipped."}`;
            if (row.candidates.length === 0) return <p key={name}>{legend}</p>;
            return (
              <fieldset key={name} aria-describedby={error ? `${name}-error` : undefined}>
                <legend>{legend}</legend>
                {error ? (
                  <p className="field-error" id={`${name}-error`}>
                    {error}
                  </p>
                ) : null}
                <p className="muted">
                  <Changes row={row} />
                </p>
                {row.candidates.map((c) => (
                  <div key={c.bodyId}>
                    <input type="radio" id={`${name}-${c.bodyId}`} name={name} value={c.bodyId} defaultChecked={isChosen(name, c.bodyId, false)} />{" "}
                    <label htmlFor={`${name}-${c.bodyId}`}>
                      {c.bodyName} <span className="muted">({c.score === 1 ? "exact" : percent(c.score)})</span>
                    </label>
                  </div>
                ))}
                <div>
                  {/* Nothing is chosen for the person: skipping is the default. */}
                  <input type="radio" id={`${name}-skip`} name={name} value="" defaultChecked={isChosen(name, "", true)} /> <label htmlFor={`${name}-skip`}>Skip this line</label>
                </div>
              </fieldset>
            );
          })}
        </>
      ) : null}

      {invalid.length > 0 ? (
        <>
          <h3>Not saved: fix these in the file ({invalid.length})</h3>
          <ul>
            {invalid.map((row) => (
              <li key={row.line}>
                Line {row.line}, “{row.label}”: <span className="field-error">{row.reasons.join(" ")}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {unchanged.length > 0 ? <p className="muted">Already up to date ({unchanged.length}): {unchanged.map((r) => r.bodyName).join(", ")}.</p> : null}

      {rowsError?.length ? (
        <p className="field-error" id="import-save-error">
          {rowsError.join(" ")}
        </p>
      ) : null}
      <p>
        <button type="submit" disabled={pending} aria-describedby={rowsError?.length ? "import-save-error" : undefined}>
          Save the ticked and chosen rows
        </button>
      </p>
    </form>
  );
}
