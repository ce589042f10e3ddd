import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { copyDirectoryInto } from "@/lib/bodies/copy-directory";
import { recordAudit } from "@/lib/audit/record-audit";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";
import { seedBodies } from "@/prisma/seed/bodies";
import type { EventKind, MessageDirection } from "@/lib/generated/prisma";

export const SEED_WORKSPACE = { name: "LXP Revolution", slug: "lxp-revolution" };
export const NHSE_REFERENCE = "FOI-2108-1525161";

const SEED_DIR = path.join(process.cwd(), "prisma", "seed", "nhs-england");
const text = (file: string) => fs.readFileSync(path.join(SEED_DIR, file), "utf8");
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

// The response is dated only by LXP Revolution's blog post of its results (31 August
// 2021), so the response, acknowledgement and thank-you are "on or before" dates.
const correspondence: Array<{
  file: string;
  direction: MessageDirection;
  from: string;
  subject: string;
  on: string;
  event?: { kind: EventKind; approximate: boolean; note?: string };
}> = [
  { file: "01-request.txt", direction: "outgoing", from: "LXP Revolution", subject: "Freedom of Information request - Funding for Band 7 LXP KUF roles in England", on: "2021-08-02", event: { kind: "sent", approximate: false } },
  { file: "02-automatic-reply.txt", direction: "incoming", from: "CONTACTUS, England (NHS England & NHS Improvement - X24)", subject: "Automatic reply", on: "2021-08-02" },
  { file: "03-acknowledgement.txt", direction: "incoming", from: "FOITEAMCRMMAILBOX (NHS England & NHS Improvement - X24)", subject: "Acknowledgement - FOI-2108-1525161", on: "2021-08-31", event: { kind: "acknowledged", approximate: true, note: "NHS England\u2019s acknowledgement quoted the date of the request; the exact date it arrived is not recorded." } },
  { file: "04-response.txt", direction: "incoming", from: "FOITEAMCRMMAILBOX (NHS England & NHS Improvement - X24)", subject: "Response - FOI-2108-1525161", on: "2021-08-31", event: { kind: "response_successful", approximate: true, note: "Answered on or before 31 August 2021, when LXP Revolution published the results. 24 trusts funded, 31 did not apply." } },
  { file: "05-thank-you.txt", direction: "outgoing", from: "LXP Revolution", subject: "Re: Response - FOI-2108-1525161", on: "2021-08-31", event: { kind: "note", approximate: true, note: "Thanked NHS England and asked again when the funding will be re-offered." } },
];

export interface SeedResult {
  seeded: boolean;
  ownerEmail?: string;
  ownerPassword?: string;
}

/** First start on an empty database: the campaign, its owner, the directory and the NHS England request. */
export async function seedIfEmpty(): Promise<SeedResult> {
  if ((await db.workspace.count()) > 0) return { seeded: false };
  const ownerEmail = env().SEED_OWNER_EMAIL.toLowerCase();
  const ownerPassword = generatePassword();
  const passwordHash = await hashPassword(ownerPassword);
  const requestId = await db.$transaction(
    async (tx) => {
      const workspace = await tx.workspace.create({ data: SEED_WORKSPACE, select: { id: true } });
      const owner = await tx.user.create({
        data: { email: ownerEmail, name: "LXP Revolution owner", passwordHash, mustChangePassword: true },
        select: { id: true },
      });
      await tx.membership.create({ data: { userId: owner.id, workspaceId: workspace.id, role: "owner" } });
      const idByKey = await copyDirectoryInto(tx, workspace.id);
      const request = await tx.foiRequest.create({
        data: {
          workspaceId: workspace.id,
          bodyId: idByKey.get("nhs-england")!,
          law: "foia",
          title: "Funding for Band 7 LXP KUF roles in England",
          letter: text("01-request.txt"),
          channel: "whatdotheyknow",
          externalUrl: "https://www.whatdotheyknow.com/request/funding_for_band_7_lxp_kuf_roles",
          authorityRef: NHSE_REFERENCE,
          status: "successful",
          sentAt: day("2021-08-02"),
          createdById: owner.id,
        },
        select: { id: true },
      });
      for (const item of correspondence) {
        const message = await tx.message.create({
          data: {
            workspaceId: workspace.id,
            requestId: request.id,
            direction: item.direction,
            fromName: item.from,
            subject: item.subject,
            sentAt: day(item.on),
            bodyText: text(item.file),
          },
          select: { id: true },
        });
        if (item.event) {
          await tx.requestEvent.create({
            data: {
              workspaceId: workspace.id,
              requestId: request.id,
              kind: item.event.kind,
              occurredAt: day(item.on),
              approximate: item.event.approximate,
              note: item.event.note,
              messageId: message.id,
              createdById: owner.id,
            },
          });
        }
      }
      await tx.bodyOutcome.createMany({
        data: seedBodies
          .filter((b) => b.kufOutcome)
          .map((b) => ({ workspaceId: workspace.id, requestId: request.id, bodyId: idByKey.get(b.key)!, outcome: b.kufOutcome!, note: `Listed as "${b.nameInResponse}".` })),
      });
      await recordAudit({ workspaceId: workspace.id, userId: owner.id, action: "workspace.seed", entity: "Workspace", entityId: workspace.id }, tx);
      return request.id;
    },
    { timeout: 30_000 },
  );
  await unsafeRecomputeClock(requestId);
  return { seeded: true, ownerEmail, ownerPassword };
}
