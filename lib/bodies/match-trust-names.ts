// Matches the lines of a pasted trust list (such as the lists in NHS England's response
// FOI-2108-1525161) to the directory. Pure: no I/O, the directory is a parameter.
//
// A line is matched only when we are sure: the same text, the same name once the generic
// parts are taken away ("NHS", "Foundation", "Trust", "&"/"and", case, punctuation), or a
// fuzzy match that is both strong and clearly ahead of the next candidate. Everything
// else is returned for a person to resolve; nothing is ever guessed silently.
import { editDistance } from "@/lib/text/edit-distance";

export interface MatchableBody {
  id: string;
  name: string;
  shortName?: string | null;
  odsCode?: string | null;
  /** Other names the body is known by, such as the exact line in a response. */
  aliases?: string[];
}

export type MatchHow = "exact" | "normalised" | "fuzzy";

export interface Candidate {
  bodyId: string;
  bodyName: string;
  score: number;
}

export interface TrustNameMatches {
  matched: Array<{ line: string; bodyId: string; bodyName: string; how: MatchHow; score: number }>;
  ambiguous: Array<{ line: string; candidates: Candidate[] }>;
  unmatched: Array<{ line: string; suggestions: Candidate[] }>;
  ignored: string[];
}

/** A fuzzy match at or above this, clearly ahead of the next candidate, is accepted. */
export const CONFIDENT_SCORE = 0.85;
/** The best fuzzy candidate must lead the next one by this much to be accepted. */
export const CLEAR_LEAD = 0.08;
/** Candidates at or above this are offered as choices for an ambiguous line. */
export const CANDIDATE_SCORE = 0.55;
const SUGGESTION_SCORE = 0.3;
const MAX_CANDIDATES = 5;
const MAX_SUGGESTIONS = 3;
/** How many consecutive lines may form one entry (the Sheffield partnership bid spans three). */
const MAX_LINES_PER_ENTRY = 4;
/** A spelling-corrected generic word ("Foundaton") still counts as a fuzzy match, not a normalised one. */
const CORRECTED_SCORE = 0.95;

// Column headings in a pasted table, not trusts.
const HEADERS = new Set(["provider name", "provider names", "provider", "providers", "trust", "trusts", "trust name", "trust names", "name", "organisation", "organisation name", "organization", "organization name"]);

// Words that say what kind of body it is rather than which one. "Partnership", "Healthcare"
// and "Mental Health" are kept: they tell trusts apart ("Leicestershire Partnership").
const GENERIC = new Set(["nhs", "foundation", "trust", "trusts", "ft", "university", "teaching", "cic", "ltd", "limited", "the", "and", "of", "for"]);
// Generic words long enough that a misspelling of them is recognisable ("Foundaton").
const GENERIC_FOR_TYPOS = ["foundation", "trust", "university", "teaching", "limited"];

// Word-level expansions, applied before generic words are removed.
const EXPANSIONS: Record<string, string[]> = {
  mh: ["mental", "health"],
  healthcare: ["health", "care"],
  saint: ["st"],
};

interface Key {
  tokens: string[];
  compact: string;
  /** A generic word was recognised only through a spelling correction. */
  corrected: boolean;
}

interface Entry {
  body: MatchableBody;
  exact: Set<string>;
  keys: Key[];
}

