import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { bodyFiltersSchema, type BodyFilters } from "@/lib/bodies/schemas";

export const BODIES_PER_PAGE = 25;

/** The workspace's first request that recorded per-body outcomes (the NHS England one). */
async function outcomeRequestId(workspaceId: string): Promise<string | null> {
  const first = await db.foiRequest.findFirst({
    where: { workspaceId, deletedAt: null, outcomes: { some: {} } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return first?.id ?? null;
}

export async function listBodies(actor: Actor, rawFilters: Partial<Record<keyof BodyFilters, unknown>> = {}) {
  await requireRole(actor, "viewer");
  const filters = bodyFiltersSchema.parse(rawFilters);
  const where: Prisma.PublicBodyWhereInput = { workspaceId: actor.workspaceId };
  if (filters.q) {
    where.OR = [
      { name: { contains: filters.q, mode: "insensitive" } },
      { shortName: { contains: filters.q, mode: "insensitive" } },
      { odsCode: { equals: filters.q, mode: "insensitive" } },
    ];
  }
  if (filters.region) where.region = filters.region;
  if (filters.status) where.status = filters.status;
  // "Outcome" means what the workspace's outcome-bearing request (the NHS England one) said.
  const outcomeRequest = await outcomeRequestId(actor.workspaceId);
  const outcomeScope = { workspaceId: actor.workspaceId, requestId: outcomeRequest ?? "" };
  if (filters.outcome) where.outcomes = { some: { ...outcomeScope, outcome: filters.outcome } };
  const [total, rows] = await Promise.all([
    db.publicBody.count({ where }),
    db.publicBody.findMany({
      where,
      orderBy: [{ name: "asc" }],
      skip: (filters.page - 1) * BODIES_PER_PAGE,
      take: BODIES_PER_PAGE,
      select: {
        id: true,
        name: true,
        shortName: true,
        odsCode: true,
        region: true,
        status: true,
        outcomes: { where: outcomeScope, select: { outcome: true }, take: 1 },
      },
    }),
  ]);
  return {
    filters,
    total,
    pageCount: Math.max(1, Math.ceil(total / BODIES_PER_PAGE)),
    bodies: rows.map(({ outcomes, ...b }) => ({ ...b, outcome: outcomes[0]?.outcome ?? null })),
  };
}

export async function getBody(actor: Actor, bodyId: string) {
  await requireRole(actor, "viewer");
  const body = await db.publicBody.findFirst({
    where: { id: bodyId, workspaceId: actor.workspaceId },
    select: {
      id: true,
      key: true,
      name: true,
      shortName: true,
      odsCode: true,
      region: true,
      kind: true,
      foiEmail: true,
      website: true,
      wdtkSlug: true,
      status: true,
      statusChangedOn: true,
      successorName: true,
      successor: { select: { id: true, name: true } },
      predecessors: { select: { id: true, name: true } },
      foiStatus: true,
      foiStatusSource: true,
      notes: true,
      outcomes: {
        // What a deleted request said no longer stands (it can be restored for 30 days).
        where: { workspaceId: actor.workspaceId, request: { deletedAt: null } },
        select: { outcome: true, note: true, request: { select: { id: true, title: true, authorityRef: true } } },
      },
      requests: {
        where: { workspaceId: actor.workspaceId, deletedAt: null },
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, title: true, status: true, dueOn: true, sentAt: true },
      },
    },
  });
  if (!body) throw new NotFoundError("That trust is not in this workspace's directory.");
  return body;
}

export async function countBodiesByOutcome(actor: Actor) {
  await requireRole(actor, "viewer");
  const requestId = await outcomeRequestId(actor.workspaceId);
  if (!requestId) return [];
  const grouped = await db.bodyOutcome.groupBy({ by: ["outcome"], where: { workspaceId: actor.workspaceId, requestId }, _count: true });
  return grouped.map((g) => ({ outcome: g.outcome, count: g._count }));
}

/** Every body of the workspace by name, for choosing a request's recipient. */
export async function listBodyChoices(actor: Actor) {
  await requireRole(actor, "viewer");
  return db.publicBody.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
