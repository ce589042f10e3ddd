import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { InvalidError, NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { toCsv } from "@/lib/csv/to-csv";
import type { ImportField } from "@/lib/bodies/choices";
import { confirmedUpdates, parseDirectoryCsv, planDirectoryImport, type DirectoryBody, type DirectoryImportPreview } from "@/lib/bodies/directory-import";
import { directoryImportSchema, IMPORT_ROW_PREFIX } from "@/lib/bodies/schemas";
import { statusLabels } from "@/lib/bodies/schemas";
import { todayInLondon } from "@/lib/requests/queries";

// The directory in and out as CSV: editors import FOI addresses (and codes, websites, regions)
// for many trusts at once, checked and confirmed before anything is saved; anyone can export it.

const DIRECTORY_FIELDS = { id: true, name: true, shortName: true, odsCode: true, region: true, foiEmail: true, website: true, wdtkSlug: true } as const;

type Reader = Pick<Prisma.TransactionClient, "publicBody">;

async function loadDirectory(workspaceId: string, client: Reader = db): Promise<DirectoryBody[]> {
  return client.publicBody.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: DIRECTORY_FIELDS });
}

function parseOrThrow(input: unknown) {
  const parsed = directoryImportSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const csv = parseDirectoryCsv(parsed.data.text);
  if (!csv.ok) throw new InvalidError({ text: [csv.error] }, csv.error);
  return { text: parsed.data.text, csv };
}

/** Step one: read the file and match each row to the directory. Saves nothing. */
export async function previewDirectoryImport(actor: Actor, input: unknown): Promise<DirectoryImportPreview> {
  await requireRole(actor, "editor");
  const { text, csv } = parseOrThrow(input);
  return { text, fields: csv.fields, ignoredColumns: csv.ignoredColumns, plan: planDirectoryImport(csv.rows, await loadDirectory(actor.workspaceId)) };
}

/** The confirm form's choices: line -> trust id ("" skips the line). */
export function choicesFromForm(form: Record<string, unknown>): Map<number, string> {
  const choices = new Map<number, string>();
  for (const [name, value] of Object.entries(form)) {
    if (!name.startsWith(IMPORT_ROW_PREFIX) || typeof value !== "string" || value === "") continue;
    const line = Number(name.slice(IMPORT_ROW_PREFIX.length));
    if (Number.isInteger(line) && line > 0) choices.set(line, value);
  }
  return choices;
}

/**
 * Step two: saves the confirmed rows, all in one transaction. The file is read and matched
 * again against the directory as it is now (under a lock, so two imports or an edit at the same
 * moment go one after the other); a choice the check did not offer, an invalid row or two rows
 * for one trust refuse the whole import, naming the lines. Audited with every change.
 */
export async function applyDirectoryImport(actor: Actor, input: unknown, choices: ReadonlyMap<number, string>): Promise<{ updated: number; fieldsChanged: number }> {
  await requireRole(actor, "editor");
  const { csv } = parseOrThrow(input);
  if (choices.size === 0) throw new InvalidError({ rows: ["Tick or choose at least one trust to save."] }, "Tick or choose at least one trust to save.");
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "PublicBody" WHERE "workspaceId" = ${actor.workspaceId} ORDER BY id FOR UPDATE`;
      const directory = await loadDirectory(actor.workspaceId, tx);
      const confirmed = confirmedUpdates(planDirectoryImport(csv.rows, directory), choices, directory);
      if (!confirmed.ok) {
        const messages = Object.values(confirmed.errors);
        throw new InvalidError(
          { rows: messages, ...Object.fromEntries(Object.entries(confirmed.errors).map(([line, message]) => [`${IMPORT_ROW_PREFIX}${line}`, [message]])) },
          `Nothing was saved. ${messages[0]}${messages.length > 1 ? ` (and ${messages.length - 1} more)` : ""}`,
        );
      }
      for (const update of confirmed.updates) {
        const data = Object.fromEntries(update.changes.map((c) => [c.field, c.to])) as Partial<Record<ImportField, string>>;
        const { count } = await tx.publicBody.updateMany({ where: { id: update.bodyId, workspaceId: actor.workspaceId }, data });
        if (count !== 1) throw new NotFoundError("One of those trusts is not in this workspace's directory, so nothing was saved.");
      }
      const fieldsChanged = confirmed.updates.reduce((n, u) => n + u.changes.length, 0);
      if (confirmed.updates.length > 0) {
        await recordAudit(
          {
            workspaceId: actor.workspaceId,
            userId: actor.userId,
            action: "body.import",
            entity: "PublicBody",
            data: { updated: confirmed.updates.length, bodies: confirmed.updates.map((u) => ({ bodyId: u.bodyId, name: u.bodyName, line: u.line, changes: u.changes.map((c) => ({ field: c.field, from: c.from, to: c.to })) })) },
          },
          tx,
        );
      }
      return { updated: confirmed.updates.length, fieldsChanged };
    },
    { timeout: 60_000 },
  );
}

/** The whole directory as CSV, in the columns the import reads back (cells a spreadsheet would run are neutralised). */
export async function directoryCsv(actor: Actor): Promise<{ filename: string; csv: string }> {
  await requireRole(actor, "viewer");
  const bodies = await db.publicBody.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { name: "asc" },
    select: { ...DIRECTORY_FIELDS, status: true, successorName: true },
  });
  const csv = toCsv(
    ["Name", "Short name", "ODS code", "Region", "FOI email", "Website", "WhatDoTheyKnow name", "Status", "Now part of"],
    bodies.map((b) => [b.name, b.shortName, b.odsCode, b.region, b.foiEmail, b.website, b.wdtkSlug, statusLabels[b.status], b.successorName]),
  );
  const filename = `trusts-${todayInLondon()}.csv`;
  await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "export.directory_csv", entity: "PublicBody", data: { filename, rows: bodies.length } });
  return { filename, csv };
}
