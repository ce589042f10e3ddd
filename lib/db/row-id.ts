import crypto from "node:crypto";

/**
 * Ids for rows written in bulk (where Prisma's cuid default does not apply): unique, URL-safe,
 * sortable enough; the prefix says which table ("d" delivery, "m" message, "e" event, "c" request,
 * "r" batch recipient).
 */
export function newRowId(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${crypto.randomBytes(10).toString("hex")}`;
}
