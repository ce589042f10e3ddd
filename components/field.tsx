/** A labelled input with its hint and error wired up for screen readers. */
export function Field({
  name,
  label,
  hint,
  errors,
  defaultValue,
  type = "text",
  multiline = false,
  autoComplete,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string | null;
  type?: string;
  multiline?: boolean;
  autoComplete?: string;
}) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name, defaultValue: defaultValue ?? "", "aria-describedby": describedBy, "aria-invalid": errors?.length ? true : undefined } as const;
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
      {multiline ? <textarea rows={5} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
    </div>
  );
}
