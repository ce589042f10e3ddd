import { describe, expect, expectTypeOf, it } from "vitest";
import {
  MERGE_FIELD_NAMES,
  MERGE_FIELDS,
  MergeTemplateError,
  missingValues,
  parseTemplate,
  renderTemplate,
  TEMPLATE_MAX_LENGTH,
  type MergeFieldName,
  type MergeValues,
  type TemplateError,
} from "@/lib/batches/merge-fields";
import { seedBodies } from "@/prisma/seed/bodies";

// The follow-up LXP Revolution needs: one letter to each of the 31 trusts NHS England's response
// (FOI-2108-1525161, sent Monday 2 August 2021) lists as not applying or applying then withdrawing.
const FOLLOW_UP = `Dear {{ body.name }} FOI team,

I am writing on behalf of {{sender.name}} under the Freedom of Information Act 2000.

On {{parent.date}} we asked NHS England about "{{parent.title}}" (their reference {{parent.reference}}). Their response lists {{body.shortName}} as: {{outcome}}.

Please send me:
1. Any discussion, by the board or its committees, of applying for the Band 7 Lived Experience post.
2. The reasons {{body.name}} gave NHS England, if any.

Yours faithfully,
{{sender.name}}
{{today}}
`;

const followUpTrusts = seedBodies.filter((b) => b.kufOutcome === "did_not_apply" || b.kufOutcome === "applied_withdrew");

function valuesFor(body: (typeof seedBodies)[number]): MergeValues {
  return {
    body: { name: body.name, shortName: body.shortName },
    parent: { reference: "FOI-2108-1525161", sentOn: "2021-08-02", title: "Funding for Band 7 LXP KUF roles in England" },
    outcome: body.kufOutcome,
    sender: { name: "LXP Revolution" },
    today: "2026-12-01",
  };
}

const nhsEngland: MergeValues = {
  body: { name: "NHS England", shortName: "NHSE" },
  parent: { reference: "FOI-2108-1525161", sentOn: "2021-08-02", title: "Band 7 KUF posts" },
  outcome: null,
  sender: { name: "LXP Revolution" },
  today: "2026-12-01",
};

