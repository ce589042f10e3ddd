import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIDENT_SCORE, matchTrustNames, type MatchableBody } from "@/lib/bodies/match-trust-names";
import { seedBodies } from "@/prisma/seed/bodies";

// The directory as a workspace has it, with each body's line in NHS England's response
// (FOI-2108-1525161) as an alias, which is what lib/outcomes passes to the matcher.
const directory: MatchableBody[] = seedBodies.map((b) => ({ id: b.key, name: b.name, shortName: b.shortName, odsCode: b.odsCode, aliases: [b.nameInResponse] }));
const withoutAliases: MatchableBody[] = directory.map(({ aliases: _aliases, ...b }) => b);
const trusts = seedBodies.filter((b) => b.kufOutcome);

// The two "Provider name" tables exactly as they appear in the response (its text is
// seeded as the NHS England request's correspondence), trailing spaces and all.
const response = fs.readFileSync(path.join(import.meta.dirname, "../../prisma/seed/nhs-england/04-response.txt"), "utf8").split("\n");
function providerTable(occurrence: number): string {
  const starts = response.flatMap((line, i) => (line.trim() === "Provider name" ? [i] : []));
  const start = starts[occurrence]!;
  const end = response.findIndex((line, i) => i > start && line.trim() === "");
  return response.slice(start, end).join("\n");
}
const fundedTable = providerTable(0);
const didNotApplyTable = providerTable(1);

const keysOf = (outcome: "funded" | "did_not_apply" | "applied_withdrew" | Array<string>) =>
  Array.isArray(outcome) ? outcome : trusts.filter((b) => b.kufOutcome === outcome).map((b) => b.key);

describe("the lists in NHS England's response", () => {
  it("the response really lists 55 trusts in two tables", () => {
    expect(trusts).toHaveLength(55);
    expect(fundedTable.split("\n")).toHaveLength(1 + 23 + 3); // header, 23 one-line entries, Sheffield over three lines
    expect(didNotApplyTable.split("\n")).toHaveLength(1 + 31);
  });

  it("the 24 funded lines, pasted as written, match the 24 funded trusts in order, the Sheffield bid as one entry", () => {
    const result = matchTrustNames(fundedTable, directory);
    expect(result.ambiguous).toEqual([]);
    expect(result.unmatched).toEqual([]);
    expect(result.ignored).toEqual(["Provider name"]);
    expect(result.matched.map((m) => m.bodyId)).toEqual(keysOf("funded"));
    const sheffield = result.matched.find((m) => m.bodyId === "sheffield-partnership")!;
    expect(sheffield.line).toMatch(/^Partnership bid in line with .* Primary Care Sheffield \(PCS\)$/);
  });

  it("the 31 did-not-apply lines, pasted as written, match the 31 trusts that did not apply (two later withdrew)", () => {
    const result = matchTrustNames(didNotApplyTable, directory);
    expect(result.ambiguous).toEqual([]);
    expect(result.unmatched).toEqual([]);
    expect(result.matched.map((m) => m.bodyId)).toEqual(trusts.filter((b) => b.kufOutcome !== "funded").map((b) => b.key));
    expect(result.matched.every((m) => m.how === "exact" && m.score === 1)).toBe(true);
  });

  it("every nameInResponse on its own line matches its trust", () => {
    const result = matchTrustNames(trusts.map((b) => b.nameInResponse).join("\n"), directory);
    expect(result.matched.map((m) => m.bodyId)).toEqual(trusts.map((b) => b.key));
    expect(result.ambiguous.length + result.unmatched.length).toBe(0);
  });

  it("the whole response, prose and all, still matches the 55 and accepts nothing else", () => {
    const result = matchTrustNames(response.join("\n"), directory);
    const matchedTrusts = result.matched.filter((m) => m.bodyId !== "nhs-england");
    expect(matchedTrusts.map((m) => m.bodyId)).toEqual(trusts.map((b) => b.key));
    // "NHS England" on its own in the signature is a name, exactly; no prose line is matched.
    expect(result.matched.filter((m) => m.bodyId === "nhs-england").every((m) => m.line === "NHS England")).toBe(true);
  });
});

