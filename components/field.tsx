/** A labelled input, textarea or select with its hint and error wired up for screen readers. */
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
}) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue: defaultValue ?? "",
    "aria-describedby": describedBy,
    "aria-invalid": errors?.length ? true : undefined,
    onChange: onChange ? (e: { target: { value: string } }) => onChange(e.target.value) : undefined,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
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
      {options ? (
        <select {...common}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea rows={rows} {...common} />
      ) : (
        <input type={type} autoComplete={autoComplete} {...common} />
      )}
    </div>
  );
}
