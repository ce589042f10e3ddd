"use server";
// Saves what an editor fills in about a trust (its FOI address, website, notes), one at a time or
// from a CSV (checked, then confirmed).
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { readForm } from "@/lib/edge/define-action";
import type { DirectoryImportFormState, DirectoryImportPreview } from "@/lib/bodies/directory-import";
import { applyDirectoryImport, choicesFromForm, previewDirectoryImport } from "@/lib/bodies/import-directory";
import { updateBodySchema } from "@/lib/bodies/schemas";
import { updateBody } from "@/lib/bodies/update-body";
import { plural } from "@/lib/text/plural";

export const updateBodyAction = workspaceAction(updateBodySchema, async (actor, input) => {
  await updateBody(actor, input);
  return { ok: true, message: "Saved.", revalidate: [`/trusts/${input.bodyId}`] };
});

// The file and the pasted text arrive as they are; the service checks the text.
const importForm = z.looseObject({ text: z.string().catch(""), file: z.unknown().optional() });

/** An uploaded file wins over the text box (a person who chose a file meant it). */
async function csvText(input: z.infer<typeof importForm>): Promise<string> {
  return input.file instanceof File && input.file.size > 0 ? await input.file.text() : input.text;
}

/** Step one: read the file and match each row. Saves nothing. */
async function checkImport(previous: DirectoryImportFormState, formData: FormData): Promise<DirectoryImportFormState> {
  let preview: DirectoryImportPreview | undefined;
  const state = await workspaceAction(
    importForm,
    async (actor, input) => {
      preview = await previewDirectoryImport(actor, { text: await csvText(input) });
      const count = (status: string) => preview!.plan.filter((p) => p.status === status).length;
      const toChoose = count("choose") + count("unknown");
      return {
        ok: true,
        message:
          `Checked ${plural(preview.plan.length, "row", "rows")}: ${count("update")} to update, ${count("unchanged")} already up to date` +
          (toChoose ? `, ${toChoose} to choose for` : "") +
          (count("invalid") ? `, ${count("invalid")} with problems` : "") +
          ". Nothing is saved yet.",
      };
    },
    { read: readForm },
  )(previous, formData);
  // The file's text travels on in the confirm form; never echo a File back.
  return state.ok ? { ...state, preview, values: undefined } : { ...state, values: { text: typeof formData.get("text") === "string" ? String(formData.get("text")) : "" } };
}

/** Step two: save the rows the person ticked or chose, all or nothing. */
async function confirmImport(previous: DirectoryImportFormState, formData: FormData): Promise<DirectoryImportFormState> {
  const state = await workspaceAction(importForm, async (actor, input) => {
    const saved = await applyDirectoryImport(actor, { text: input.text }, choicesFromForm(input));
    return {
      ok: true,
      message: saved.updated === 0 ? "Nothing to change: the chosen trusts were already up to date." : `Saved ${plural(saved.updated, "trust", "trusts")} (${plural(saved.fieldsChanged, "detail", "details")} changed).`,
      revalidate: [{ path: "/trusts", type: "layout" }],
    };
  })(previous, formData);
  if (state.ok) return state;
  // Not saved: check the same text again so the rows (and the choices echoed in state.values)
  // are back on screen to correct, with or without JavaScript.
  const again = await checkImport(previous, formData);
  return { ...state, preview: again.preview };
}

export async function importDirectoryAction(previous: DirectoryImportFormState, formData: FormData): Promise<DirectoryImportFormState> {
  return formData.get("intent") === "save" ? confirmImport(previous, formData) : checkImport(previous, formData);
}
