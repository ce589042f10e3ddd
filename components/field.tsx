/** The accessible props a field's control needs: its id and what describes it. */
export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A field's label, hint and errors, wired to its control for screen readers. The control
 * itself (input, select, textarea, file input) is the child, given the props it needs.
 */
export function FieldShell({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: (props: ControlProps) => React.ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {errors && errors.length > 1 ? (
        <ul className="field-error" id={`${id}-error`}>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors[0]}
        </p>
      ) : null}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": errors?.length ? true : undefined })}
    </div>
  );
}

/** A labelled input, textarea or select with its hint and error. */
export function Field({
  name,
  label,
  hint,
  errors,
  defaultValue,
  type = "text",
  multiline = false,
  rows = 5,
  options,
  autoComplete,
  onChange,
  idPrefix = "field",
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string | null;
  type?: string;
  multiline?: boolean;
  rows?: number;
  options?: Array<{ value: string; label: string }>;
  autoComplete?: string;
  onChange?: (value: string) => void;
  /** Keeps ids unique when a page has several forms with the same field names. */
  idPrefix?: string;
}) {
  return (
    <FieldShell id={`${idPrefix}-${name}`} label={label} hint={hint} errors={errors}>
      {(props) => {
        const common = {
          ...props,
          name,
          defaultValue: defaultValue ?? "",
          onChange: onChange ? (e: { target: { value: string } }) => onChange(e.target.value) : undefined,
        };
        if (options) {
          return (
            // Keyed by its default: React does not re-apply a changed defaultValue to a select,
            // so after a save (which resets the form) it would fall back to the first option.
            <select key={defaultValue ?? ""} {...common}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          );
        }
        return multiline ? <textarea rows={rows} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />;
      }}
    </FieldShell>
  );
}

/**
 * Radio buttons under a legend, with their hint and error described to screen readers.
 * `idPrefix` keeps ids unique when one page has several forms with the same field names.
 */
export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  errors,
  hint,
  idPrefix = "field",
  inline = false,
}: {
  name: string;
  legend: React.ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValue: string;
  errors?: string[];
  hint?: string;
  idPrefix?: string;
  inline?: boolean;
}) {
  const id = `${idPrefix}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const choices = options.map((o) => (
    <div key={o.value || "none"} className="choice">
      <label>
        <input type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} /> {o.label}
      </label>
    </div>
  ));
  return (
    <fieldset className="field" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
      {inline ? <div className="list-actions">{choices}</div> : choices}
    </fieldset>
  );
}
