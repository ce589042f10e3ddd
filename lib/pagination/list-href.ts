/** A list page's URL with its current filters, some of them changed (an empty value drops it). */
export function listHref(path: string, params: Record<string, string | undefined>, changes: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...changes })) if (v) query.set(k, v);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
