// The labelled corpus of replies (tests/fixtures/inbound): a campaign like LXP Revolution's, each
// message run through the real pipeline (parse, file, match, suggest), compared with its label.
// Used by the corpus test and by `npm run -s bench:inbound`.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { copyDirectoryInto } from "@/lib/bodies/copy-directory";
import { createRequest } from "@/lib/requests/create-request";
import { fileReply } from "@/lib/replies/file-reply";
import { inboundAddress } from "@/lib/replies/inbound-address";
import { parseIncomingMail } from "@/lib/replies/parse-mail";
import type { Suggestion } from "@/lib/replies/suggestion";

export const CORPUS_DIR = path.resolve(__dirname, "../fixtures/inbound");

export interface CorpusLabel {
  /** The request a person would file it on (a key below), or null: on none. */
  request: string | null;
  /** The event a person would confirm, or null: nothing to record. */
  event: { kind: Suggestion["kind"]; newDueOn?: string; exemptions?: string[]; result?: Suggestion["result"] } | null;
  about: string;
}

/** The campaign's requests: key, the trust, the law, the trust's FOI address (addresses are made up). */
const REQUESTS = [
  { key: "oxleas", body: "oxleas", law: "foia", email: "foi@oxleas.nhs.example" },
  { key: "sussex", body: "sussex-partnership", law: "foia", email: "foi@sussexpartnership.nhs.example" },
  { key: "camden-a", body: "camden-and-islington", law: "foia", email: "foi@candi.nhs.example" },
  { key: "camden-b", body: "camden-and-islington", law: "foia", email: "foi@candi.nhs.example" },
  { key: "mersey", body: "mersey-care", law: "foia", email: "foi@merseycare.nhs.example" },
  { key: "norfolk", body: "norfolk-and-suffolk", law: "foia", email: "foi@nsft.nhs.example" },
  // A trust whose FOI address is on the shared nhs.net domain.
  { key: "tees", body: "tees-esk-and-wear-valleys", law: "foia", email: "tewv.foi@nhs.net" },
  { key: "leeds-eir", body: "leeds-and-york", law: "eir", email: "foi@lypft.nhs.example" },
  { key: "solent", body: "solent", law: "foia", email: "foi@solent.nhs.example" },
  { key: "oxford", body: "oxford-health", law: "foia", email: "foi@oxfordhealth.nhs.example" },
  { key: "pennine", body: "pennine-care", law: "foia", email: "foi@penninecare.nhs.example" },
  { key: "somerset", body: "somerset", law: "foia", email: "foi@somersetft.nhs.example" },
  { key: "humber", body: "humber-teaching", law: "foia", email: "foi@humber.nhs.example" },
] as const;

export interface CorpusCampaign {
  workspaceId: string;
  slug: string;
  refs: Record<string, number>;
  letters: Record<string, string>;
  requestIds: Record<string, string>;
  /** Another campaign's request, whose token the phishing message copies. */
  otherRef: number;
}

async function workspaceWithEditor(name: string) {
  const slug = `${name}-${crypto.randomUUID().slice(0, 8)}`;
  const workspace = await db.workspace.create({ data: { name: `Corpus ${slug}`, slug }, select: { id: true, slug: true } });
  await db.$transaction((tx) => copyDirectoryInto(tx, workspace.id));
  const user = await db.user.create({ data: { email: `${slug}@example.org` }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role: "editor" } });
  return { workspace, actor: { userId: user.id, workspaceId: workspace.id } };
}

async function sentLetter(actor: { userId: string; workspaceId: string }, bodyKey: string, law: string, email: string) {
  const body = await db.publicBody.findFirstOrThrow({ where: { workspaceId: actor.workspaceId, key: bodyKey }, select: { id: true } });
  await db.publicBody.update({ where: { id: body.id }, data: { foiEmail: email } });
  const created = await createRequest(actor, { title: "Band 7 Lived Experience posts", letter: "Dear trust, ...", law, channel: "email", bodyId: body.id, sentDate: "2021-08-02" });
  if (!created.ok) throw new Error(`corpus request not created: ${JSON.stringify(created)}`);
  const letter = `${crypto.randomUUID()}@foi-tracker.example`;
  await db.delivery.create({
    data: { workspaceId: actor.workspaceId, requestId: created.requestId, toAddress: email, subject: "Band 7 Lived Experience posts", text: "Dear trust", messageId: `<${letter}>`, transport: "smtp", state: "sent", sentAt: new Date("2021-08-02T08:00:00Z") },
  });
  const { reference } = await db.foiRequest.findUniqueOrThrow({ where: { id: created.requestId }, select: { reference: true } });
  return { requestId: created.requestId, reference, letter };
}

