// How a refusal's exemptions (EIR: exceptions) are named in a letter: "s40(2)" -> "section 40(2)
// (personal information)". Pure. The names are the headings of the provisions, so a reader
// who does not know the numbers can follow; anything not recognised is kept as entered.
import type { Law } from "@/lib/deadlines";

/** FOIA 2000 Part II headings (and s12, s14, which are not exemptions but are relied on the same way). */
const FOIA_SECTIONS: Record<string, string> = {
  "12": "cost of compliance",
  "14": "vexatious or repeated requests",
  "21": "information accessible by other means",
  "22": "information intended for future publication",
  "23": "security bodies",
  "24": "national security",
  "27": "international relations",
  "30": "investigations",
  "31": "law enforcement",
  "35": "formulation of government policy",
  "36": "prejudice to the effective conduct of public affairs",
  "38": "health and safety",
  "40": "personal information",
  "41": "information provided in confidence",
  "42": "legal professional privilege",
  "43": "commercial interests",
  "44": "prohibitions on disclosure",
};

/** FOISA 2002 headings: the numbers differ from FOIA's (personal information is s38 in Scotland). */
const FOISA_SECTIONS: Record<string, string> = {
  "12": "excessive cost of compliance",
  "14": "vexatious or repeated requests",
  "25": "information otherwise accessible",
  "27": "information intended for future publication",
  "30": "prejudice to effective conduct of public affairs",
  "33": "commercial interests and the economy",
  "35": "law enforcement",
  "36": "confidentiality",
  "38": "personal information",
  "39": "health, safety and the environment",
};

/** EIR 2004 regulations 12 and 13. */
const EIR_REGULATIONS: Record<string, string> = {
  "12(4)(a)": "information not held",
  "12(4)(b)": "manifestly unreasonable request",
  "12(4)(c)": "request formulated in too general a manner",
  "12(4)(d)": "material still in the course of completion",
  "12(4)(e)": "internal communications",
  "12(5)(a)": "international relations, defence, national security or public safety",
  "12(5)(b)": "the course of justice",
  "12(5)(e)": "confidentiality of commercial or industrial information",
  "12(5)(f)": "interests of the person who provided the information",
  "13": "personal data",
};

const NUMBER = String.raw`(\d+[A-Z]?(?:\s*\(\s*[0-9a-z]+\s*\))*)`;
const SECTION = new RegExp(String.raw`^(?:s|ss|s\.|sec|sec\.|section)\s*${NUMBER}$`, "i");
const REGULATION = new RegExp(String.raw`^(?:r|r\.|reg|reg\.|regulation)\s*${NUMBER}$`, "i");
const BARE = new RegExp(String.raw`^${NUMBER}$`, "i");

function tidyNumber(n: string): string {
  return n.replace(/\s+/g, "").replace(/^(\d+)([a-z])/, (_, d: string, letter: string) => d + letter.toUpperCase());
}

/** One exemption as a letter names it: "section 43 (commercial interests)", "regulation 12(5)(e) (...)". */
export function citeExemption(raw: string, law: Law): string {
  const text = raw.trim().replace(/\s+/g, " ");
  let kind: "section" | "regulation" | null = null;
  let number = "";
  const section = SECTION.exec(text);
  const regulation = REGULATION.exec(text);
  const bare = BARE.exec(text);
  if (section) [kind, number] = ["section", tidyNumber(section[1])];
  else if (regulation) [kind, number] = ["regulation", tidyNumber(regulation[1])];
  // A bare number means the provision of the law the request was made under.
  else if (bare) [kind, number] = [law === "eir" ? "regulation" : "section", tidyNumber(bare[1])];
  if (kind === null) return text;
  const name =
    kind === "regulation"
      ? law === "eir"
        ? (EIR_REGULATIONS[number] ?? EIR_REGULATIONS[number.replace(/\(.*$/, "")])
        : undefined
      : law === "foia"
        ? FOIA_SECTIONS[number.replace(/\(.*$/, "")]
        : law === "foisa"
          ? FOISA_SECTIONS[number.replace(/\(.*$/, "")]
          : undefined;
  return name ? `${kind} ${number} (${name})` : `${kind} ${number}`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Each exemption named once, in the order first given; blanks dropped. */
export function citeExemptions(raw: readonly string[], law: Law): string[] {
  const seen = new Set<string>();
  const cited: string[] = [];
  for (const r of raw) {
    if (r.trim() === "") continue;
    const c = citeExemption(r, law);
    const key = c.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    cited.push(c);
  }
  return cited;
}

/**
 * Whether a refusal rests on the cost limit or on the request being vexatious: neither is an
 * exemption, and each calls for its own review letter (FOIA s12 and s14, FOISA s12 and s14).
 * EIR has neither: a costly or vexatious request is "manifestly unreasonable" (reg 12(4)(b)), an
 * exception with a public interest test, so it keeps the exception wording.
 */
export function refusalGround(raw: readonly string[], law: Law): "cost" | "vexatious" | null {
  let ground: "cost" | "vexatious" | null = null;
  for (const r of raw) {
    const cited = citeExemption(r, law).toLowerCase();
    if (law === "eir") continue;
    if (/^section 12(\(|\s|$)/.test(cited)) return "cost";
    if (/^section 14(\(|\s|$)/.test(cited)) ground = "vexatious";
  }
  return ground;
}
