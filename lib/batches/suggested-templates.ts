// The letters a new batch starts with. Pure: the user edits them before sending.
import type { Outcome } from "@/lib/generated/prisma";
import { outcomeLabels } from "@/lib/bodies/schemas";
import { plural } from "@/lib/text/plural";

export interface SuggestedTemplate {
  name: string;
  titleTemplate: string;
  template: string;
}

/** In the generic letter: sending is refused while it is still there. */
export const QUESTIONS_PLACEHOLDER = "[Write your questions here]";

/** The campaign's follow-up: why the trust did not apply for the Band 7 LXP (KUF) funding. */
export const DID_NOT_APPLY_FOLLOW_UP: Omit<SuggestedTemplate, "name"> = {
  titleTemplate: "Band 7 Lived Experience Professional funding: why {{body.shortName}} did not apply",
  template: `Dear {{body.name}},

I am writing to request information under the Freedom of Information Act 2000.

In December 2020 the Adult Mental Health Team at NHS England offered mental health trusts funding for a Band 7 Lived Experience Professional (LXP) post through the Keyworker/KUF programme. In its answer to our request {{parent.reference}} of {{parent.date}} ("{{parent.title}}"), NHS England listed your trust as: {{outcome}}.

Please provide the following information:

1. Why the trust did not apply for the funding, or withdrew its application, including any paper, minute, email or other record of that decision and of who made it.

2. Whether Lived Experience Professionals (staff or volunteers employed or involved because of their lived experience of mental health services) were involved in that decision, and if so how.

3. Whether the trust has, or plans to create, other Lived Experience posts at Band 7 or above. If so, please give for each post its title, band, whether it is filled, and when it was or will be created.

If any part of this request is unclear, please contact me so that I can clarify it, as section 16 of the Act provides. If some of the information is exempt, please provide the rest.

I would prefer to receive the information by email, in an electronic format.

Yours faithfully,

{{sender.name}}
{{today}}
`,
};

export const GENERIC_TEMPLATE: Omit<SuggestedTemplate, "name"> = {
  titleTemplate: "Request for information to {{body.shortName}}",
  template: `Dear {{body.name}},

I am writing to request information under the Freedom of Information Act 2000.

Please provide the following information:

${QUESTIONS_PLACEHOLDER}

If any part of this request is unclear, please contact me so that I can clarify it. If some of the information is exempt, please provide the rest.

Yours faithfully,

{{sender.name}}
{{today}}
`,
};


/** The letter and name for a batch from a parent request's outcome, or from a directory selection. */
export function suggestTemplate(source: { parentIsNhsEngland: boolean; outcome: Outcome | null; count: number }): SuggestedTemplate {
  const count = plural(source.count, "body", "bodies");
  if (source.outcome === "did_not_apply" && source.parentIsNhsEngland) {
    return { name: `Follow-up: did not apply (${plural(source.count, "trust", "trusts")})`, ...DID_NOT_APPLY_FOLLOW_UP };
  }
  if (source.outcome) {
    return { name: `Follow-up: ${outcomeLabels[source.outcome].toLowerCase()} (${count})`, ...GENERIC_TEMPLATE };
  }
  return { name: `New batch (${count})`, ...GENERIC_TEMPLATE };
}
