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

/**
 * The campaign's follow-up to the trusts that did not take up the Band 7 Lived Experience
 * Professional post funding for the Knowledge and Understanding Framework (KUF), offered by NHS
 * England's regional mental health teams in December 2020 (NHS England's answer to
 * FOI-2108-1525161, https://www.whatdotheyknow.com/request/funding_for_band_7_lxp_kuf_roles).
 * Written to be answerable and hard to refuse:
 * - recorded information only, over a stated date range (FOIA s1(1), s84 "information");
 * - job titles, not names, so nothing needs withholding as personal data (s40(2));
 * - the reasons NHS England reported (short timescales; Covid-19 pressures) and the trust's own
 *   reply to its regional team, which the trust will hold;
 * - advice and assistance before any cost refusal (s16; s45 Code of Practice Part 6).
 */
export const DID_NOT_APPLY_FOLLOW_UP: Omit<SuggestedTemplate, "name"> = {
  titleTemplate: "Band 7 Lived Experience KUF post funding (winter 2020-21): {{body.shortName}}'s decision",
  template: `Dear {{body.name}},

I am writing to request information under the Freedom of Information Act 2000. I am asking for recorded information the trust holds; I am not asking the trust to create new information.

In December 2020 NHS England's regional mental health teams offered the lead providers of secondary adult mental health services in England funding for a Band 7 Lived Experience Professional post to lead the Knowledge and Understanding Framework (KUF), the co-produced training for staff working with people with complex emotional needs. In its answer to our request {{parent.reference}} of {{parent.date}} ("{{parent.title}}"), NHS England listed your trust as: {{outcome}}. NHS England said the trusts that did not apply gave two reasons: the short timescales (the offer came in December for a January and February allocation) and system pressures from the Covid-19 pandemic.

Unless I say otherwise, please provide information dated between 1 November 2020 and 31 March 2021:

1. The trust's reply to its NHS England regional mental health team about the funding offer (for example the email or form saying it would not apply, or withdrawing an application), including any reason it gave.

2. Any other record of the decision not to apply or to withdraw: briefing notes, emails, meeting notes or minutes that discuss the offer, including whether the short timescales or Covid-19 pressures, or any other reason, led to the decision.

3. The job titles (not the names) of the people, or the name of the committee, who made or approved that decision. I ask for job titles only so that nothing needs to be withheld as personal information under section 40(2).

4. Any record of whether Lived Experience Professionals (staff employed because of their lived experience of mental health services) or service user representatives were consulted about, or involved in, that decision.

5. As at the date of this request, and not limited to the dates above: each post at Band 7 or above that the trust employs or has approved, whose job description requires lived experience of mental health services, with its job title, band, whether it is filled, and the date it was created or approved.

If answering any part would exceed the cost limit, please do not refuse the whole request: under section 16 of the Act, please tell me what you could provide within the limit and how I could narrow the request. If some information is exempt, please send the rest and say which exemption applies to what.

If any part of this request is unclear, please contact me so that I can clarify it.

I would prefer to receive the information by email, in an electronic format (for example a searchable PDF or a spreadsheet).

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
