// Only same-site paths: an open redirect would make phishing links look like ours.
// Parsing as a URL catches the tricks a prefix check misses ("//evil", "/\evil", "/\t/evil").
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value) return "/";
  try {
    const base = "http://same.invalid";
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