function errorsOf(text: string): TemplateError[] {
  const result = parseTemplate(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return result.errors;
}

describe("the follow-up letter for every trust that did not apply or withdrew", () => {
  it("covers the 31 trusts in the seed (29 did not apply, 2 withdrew)", () => {
    expect(followUpTrusts).toHaveLength(31);
    expect(followUpTrusts.filter((b) => b.kufOutcome === "applied_withdrew").map((b) => b.name)).toEqual(["Devon Partnership NHS Trust", "Livewell Southwest CIC"]);
    // The names most likely to be mangled by a template engine, spelt as the seed spells them.
    const names = followUpTrusts.map((b) => b.name);
    expect(names).toContain("South West London and St George's Mental Health NHS Trust");
    expect(names).toContain("Birmingham Women's and Children's NHS Foundation Trust");
    expect(names).toContain("Lancashire & South Cumbria NHS Foundation Trust");
    expect(names).toContain("Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust");
  });

  it("parses, with every field used", () => {
    expect(parseTemplate(FOLLOW_UP)).toEqual({
      ok: true,
      fields: ["body.name", "sender.name", "parent.date", "parent.title", "parent.reference", "body.shortName", "outcome", "today"],
    });
  });

  it.each(followUpTrusts.map((b) => [b.name, b] as const))("%s", (_name, body) => {
    const values = valuesFor(body);
    const letter = renderTemplate(FOLLOW_UP, values);
    expect(letter.startsWith(`Dear ${body.name} FOI team,\n`)).toBe(true);
    expect(letter).toContain(`The reasons ${body.name} gave NHS England`);
    expect(letter).toContain(`Their response lists ${body.shortName ?? body.name} as: ${body.kufOutcome === "did_not_apply" ? "Did not apply" : "Applied, then withdrew"}.`);
    expect(letter).toContain('On Monday 2 August 2021 we asked NHS England about "Funding for Band 7 LXP KUF roles in England" (their reference FOI-2108-1525161).');
    expect(letter.endsWith("Yours faithfully,\nLXP Revolution\nTuesday 1 December 2026\n")).toBe(true);
    expect(letter).not.toMatch(/\{\{|\}\}|\[no /);
    expect(missingValues(FOLLOW_UP, values)).toEqual([]);
  });

  it("keeps apostrophes and ampersands as written (plain text: no HTML escaping)", () => {
    const swlstg = followUpTrusts.find((b) => b.key.includes("george") || b.name.includes("St George's"))!;
    const letter = renderTemplate(FOLLOW_UP, valuesFor(swlstg));
    expect(letter).toContain("Dear South West London and St George's Mental Health NHS Trust FOI team,");
    expect(letter).not.toContain("&#39;");
    const lancashire = followUpTrusts.find((b) => b.name.startsWith("Lancashire"))!;
    expect(renderTemplate("{{body.name}}", valuesFor(lancashire))).toBe("Lancashire & South Cumbria NHS Foundation Trust");
    expect(renderTemplate("<p>{{body.name}}</p>", { ...nhsEngland, body: { name: "A <b>&amp; B" } })).toBe("<p>A <b>&amp; B</p>");
  });
});

describe("parseTemplate errors", () => {
  it("names an unknown field, its line, and the closest known field", () => {
    const errors = errorsOf("Dear {{body.name}},\nRe: {{parent.title}}\nAbout {{body.nmae}} and you");
    expect(errors).toEqual([
      { message: "Unknown merge field {{body.nmae}} on line 3: did you mean {{body.name}}?", line: 3, column: 7, field: "body.nmae", suggestion: "body.name" },
    ]);
  });

  it.each<[string, MergeFieldName]>([
    ["{{Body.Name}}", "body.name"], // case
    ["{{ body name }}", "body.name"], // a space for the dot
    ["{{body.shortname}}", "body.shortName"],
    ["{{body.short_name}}", "body.shortName"],
    ["{{parent.refrence}}", "parent.reference"],
    ["{{parent.ref}}", "parent.reference"], // an abbreviation of one field only
    ["{{reference}}", "parent.reference"],
    ["{{parent.dat}}", "parent.date"],
    ["{{outcom}}", "outcome"],
    ["{{sender.nmae}}", "sender.name"],
    ["{{tody}}", "today"],
  ])("%s suggests {{%s}}", (template, suggestion) => {
    const [error] = errorsOf(template);
    expect(error.suggestion).toBe(suggestion);
    expect(error.message).toContain(`did you mean {{${suggestion}}}?`);
  });

  it.each(["{{recipient}}", "{{name}}", "{{x}}"])("%s gets the list of fields rather than a guess", (template) => {
    const [error] = errorsOf(template);
    expect(error.suggestion).toBeUndefined();
    expect(error.message).toBe(`Unknown merge field ${template} on line 1: the fields are {{body.name}}, {{body.shortName}}, {{parent.reference}}, {{parent.date}}, {{parent.title}}, {{outcome}}, {{sender.name}}, {{today}}.`);
  });

  it("refuses an unclosed {{ where it opens, even when a later line closes one", () => {
    expect(errorsOf("Dear {{body.name,\nThanks }}")).toEqual([
      { message: "Unclosed {{ on line 1, column 6: end the field with }}, or write \\{{ for literal braces.", line: 1, column: 6 },
    ]);
    expect(errorsOf("ok\n\nthe end {{").map((e) => [e.line, e.column])).toEqual([[3, 9]]);
  });

  it.each(["{{}}", "{{   }}", "{{\t}}"])("refuses the empty field %j", (template) => {
    const errors = errorsOf(`Hello ${template}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, column: 7 });
    expect(errors[0].message).toMatch(/^Empty merge field .* on line 1, column 7: put a field name between the braces, like \{\{body\.name\}\}\.$/);
  });

  it.each(["{{ {{body.name}} }}", "{{{body.name}}}", "{{body.{name}}}", "{{body}name}}", "{{body.name {{today}}"])("refuses nested braces in %j, once", (template) => {
    const errors = errorsOf(template);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, column: 1 });
    expect(errors[0].message).toContain("Braces inside the merge field");
  });

  it("reports every error, each at its own line and column (CRLF and CR end lines too)", () => {
    const errors = errorsOf("Dear {{body.nmae}},\r\n\r\n{{}} and {{today\rfine {{today}} {{ outcme }}");
    expect(errors.map((e) => [e.line, e.column, e.field])).toEqual([
      [1, 6, "body.nmae"],
      [3, 1, undefined],
      [3, 10, undefined],
      [4, 16, "outcme"],
    ]);
  });

  it("counts columns in characters as seen, not UTF-16 units", () => {
    const [error] = errorsOf("Annwyl 🏥 ŵ {{body.nmae}}");
    expect(error).toMatchObject({ line: 1, column: 12 });
  });

  it("refuses a template over 50,000 characters, and accepts one of exactly 50,000", () => {
    expect(TEMPLATE_MAX_LENGTH).toBe(50_000);
    const ok = "{{body.name}}\n" + "x".repeat(50_000 - 14);
    expect(ok).toHaveLength(50_000);
    expect(parseTemplate(ok)).toEqual({ ok: true, fields: ["body.name"] });
    const errors = errorsOf(ok + "y");
    expect(errors).toEqual([{ message: "The letter is 50,001 characters long; the limit is 50,000. Shorten it from line 2.", line: 2, column: 49_987 }]);
    expect(() => renderTemplate(ok + "y", nhsEngland)).toThrow(MergeTemplateError);
  });

  it("leaves single braces and a stray }} alone", () => {
    expect(parseTemplate("a {b} c }} d {")).toEqual({ ok: true, fields: [] });
    expect(renderTemplate("a {b} c }} d {", nhsEngland)).toBe("a {b} c }} d {");
  });
});

describe("renderTemplate", () => {
  it("allows spaces inside the braces", () => {
    expect(renderTemplate("{{body.name}}|{{ body.name }}|{{\tbody.name  }}", nhsEngland)).toBe("NHS England|NHS England|NHS England");
  });

  it("writes \\{{ as a literal {{ and does not treat what follows as a field", () => {
    expect(parseTemplate("Use \\{{body.name}} for the name: {{body.name}}")).toEqual({ ok: true, fields: ["body.name"] });
    expect(renderTemplate("Use \\{{body.name}} for the name: {{body.name}}", nhsEngland)).toBe("Use {{body.name}} for the name: NHS England");
    expect(renderTemplate("\\{{nonsense \\{{", nhsEngland)).toBe("{{nonsense {{");
    // A lone backslash is just a backslash.
    expect(renderTemplate("C:\\ {body} \\{", nhsEngland)).toBe("C:\\ {body} \\{");
  });

  it("never reads a value as template", () => {
    const values: MergeValues = {
      ...nhsEngland,
      body: { name: "{{body.name}} Trust", shortName: "\\{{today}}" },
      parent: { reference: "{{parent.reference}}", sentOn: "2021-08-02", title: "{{" },
      sender: { name: "$& $1 $$ $' $`" }, // String.replace patterns must not apply
    };
    expect(renderTemplate("{{body.name}}|{{body.shortName}}|{{parent.reference}}|{{parent.title}}|{{sender.name}}", values)).toBe(
      "{{body.name}} Trust|\\{{today}}|{{parent.reference}}|{{|$& $1 $$ $' $`",
    );
  });

  it("keeps Unicode as written", () => {
    const values: MergeValues = { ...nhsEngland, body: { name: "Bwrdd Iechyd Prifysgol Betsi Cadwaladr — ŵ ŷ", shortName: "BCUHB 🏥" } };
    const template = "Annwyl {{body.name}} 👋,\nDiolch — {{body.shortName}}\n“{{today}}” e\u0301";
    expect(renderTemplate(template, values)).toBe("Annwyl Bwrdd Iechyd Prifysgol Betsi Cadwaladr — ŵ ŷ 👋,\nDiolch — BCUHB 🏥\n“Tuesday 1 December 2026” e\u0301");
  });

  it("shows a placeholder for a value that is not known, and missingValues lists it", () => {
    const values: MergeValues = { body: { name: "Solent NHS Trust", shortName: null }, parent: { reference: null, sentOn: null, title: "  " }, today: "2026-12-01" };
    const template = "{{body.shortName}} ref {{parent.reference}} sent {{parent.date}} re {{parent.title}}: {{outcome}}. {{sender.name}} {{parent.reference}}";
    expect(renderTemplate(template, values)).toBe("Solent NHS Trust ref [no reference] sent [no date sent] re [no title]: [no outcome]. [Your name] [no reference]");
    expect(missingValues(template, values)).toEqual(["parent.reference", "parent.date", "parent.title", "outcome", "sender.name"]);
    expect(missingValues(template, { ...values, parent: null })).toEqual(["parent.reference", "parent.date", "parent.title", "outcome", "sender.name"]);
    expect(missingValues("{{body.name}} {{body.shortName}} {{today}}", values)).toEqual([]);
  });

  it("uses outcomeLabels for the outcome", () => {
    expect(renderTemplate("{{outcome}}", { ...nhsEngland, outcome: "funded" })).toBe("Applied and funded");
    expect(renderTemplate("{{outcome}}", { ...nhsEngland, outcome: "applied_unsuccessful" })).toBe("Applied, not funded");
  });

  it("throws for a template parseTemplate refuses, with the same errors", () => {
    const template = "Hi {{body.nmae}}";
    const error = (() => {
      try {
        renderTemplate(template, nhsEngland);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(MergeTemplateError);
    expect((error as MergeTemplateError).errors).toEqual(errorsOf(template));
    expect(() => missingValues(template, nhsEngland)).toThrow(MergeTemplateError);
  });

  it("refuses a date that is not a real YYYY-MM-DD", () => {
    expect(() => renderTemplate("{{today}}", { ...nhsEngland, today: "2026-02-30" })).toThrow(/YYYY-MM-DD/);
    expect(() => renderTemplate("x", { ...nhsEngland, parent: { sentOn: "2 August 2021" } })).toThrow(/YYYY-MM-DD/);
  });
});

describe("MERGE_FIELDS", () => {
  it("describes every field once, in plain words, with an example", () => {
    expect(MERGE_FIELDS.map((f) => f.name)).toEqual([...MERGE_FIELD_NAMES]);
    for (const field of MERGE_FIELDS) {
      expect(field.description).toMatch(/^[A-Z].*\.$/);
      expect(field.example.length).toBeGreaterThan(0);
      expect(parseTemplate(`{{${field.name}}}`)).toEqual({ ok: true, fields: [field.name] });
    }
  });

  it("has examples that match what rendering gives", () => {
    const example = Object.fromEntries(MERGE_FIELDS.map((f) => [f.name, f.example]));
    const values: MergeValues = {
      body: { name: example["body.name"], shortName: example["body.shortName"] },
      parent: { reference: example["parent.reference"], sentOn: "2021-08-02", title: example["parent.title"] },
      outcome: "did_not_apply",
      sender: { name: example["sender.name"] },
      today: "2026-12-01",
    };
    for (const name of MERGE_FIELD_NAMES) expect(renderTemplate(`{{${name}}}`, values)).toBe(example[name]);
    expectTypeOf(MERGE_FIELDS[0].name).toEqualTypeOf<MergeFieldName>();
  });
});