export async function buildCorpusCampaign(): Promise<CorpusCampaign> {
  const { workspace, actor } = await workspaceWithEditor("corpus");
  const refs: Record<string, number> = {};
  const letters: Record<string, string> = {};
  const requestIds: Record<string, string> = {};
  for (const r of REQUESTS) {
    const sent = await sentLetter(actor, r.body, r.law, r.email);
    refs[r.key] = sent.reference;
    letters[r.key] = sent.letter;
    requestIds[r.key] = sent.requestId;
  }
  const other = await workspaceWithEditor("other");
  const otherRequest = await sentLetter(other.actor, "oxleas", "foia", "foi@oxleas.nhs.example");
  return { workspaceId: workspace.id, slug: workspace.slug, refs, letters, requestIds, otherRef: otherRequest.reference };
}

/** 26 MB of base64 lines: an attachment over the 25 MB limit, made when needed rather than kept in the repository. */
function bigPart(): string {
  const line = Buffer.alloc(57, 7).toString("base64");
  return Array.from({ length: Math.ceil((26 * 1024 * 1024) / 57) }, () => line).join("\r\n");
}

export interface CorpusMessage {
  name: string;
  raw: Buffer;
  label: CorpusLabel;
}

/** The fixtures with this campaign's tokens, Message-IDs and inbound address put in. */
export function loadCorpus(c: CorpusCampaign): CorpusMessage[] {
  const names = fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".eml")).sort();
  return names.map((file) => {
    const name = file.replace(/\.eml$/, "");
    // latin1 both ways: the bytes of an ISO-8859-1 message come back exactly as they were.
    let text = fs.readFileSync(path.join(CORPUS_DIR, file), "latin1");
    text = text
      .replace(/\{\{ref:([a-z-]+)\}\}/g, (_, key: string) => (key === "other" ? String(c.otherRef) : String(c.refs[key] ?? "0")))
      .replace(/\{\{letter:([a-z-]+)\}\}/g, (_, key: string) => c.letters[key] ?? "none@example")
      .replace(/\{\{inbox\}\}/g, inboundAddress(c.slug))
      .replace("{{bigpart}}", () => bigPart());
    const label = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, `${name}.json`), "utf8")) as CorpusLabel;
    return { name, raw: Buffer.from(text, "latin1"), label };
  });
}

export interface CorpusOutcome {
  name: string;
  label: CorpusLabel;
  /** The request key it was filed on, or null. */
  filedOn: string | null;
  suggestion: Suggestion | null;
  match: "correct" | "wrong" | "unmatched";
  eventCorrect: boolean;
}

function sameEvent(label: CorpusLabel["event"], s: Suggestion | null): boolean {
  if (label === null || s === null) return label === null && s === null;
  if (label.kind !== s.kind) return false;
  if (label.newDueOn !== undefined && label.newDueOn !== s.newDueOn) return false;
  if (label.result !== undefined && label.result !== s.result) return false;
  if (label.exemptions !== undefined && [...label.exemptions].sort().join() !== [...(s.exemptions ?? [])].sort().join()) return false;
  return true;
}

/** Files every corpus message (in file order: later ones may reply to earlier ones) and scores each against its label. */
export async function runCorpus(c: CorpusCampaign, source: "imap" | "smtp" = "imap"): Promise<CorpusOutcome[]> {
  const keyOf = new Map(Object.entries(c.requestIds).map(([key, id]) => [id, key]));
  const outcomes: CorpusOutcome[] = [];
  for (const message of loadCorpus(c)) {
    const filed = await fileReply(c.workspaceId, await parseIncomingMail(message.raw, source, new Date("2021-10-06T12:00:00Z")));
    const filedOn = filed.requestId ? (keyOf.get(filed.requestId) ?? "(another request)") : null;
    const match = filedOn === message.label.request ? "correct" : filedOn === null ? "unmatched" : "wrong";
    outcomes.push({ name: message.name, label: message.label, filedOn, suggestion: filed.suggestion, match, eventCorrect: sameEvent(message.label.event, filed.suggestion) });
  }
  return outcomes;
}