function words(text: string): string[] {
  const cleaned = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // St George's, St Georges and St George’s are the same trust.
    .replace(/['\u2018\u2019`\u00b4]/g, "")
    .replace(/&/g, " and ")
    .replace(/\bcommunity interest company\b/g, " cic ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (!cleaned) return [];
  return cleaned.split(" ").flatMap((w) => EXPANSIONS[w] ?? [w]);
}

/** The line as written, compared without regard to case, spacing or apostrophe style. */
function exactForm(text: string): string {
  return text.normalize("NFKC").replace(/[\u2018\u2019`\u00b4]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

function makeKey(text: string, vocabulary: Set<string> | null): Key {
  let corrected = false;
  const tokens: string[] = [];
  for (const word of words(text)) {
    if (GENERIC.has(word)) continue;
    if (vocabulary && !vocabulary.has(word) && GENERIC_FOR_TYPOS.some((g) => tokenSimilarity(word, g) > 0)) {
      corrected = true;
      continue;
    }
    tokens.push(word);
  }
  return { tokens, compact: tokens.join(""), corrected };
}

/**
 * How alike two words are, 0 to 1. Short words must be identical ("East" is not "West");
 * words of 5 to 7 letters may have one slip, longer ones two.
 */
function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 2) return 0;
  const key = a < b ? `${a} ${b}` : `${b} ${a}`;
  let known = similarityMemo.get(key);
  if (known === undefined) {
    known = uncachedTokenSimilarity(a, b);
    similarityMemo.set(key, known);
  }
  return known;
}
// Per call of matchTrustNames: a pasted list repeats the same few hundred words.
const similarityMemo = new Map<string, number>();

function uncachedTokenSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  const allowed = Math.min(a.length, b.length) < 5 ? 0 : longest >= 8 ? 2 : 1;
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return 0;
  const distance = editDistance(a, b);
  return distance <= allowed ? 1 - distance / longest : 0;
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient on character bigrams: tolerant of joined or split words ("Southwest"). */
function bigramDice(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const count of ga.values()) total += count;
  for (const [gram, count] of gb) {
    total += count;
    shared += Math.min(count, ga.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Pairs each word of `a` with its most similar unused word of `b`: the summed similarity and how many found a partner. */
function softOverlap(a: string[], b: string[]): { sum: number; paired: number } {
  const used = new Array<boolean>(b.length).fill(false);
  let sum = 0;
  let paired = 0;
  for (const word of a) {
    let best = 0;
    let bestIndex = -1;
    b.forEach((other, index) => {
      if (used[index]) return;
      const similarity = tokenSimilarity(word, other);
      if (similarity > best) {
        best = similarity;
        bestIndex = index;
      }
    });
    if (bestIndex >= 0) {
      used[bestIndex] = true;
      sum += best;
      paired++;
    }
  }
  return { sum, paired };
}

/**
 * Similarity of a line to one of a body's names, 0 to 1: word Dice (misspelt words count
 * partly) blended with character-bigram Dice, raised when every word of the shorter side
 * is in the other ("Sheffield Health and Social Care" within the partnership's name).
 */
function similarity(line: Key, name: Key): number {
  if (line.tokens.length === 0 || name.tokens.length === 0) return 0;
  const [shorter, longer] = line.tokens.length <= name.tokens.length ? [line.tokens, name.tokens] : [name.tokens, line.tokens];
  const overlap = softOverlap(shorter, longer);
  const wordDice = (2 * overlap.sum) / (line.tokens.length + name.tokens.length);
  const base = 0.6 * wordDice + 0.4 * bigramDice(line.compact, name.compact);
  // One contains the other: a line that is part of a name ("Sheffield Health and Social
  // Care"), or a name with a word or two added. A line of prose that happens to mention a
  // name ("NHS England holds information...") is not. One shared word is weaker evidence.
  const extraWords = line.tokens.length - name.tokens.length;
  const contains = overlap.paired === shorter.length && extraWords <= 2;
  const containment = contains ? (shorter.length >= 2 ? 0.7 : 0.6) + 0.25 * wordDice : 0;
  return round(Math.min(1, Math.max(base, containment)));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function cleanLine(raw: string): string {
  return raw
    .replace(/^\s*(?:[-*\u2022\u00b7\u2013]|\(?\d{1,3}[.)])\s+/, "")
    .replace(/[\s,;.]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function isHeader(line: string): boolean {
  return HEADERS.has(words(line).join(" ")) || !/[a-z0-9]/i.test(line);
}

export function matchTrustNames(pastedText: string, bodies: MatchableBody[]): TrustNameMatches {
  similarityMemo.clear();
  try {
    return matchLines(pastedText, bodies);
  } finally {
    similarityMemo.clear();
  }
}

function matchLines(pastedText: string, bodies: MatchableBody[]): TrustNameMatches {
  const vocabulary = new Set<string>();
  for (const body of bodies) for (const text of [body.name, ...(body.aliases ?? [])]) for (const word of words(text)) vocabulary.add(word);

  const entries: Entry[] = bodies.map((body) => {
    const names = [body.name, ...(body.aliases ?? [])].filter((n) => n.trim());
    const exact = new Set(names.map(exactForm));
    for (const code of [body.shortName, body.odsCode]) if (code?.trim()) exact.add(exactForm(code));
    return { body, exact, keys: names.map((n) => makeKey(n, null)).filter((k) => k.tokens.length > 0) };
  });

  const result: TrustNameMatches = { matched: [], ambiguous: [], unmatched: [], ignored: [] };
  const asCandidate = (entry: Entry, score: number): Candidate => ({ bodyId: entry.body.id, bodyName: entry.body.name, score });

  /** Exact or normalised match of a piece of text, if it names exactly one body. */
  function certain(text: string): { how: MatchHow; entries: Entry[]; corrected: boolean } | null {
    const form = exactForm(text);
    const exact = entries.filter((e) => e.exact.has(form));
    if (exact.length > 0) return { how: "exact", entries: exact, corrected: false };
    const key = makeKey(text, vocabulary);
    if (!key.compact) return null;
    const same = entries.filter((e) => e.keys.some((k) => k.compact === key.compact));
    return same.length > 0 ? { how: "normalised", entries: same, corrected: key.corrected } : null;
  }

  function record(line: string, found: { how: MatchHow; entries: Entry[]; corrected: boolean }) {
    if (found.entries.length > 1) {
      result.ambiguous.push({ line, candidates: found.entries.map((e) => asCandidate(e, 1)) });
    } else if (found.corrected) {
      result.matched.push({ line, bodyId: found.entries[0].body.id, bodyName: found.entries[0].body.name, how: "fuzzy", score: CORRECTED_SCORE });
    } else {
      result.matched.push({ line, bodyId: found.entries[0].body.id, bodyName: found.entries[0].body.name, how: found.how, score: 1 });
    }
  }

  const lines = pastedText.split(/\r\n|\r|\n/).map(cleanLine);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (isHeader(line)) {
      result.ignored.push(line);
      continue;
    }
    const alone = certain(line);
    if (alone) {
      record(line, alone);
      continue;
    }
    // An entry wrapped over several lines, such as the Sheffield partnership bid, is taken
    // as one only when the joined text names a body for certain.
    let joined: { text: string; found: NonNullable<ReturnType<typeof certain>>; last: number } | null = null;
    for (let last = i + 1; last < Math.min(lines.length, i + MAX_LINES_PER_ENTRY); last++) {
      if (!lines[last] || isHeader(lines[last])) break;
      const text = lines.slice(i, last + 1).join(" ");
      const found = certain(text);
      if (found) {
        joined = { text, found, last };
        break;
      }
    }
    if (joined) {
      record(joined.text, joined.found);
      i = joined.last;
      continue;
    }

    const key = makeKey(line, vocabulary);
    const scored = entries
      .map((entry) => ({ entry, score: Math.max(0, ...entry.keys.map((k) => similarity(key, k))) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.entry.body.name.localeCompare(b.entry.body.name));
    const [best, second] = scored;
    if (best && best.score >= CONFIDENT_SCORE && (!second || best.score - second.score >= CLEAR_LEAD)) {
      result.matched.push({ line, bodyId: best.entry.body.id, bodyName: best.entry.body.name, how: "fuzzy", score: best.score });
    } else if (best && best.score >= CANDIDATE_SCORE) {
      result.ambiguous.push({ line, candidates: scored.filter((s) => s.score >= CANDIDATE_SCORE).slice(0, MAX_CANDIDATES).map((s) => asCandidate(s.entry, s.score)) });
    } else {
      result.unmatched.push({ line, suggestions: scored.filter((s) => s.score >= SUGGESTION_SCORE).slice(0, MAX_SUGGESTIONS).map((s) => asCandidate(s.entry, s.score)) });
    }
  }
  return result;
}
