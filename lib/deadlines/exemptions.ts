// Which FOIA exemptions can justify a public interest extension. FOIA s10(3) extends the time
// only "to consider the public interest" under s2(1)(b) or s2(2)(b), that is for a qualified
// exemption; s2(3) lists the absolute ones, for which there is no public interest test.
// Pure: no I/O.

/** FOIA s2(3): wholly absolute exemptions (s21, s23, s32, s34, s41, s44). */
const ABSOLUTE_SECTIONS = new Set(["21", "23", "32", "34", "41", "44"]);
/** Part II of FOIA: s21 to s44, with s22A (research) inserted by the Protection of Freedoms Act 2012. */
const PART_II = /^(2[1-9]|3\d|4[0-4]|22A)$/;

export interface ParsedExemption {
  /** "43", "22A" */
  section: string;
  /** "(2)", "(4A)"; "" when none given. */
  subsection: string;
}

/** "s43(2)", "section 43", "S.22A" -> { section, subsection }; null when it is not a FOIA section. */
export function parseFoiaExemption(text: string): ParsedExemption | null {
  const match = /^\s*(?:s(?:ection)?\.?\s*)?(\d{1,2}A?)\s*((?:\(\w+\))*)\s*$/i.exec(text);
  if (!match) return null;
  const section = match[1]!.toUpperCase();
  if (!PART_II.test(section)) return null;
  return { section, subsection: (match[2] ?? "").toUpperCase() };
}

/**
 * Whether a named exemption is qualified (subject to the public interest test), so can carry a
 * s10(3) extension. s36 is absolute only for information held by either House of Parliament,
 * so it counts. s40(1) and s40(2) (the first condition) are absolute under s2(3)(f); only
 * s40(3B) and s40(4A) are qualified, so a bare "s40" does not count.
 */
export function isQualifiedFoiaExemption(text: string): boolean {
  const parsed = parseFoiaExemption(text);
  if (parsed === null) return false;
  if (ABSOLUTE_SECTIONS.has(parsed.section)) return false;
  if (parsed.section === "40") return parsed.subsection.startsWith("(3B)") || parsed.subsection.startsWith("(4A)");
  return true;
}
