"use server";
// Pasting a batch's WhatDoTheyKnow addresses back: check (saves nothing), then confirm (one transaction).
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { readFormWithLists } from "@/lib/edge/define-action";
import { checkPastedAddresses, markPastedSent } from "@/lib/batches/paste-back";
import { rowsFromForm, type PasteBackFormState } from "@/lib/batches/paste-back-schemas";
import { plural } from "@/lib/text/plural";

const text = z.string().catch("");
const form = z.looseObject({ batchId: text, text, sentOn: text });
const options = { read: readFormWithLists() };
const batchPath = (batchId: string) => `/batches/${encodeURIComponent(batchId)}`;

async function check(previous: PasteBackFormState, formData: FormData): Promise<PasteBackFormState> {
  let plan: PasteBackFormState["plan"];
  const state = await workspaceAction(
    form,
    async (actor, input) => {
      plan = await checkPastedAddresses(actor, input.batchId, { text: input.text, sentOn: input.sentOn });
      const count = (s: string) => plan!.rows.filter((r) => r.state === s).length;
      return {
        ok: true,
        message:
          `Found ${plural(plan.rows.length, "address", "addresses")}: ${count("matched")} matched` +
          (count("ambiguous") ? `, ${count("ambiguous")} to choose` : "") +
          (count("refused") ? `, ${count("refused")} refused` : "") +
          ". Nothing is marked as sent yet.",
      };
    },
    options,
  )(previous, formData);
  return state.ok ? { ...state, plan } : state;
}

async function confirm(previous: PasteBackFormState, formData: FormData): Promise<PasteBackFormState> {
  const state = await workspaceAction(
    form,
    async (actor, input) => {
      const { marked } = await markPastedSent(actor, input.batchId, { rows: rowsFromForm(input) });
      // To the batch page, which says so: once every letter is marked, the paste-back box (and its status line) is gone.
      return { ok: true, revalidate: [batchPath(input.batchId), "/requests"], redirectTo: `${batchPath(input.batchId)}?pasted=${marked}` };
    },
    options,
  )(previous, formData);
  if (state.ok) return state;
  // Nothing saved: the same list comes back (with the choices echoed in state.values) to correct.
  const again = await check(previous, formData);
  return { ...state, plan: again.plan };
}

export async function pasteBackAction(previous: PasteBackFormState, formData: FormData): Promise<PasteBackFormState> {
  return formData.get("intent") === "confirm" ? confirm(previous, formData) : check(previous, formData);
}
