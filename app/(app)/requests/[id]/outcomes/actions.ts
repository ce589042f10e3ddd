"use server";
// Per-trust outcomes of a request: one trust from the table, or a pasted list checked and then confirmed.
import { workspaceAction } from "@/lib/auth/workspace-action";
import type { Revalidate } from "@/lib/edge/define-action";
import { previewPastedList } from "@/lib/outcomes/queries";
import { setOutcome } from "@/lib/outcomes/set-outcome";
import { applyOutcomes } from "@/lib/outcomes/apply-pasted-list";
import { plural } from "@/lib/text/plural";
import { applyOutcomesFormSchema, previewPastedListSchema, setOutcomeSchema, type PasteFormState } from "@/lib/outcomes/schemas";

// Trust pages and the directory's outcome filter show the same outcomes.
const outcomePages = (requestId: string): Revalidate[] => [`/requests/${requestId}/outcomes`, `/requests/${requestId}`, { path: "/trusts", type: "layout" }];

export const setOutcomeAction = workspaceAction(setOutcomeSchema, async (actor, input) => {
  const result = await setOutcome(actor, input);
  return { ok: true, message: result.changed ? "Saved." : "No change.", revalidate: result.changed ? outcomePages(input.requestId) : [] };
});

/** Step one: match the pasted lines to the directory. Saves nothing. */
async function checkList(previous: PasteFormState, formData: FormData): Promise<PasteFormState> {
  let preview: PasteFormState["preview"];
  const state = await workspaceAction(previewPastedListSchema, async (actor, input) => {
    const matches = await previewPastedList(actor, input.requestId, input.text);
    preview = { ...matches, outcome: input.outcome, text: input.text };
    const toChoose = matches.ambiguous.length;
    const lines = matches.matched.length + toChoose + matches.unmatched.length;
    if (lines === 0) return { ok: false, message: "No trust names found in that text.", fieldErrors: { text: ["Paste the trust names, one a line."] } };
    return {
      ok: true,
      message:
        `Checked ${plural(lines, "line", "lines")}: ${matches.matched.length} found in the directory` +
        (toChoose ? `, ${plural(toChoose, "needs", "need")} you to choose` : "") +
        (matches.unmatched.length ? `, ${matches.unmatched.length} not found` : "") +
        ". Nothing is saved yet.",
    };
  })(previous, formData);
  return state.ok ? { ...state, preview } : state;
}

/** Step two: save the trusts the person confirmed. */
async function confirmList(previous: PasteFormState, formData: FormData): Promise<PasteFormState> {
  const state = await workspaceAction(applyOutcomesFormSchema, async (actor, input) => {
    const saved = await applyOutcomes(actor, input);
    return {
      ok: true,
      message: `Saved ${plural(input.bodyIds.length, "outcome", "outcomes")}: ${saved.created} new, ${saved.changed} changed, ${saved.unchanged} already recorded.`,
      revalidate: outcomePages(input.requestId),
    };
  })(previous, formData);
  if (state.ok) return state;
  // Not saved: check the same text again so the list (and the choices echoed in
  // state.values) is back on screen to correct, with or without JavaScript.
  const again = await checkList(previous, formData);
  return { ...state, preview: again.preview };
}

export async function pasteListAction(previous: PasteFormState, formData: FormData): Promise<PasteFormState> {
  return formData.get("intent") === "save" ? confirmList(previous, formData) : checkList(previous, formData);
}