describe("each official name", () => {
  it.each(seedBodies.map((b) => [b.name, b.key]))("%s matches itself", (name, key) => {
    for (const bodies of [directory, withoutAliases]) {
      const result = matchTrustNames(name, bodies);
      expect(result.matched).toEqual([{ line: name, bodyId: key, bodyName: name, how: "exact", score: 1 }]);
    }
  });

  it("an ODS code or short name on its own line matches", () => {
    const result = matchTrustNames("RPG\nslam\nC&I\n  rx3  ", directory);
    expect(result.matched.map((m) => [m.bodyId, m.how])).toEqual([
      ["oxleas", "exact"],
      ["south-london-and-maudsley", "exact"],
      ["camden-and-islington", "exact"],
      ["tees-esk-and-wear-valleys", "exact"],
    ]);
  });
});

describe("variants of a name match once normalised", () => {
  it.each([
    ["oxleas nhs foundation trust", "oxleas", "exact"],
    ["Coventry and Warwickshire Partnership NHS Trust", "coventry-and-warwickshire", "exact"],
    ["Surrey and Borders Partnership NHS Foundation Trust", "surrey-and-borders", "exact"],
    ["Lancashire and South Cumbria NHS FT", "lancashire-and-south-cumbria", "normalised"],
    ["Berkshire Healthcare NHS FT", "berkshire-healthcare", "normalised"],
    ["Oxleas Foundation Trust", "oxleas", "normalised"],
    ["Derbyshire Healthcare Foundation Trust", "derbyshire-healthcare", "normalised"],
    ["Tees Esk and Wear Valleys NHS Foundation Trust", "tees-esk-and-wear-valleys", "normalised"],
    ["Tees Esk & Wear Valleys", "tees-esk-and-wear-valleys", "normalised"],
    ["South West London & St Georges Mental Health", "south-west-london-and-st-georges", "normalised"],
    ["South West London and St George\u2019s Mental Health NHS Trust", "south-west-london-and-st-georges", "exact"],
    ["Barnet Enfield and Haringey Mental Health Trust", "barnet-enfield-and-haringey", "normalised"],
    ["Dorset Healthcare University NHS Foundation Trust", "dorset-healthcare", "exact"],
    ["Dorset Health Care NHS Foundation Trust", "dorset-healthcare", "normalised"],
    ["Livewell South West CIC", "livewell-southwest", "normalised"],
    ["Livewell Southwest Community Interest Company", "livewell-southwest", "normalised"],
    ["  * Humber Teaching NHS Foundation Trust,", "humber-teaching", "exact"],
    ["3. Solent NHS Trust", "solent", "exact"],
    ["Leicestershire Partnership Trust", "leicestershire-partnership", "normalised"],
  ])("%j -> %s (%s)", (line, key, how) => {
    const result = matchTrustNames(line, withoutAliases);
    expect(result.matched).toHaveLength(1);
    expect(result.matched[0]).toMatchObject({ bodyId: key, how });
  });
});

