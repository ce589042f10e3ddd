// The reference token our letters carry in their subject ("Band 7 posts [FOI #123]") and the
// Message-IDs they carry in their headers, read back out of replies. Pure.

// Mail programs and people mangle the token: "RE: FW: ... [FOI #123]", "[FOI # 123]",
// "FOI#123", "[FOI #123 ]", "(FOI #123)", "FOI No. 123". A bare "FOI 2021/123" or
// "FOI-2108-1525161" is the body's own reference, never ours: ours always has "#" or brackets.
const TOKENS = [/\bFOI\s*#\s*(\d{1,9})\b/gi, /\[\s*FOI\s*(?:no\.?|n[°º]|number|ref\.?)?\s*:?\s*(\d{1,9})\s*\]/gi, /\bFOI\s*(?:no\.|n[°º])\s*(\d{1,9})\b/gi];

/** Every request number the subject's tokens name, once each, in order of appearance. */
export function foiTokens(subject: string | null | undefined): number[] {
  // Folded headers that were not unfolded ("[FOI\r\n #123]") read as one line.
  const text = (subject ?? "").replace(/\s+/g, " ");
  const found: Array<{ at: number; n: number }> = [];
  for (const pattern of TOKENS) for (const m of text.matchAll(pattern)) found.push({ at: m.index, n: Number(m[1]) });
  const numbers: number[] = [];
  for (const { n } of found.sort((a, b) => a.at - b.at)) if (n > 0 && !numbers.includes(n)) numbers.push(n);
  return numbers;
}

/** "<abc@x>" or "abc@x" to "abc@x": how Message-IDs are compared. */
export function bareMessageId(id: string): string {
  return id.trim().replace(/^<|>$/g, "").trim();
}

/** Every Message-ID in a References or In-Reply-To value (space- or comma-separated, with or without brackets). */
export function messageIdsIn(values: ReadonlyArray<string | null | undefined>): string[] {
  const ids: string[] = [];
  for (const value of values) {
    if (!value) continue;
    const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
    for (const id of bracketed.length ? bracketed : value.split(/[\s,]+/)) {
      const bare = bareMessageId(id);
      if (bare && bare.includes("@") && !ids.includes(bare)) ids.push(bare);
    }
  }
  return ids;
}
