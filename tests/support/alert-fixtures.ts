// Helpers for the alert tests: a campaign with people, requests sent on a given day, and a
// clock that the tests move day by day (FOI_NOW, read by lib/time.ts's now()).
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createRequest } from "@/lib/requests/create-request";
import { recordEvent } from "@/lib/requests/record-event";
import { SWEEP_TASK } from "@/lib/alerts/sweep";
import { makeMember, makeWorkspace } from "./factories";

export function setToday(day: string | undefined): void {
  Object.assign(env(), { FOI_NOW: day });
}

export async function forgetSweeps(): Promise<void> {
  await db.scheduledRun.deleteMany({ where: { task: SWEEP_TASK } });
}

export async function alertCampaign() {
  const ws = await makeWorkspace({ withDirectory: true });
  const owner = await makeMember(ws.id, "owner");
  const editor = await makeMember(ws.id, "editor");
  const viewer = await makeMember(ws.id, "viewer");
  const trusts = await db.publicBody.findMany({
    where: { workspaceId: ws.id, kind: { in: ["nhs_trust", "nhs_foundation_trust"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return { ws, owner, editor, viewer, trusts };
}

export async function sendTo(actor: { userId: string; workspaceId: string }, bodyId: string, sentDate: string, title = "Band 7 Lived Experience posts", law = "foia") {
  const created = await createRequest(actor, { title, letter: "Dear trust, please tell us ...", law, channel: "email", bodyId, sentDate });
  if (!created.ok) throw new Error(`createRequest failed: ${JSON.stringify(created)}`);
  return created.requestId;
}

export async function record(actor: { userId: string; workspaceId: string }, requestId: string, kind: string, date: string, extra: Record<string, unknown> = {}) {
  const result = await recordEvent(actor, { requestId, kind, date, ...extra });
  if (!result.ok) throw new Error(`recordEvent ${kind} on ${date} failed: ${JSON.stringify(result)}`);
}

export async function storedDates(requestId: string) {
  const r = await db.foiRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { status: true, receivedOn: true, dueOn: true, veryOverdueOn: true, waitingSince: true, reviewDueOn: true, reviewVeryOverdueOn: true, reviewRequestedOn: true },
  });
  const d = (x: Date | null) => x?.toISOString().slice(0, 10) ?? null;
  return {
    status: r.status,
    receivedOn: d(r.receivedOn),
    dueOn: d(r.dueOn),
    veryOverdueOn: d(r.veryOverdueOn),
    waitingSince: d(r.waitingSince),
    reviewDueOn: d(r.reviewDueOn),
    reviewRequestedOn: d(r.reviewRequestedOn),
    reviewVeryOverdueOn: d(r.reviewVeryOverdueOn),
  };
}

/** Every alert of a workspace as "raisedOn kind cycle requestId" lines, sorted. */
export async function alertLines(workspaceId: string): Promise<string[]> {
  const rows = await db.alert.findMany({ where: { workspaceId }, select: { raisedOn: true, kind: true, cycle: true, requestId: true } });
  const d = (x: Date) => x.toISOString().slice(0, 10);
  return rows.map((a) => `${d(a.raisedOn)} ${a.kind} ${d(a.cycle)} ${a.requestId}`).sort();
}

export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}