describe("misspellings either match (fuzzy) or are reported, never matched wrongly", () => {
  it.each([
    ["Oxleas NHS Foundaton Trust", "oxleas"],
    ["Oxleas NHS Foundation Trsut", "oxleas"],
    ["Oxford Helth", "oxford-health"],
    ["Oxford Health NHS Foundation Trust", "oxford-health"],
    ["Pennine Care NHS Foundtion Trust", "pennine-care"],
    ["Cornwal Partnership NHS Foundation Trust", "cornwall-partnership"],
    ["Gloucestershire Helth and Care", "gloucestershire-health-and-care"],
    ["Nottinghamshire Healthcare NHS Foundaion Trust", "nottinghamshire-healthcare"],
    ["Greater Manchester Mental Heath", "greater-manchester-mental-health"],
    ["Birmingham and Solihul Mental Health NHS Foundation Trust", "birmingham-and-solihull"],
    ["Sheffield Health and Social Care NHS Foundation Trust", "sheffield-partnership"],
  ])("%j -> %s, or offered for a person to choose", (line, key) => {
    const result = matchTrustNames(line, directory);
    expect(result.ignored).toEqual([]);
    if (result.matched.length === 1) {
      expect(result.matched[0]!.bodyId).toBe(key);
      expect(result.matched[0]!.score).toBeGreaterThanOrEqual(CONFIDENT_SCORE);
    } else {
      const offered = [...result.ambiguous.flatMap((a) => a.candidates), ...result.unmatched.flatMap((u) => u.suggestions)];
      expect(offered[0]?.bodyId).toBe(key);
    }
  });

  it("a misspelt suffix or a slip in a name is a fuzzy match, not an exact one", () => {
    const result = matchTrustNames("Oxleas NHS Foundaton Trust\nOxford Helth", directory);
    expect(result.matched.map((m) => [m.bodyId, m.how])).toEqual([
      ["oxleas", "fuzzy"],
      ["oxford-health", "fuzzy"],
    ]);
    expect(result.matched.every((m) => m.score < 1)).toBe(true);
  });

  it("a name shared by several trusts is ambiguous, with each as a candidate", () => {
    const result = matchTrustNames("Birmingham", directory);
    expect(result.matched).toEqual([]);
    expect(result.ambiguous).toHaveLength(1);
    expect(result.ambiguous[0]!.candidates.map((c) => c.bodyId).sort()).toEqual(["birmingham-and-solihull", "birmingham-womens-and-childrens"]);
  });

  it.each([
    ["London", ["central-and-north-west-london", "east-london", "north-east-london", "south-london-and-maudsley", "west-london"]],
    // West London NHS Trust's old name also fits South West London and St George's.
    ["West London Mental Health Trust", ["south-west-london-and-st-georges", "west-london"]],
  ])("%j is ambiguous", (line, candidates) => {
    const result = matchTrustNames(line, directory);
    expect(result.matched).toEqual([]);
    expect(result.ambiguous[0]!.candidates.map((c) => c.bodyId).sort()).toEqual(candidates);
  });

  it.each(["East London", "West London", "North East London", "South West London"])("%j is not confused with its neighbours", (line) => {
    const result = matchTrustNames(line, withoutAliases);
    const expected: Record<string, string[]> = {
      "East London": ["east-london"],
      "West London": ["west-london"],
      "North East London": ["north-east-london"],
      // Part of a name: offered, not matched.
      "South West London": [],
    };
    expect(result.matched.map((m) => m.bodyId)).toEqual(expected[line]);
  });

  it("an unknown trust is unmatched", () => {
    const result = matchTrustNames("Made Up Trust", directory);
    expect(result.matched).toEqual([]);
    expect(result.ambiguous).toEqual([]);
    expect(result.unmatched).toEqual([{ line: "Made Up Trust", suggestions: [] }]);
  });

  it("a near miss is unmatched with suggestions", () => {
    const result = matchTrustNames("Kent and Medway Partnership Foundation Trust", withoutAliases);
    expect(result.unmatched.length + result.ambiguous.length).toBe(1);
    const offered = [...result.ambiguous.flatMap((a) => a.candidates), ...result.unmatched.flatMap((u) => u.suggestions)];
    expect(offered[0]?.bodyId).toBe("kent-and-medway");
  });
});

describe("lines", () => {
  it("blank lines are skipped, headers ignored, Windows line ends handled, order kept", () => {
    const result = matchTrustNames("\r\nProvider name\r\n\r\nSolent NHS Trust\r\n   \r\nOxleas NHS Foundation Trust\r\n", directory);
    expect(result.ignored).toEqual(["Provider name"]);
    expect(result.matched.map((m) => m.bodyId)).toEqual(["solent", "oxleas"]);
  });

  it("empty text gives nothing", () => {
    expect(matchTrustNames("", directory)).toEqual({ matched: [], ambiguous: [], unmatched: [], ignored: [] });
  });

  it("lines that name no body, however generic, are never matched", () => {
    const result = matchTrustNames("NHS Foundation Trust\nThe Trust\nHealth", directory);
    expect(result.matched).toEqual([]);
  });
});
