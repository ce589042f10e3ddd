import { describe, expect, it } from "vitest";
import { batchReadiness, type ReadinessInput } from "@/lib/batches/readiness";
import { GENERIC_TEMPLATE, QUESTIONS_PLACEHOLDER } from "@/lib/batches/suggested-templates";

const trust = (id: string, over: Partial<ReadinessInput["recipients"][number]> = {}) => ({
  id,
  bodyId: `body-${id}`,
  bodyName: `Trust ${id}`,
  channel: "email" as const,
  foiEmail: `foi-${id}@example.nhs.uk`,
  ...over,
});

const ready: ReadinessInput = {
  state: "draft",
  template: "Dear {{body.name}},\n\nHow many Band 7 posts do you have?\n\n{{sender.name}}",
  titleTemplate: "Band 7 posts at {{body.name}}",
  recipients: [trust("a"), trust("b")],
};

const kinds = (input: ReadinessInput) => batchReadiness(input).blockers.map((b) => b.kind);

describe("batchReadiness: what stops a batch being sent", () => {
  it("lets a draft with a good letter and reachable recipients go", () => {
    expect(batchReadiness(ready)).toEqual({ ready: true, blockers: [], templateErrors: {} });
  });

  it("stops a batch already sent", () => {
    const r = batchReadiness({ ...ready, state: "sent" });
    expect(r.ready).toBe(false);
    expect(r.blockers).toEqual([{ kind: "already_sent", message: "This batch has already been sent." }]);
  });

  it("stops an unknown merge field in the letter or the title, by field", () => {
    const r = batchReadiness({ ...ready, template: "Dear {{body.nmae}},", titleTemplate: "{{nope}}" });
    expect(r.ready).toBe(false);
    expect(r.blockers.map((b) => (b.kind === "template" ? b.field : b.kind))).toEqual(["template", "titleTemplate"]);
    expect(Object.keys(r.templateErrors).sort()).toEqual(["template", "titleTemplate"]);
    expect(r.blockers[0]!.message).toContain("body.name");
  });

  it("stops the suggested letter while it still has the questions placeholder", () => {
    expect(GENERIC_TEMPLATE.template).toContain(QUESTIONS_PLACEHOLDER);
    const r = batchReadiness({ ...ready, template: GENERIC_TEMPLATE.template, titleTemplate: GENERIC_TEMPLATE.titleTemplate });
    expect(r.ready).toBe(false);
    expect(r.blockers).toEqual([
      { kind: "questions_placeholder", field: "template", message: `Replace ${QUESTIONS_PLACEHOLDER} with your questions before sending.` },
    ]);
    // The template errors shown next to the fields stay the merge-field ones.
    expect(r.templateErrors).toEqual({});
  });

  it("stops a batch with no recipients", () => {
    expect(kinds({ ...ready, recipients: [] })).toEqual(["no_recipients"]);
  });

  it("stops an email recipient without an FOI email, but not a WhatDoTheyKnow or postal one", () => {
    const r = batchReadiness({
      ...ready,
      recipients: [trust("a", { foiEmail: null }), trust("b", { foiEmail: null, channel: "whatdotheyknow" }), trust("c", { foiEmail: null, channel: "post" })],
    });
    expect(r.blockers).toEqual([
      {
        kind: "no_foi_email",
        recipientId: "a",
        bodyId: "body-a",
        bodyName: "Trust a",
        message: "Trust a has no FOI email address: add it in the directory, or send this one via WhatDoTheyKnow or by post.",
      },
    ]);
  });

  it("lists everything at once, the letter first, then the recipients", () => {
    expect(kinds({ ...ready, template: `{{oops}} ${QUESTIONS_PLACEHOLDER}`, recipients: [trust("a", { foiEmail: null })] })).toEqual([
      "template",
      "questions_placeholder",
      "no_foi_email",
    ]);
  });
});
