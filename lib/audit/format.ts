// Pure: how an audit entry reads on the page and in the CSV.
import { auditActionLabel } from "@/lib/audit/actions";

const WHEN = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "Monday 6 September 2021 at 14:05" in UK time. */
export function formatAuditWhen(instant: Date): string {
  const parts = Object.fromEntries(WHEN.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

const KEY_LABELS: Record<string, string> = {
  email: "email",
  role: "role",
  from: "from",
  to: "to",
  stepDown: "stepped down to editor",
  filename: "file",
  filters: "filters",
  rows: "rows",
  kind: "kind",
};

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(valueText).join(", ");
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k} ${valueText(v)}`)
    .join(", ");
}

// PostgreSQL's jsonb does not keep key order: details are shown in this order, then the rest.
const KEY_ORDER = Object.keys(KEY_LABELS);
const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);

/** The entry's recorded details as one line: "email: a@example.org; from: editor; to: viewer". */
export function formatAuditDetails(data: unknown): string {
  if (data === null || data === undefined) return "";
  if (typeof data !== "object" || Array.isArray(data)) return valueText(data);
  return Object.entries(data as Record<string, unknown>)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([k, v]) => `${KEY_LABELS[k] ?? k}: ${valueText(v)}`)
    .join("; ");
}

export { auditActionLabel };
