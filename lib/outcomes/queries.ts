import "server-only";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { OUTCOMES } from "@/lib/bodies/schemas";
import { matchTrustNames, type TrustNameMatches } from "@/lib/bodies/match-trust-names";
import type { BodyStatus, Outcome, Prisma } from "@/lib/generated/prisma";
import { aliasesForBodyKey } from "@/lib/outcomes/response-names";
import { MAX_PASTED_CHARACTERS, outcomeSortSchema } from "@/lib/outcomes/schemas";

/** The request, if it is in this workspace and not deleted. Checks no role: callers call requireRole first. */
export async function findRequestOrThrow(workspaceId: string, requestId: string, reader: Pick<Prisma.TransactionClient, "foiRequest"> = db) {
  const request = await reader.foiRequest.findFirst({
    where: { id: requestId, workspaceId, deletedAt: null },
    select: { id: true, title: true, authorityRef: true },
  });
  if (!request) throw new NotFoundError("That request is not in this workspace.");
  return request;
}

const outcomeOrder = new Map<Outcome | null, number>([...OUTCOMES.map((o, i) => [o, i] as const), [null, OUTCOMES.length]]);

export interface BodyOutcomeRow {
  id: string;
  name: string;
  region: string | null;
  status: BodyStatus;
  outcome: Outcome | null;
  note: string | null;
}

/** Every body in the workspace's directory with what this request recorded about it (or null), in the order asked for (as in the URL). */
export async function listOutcomes(actor: Actor, requestId: string, sort?: string) {
  await requireRole(actor, "viewer");
  const request = await findRequestOrThrow(actor.workspaceId, requestId);
  const rows = await db.publicBody.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      region: true,
      status: true,
      outcomes: { where: { workspaceId: actor.workspaceId, requestId: request.id }, select: { outcome: true, note: true }, take: 1 },
    },
  });
  const bodies: BodyOutcomeRow[] = rows.map(({ outcomes, ...b }) => ({ ...b, outcome: outcomes[0]?.outcome ?? null, note: outcomes[0]?.note ?? null }));
  const order = outcomeSortSchema.parse(sort);
  const byName = (a: BodyOutcomeRow, b: BodyOutcomeRow) => a.name.localeCompare(b.name, "en-GB");
  if (order === "name") bodies.sort(byName);
  if (order === "outcome") bodies.sort((a, b) => outcomeOrder.get(a.outcome)! - outcomeOrder.get(b.outcome)! || byName(a, b));
  if (order === "region") bodies.sort((a, b) => (a.region ?? "\uffff").localeCompare(b.region ?? "\uffff", "en-GB") || byName(a, b));
  const counts = Object.fromEntries([...OUTCOMES, "none"].map((o) => [o, 0])) as Record<Outcome | "none", number>;
  for (const b of bodies) counts[b.outcome ?? "none"]++;
  return { request, sort: order, counts, bodies };
}

/**
 * Checks a pasted list of trust names against the workspace's directory. Writes nothing:
 * the person confirms the result, and only then does applyOutcomes save it.
 */
export async function previewPastedList(actor: Actor, requestId: string, text: string): Promise<TrustNameMatches> {
  await requireRole(actor, "editor");
  await findRequestOrThrow(actor.workspaceId, requestId);
  const bodies = await db.publicBody.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, key: true, name: true, shortName: true, odsCode: true },
  });
  return matchTrustNames(
    text.slice(0, MAX_PASTED_CHARACTERS),
    bodies.map(({ key, ...b }) => ({ ...b, aliases: aliasesForBodyKey(key) })),
  );
}
