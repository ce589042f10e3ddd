import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRequest } from "@/lib/requests/create-request";
import { getRequest } from "@/lib/requests/get-request";
import { recordEvent } from "@/lib/requests/record-event";
import { draftLetters, letterFactsFromRequest } from "@/lib/letters/draft-letters";
import { makeMember, makeWorkspace } from "../support/factories";

async function campaign() {
  const ws = await makeWorkspace({ withDirectory: true });
  const editor = await makeMember(ws.id, "editor");
  const body = (key: string) =>
    db.publicBody.findFirstOrThrow({ where: { workspaceId: ws.id, key }, select: { id: true, name: true, foiStatus: true, foiStatusSource: true } });
  return { ws, editor, body };
}

describe("each body's FOI status, with its source (FOIA s3(1): Schedule 1, s5, s6)", () => {
  it("FOIA Schedule 1 Part III: the two community interest companies are outside the Act, NHS trusts and foundation trusts inside it, each with its source", async () => {
    const c = await campaign();
    for (const key of ["livewell-southwest", "navigo"]) {
      const cic = await c.body(key);
      expect(cic.foiStatus).toBe("outside_the_act");
      expect(cic.foiStatusSource).toMatch(/Schedule 1/);
      expect(cic.foiStatusSource).toMatch(/section 5/);
      expect(cic.foiStatusSource).toMatch(/section 6/);
      expect(cic.foiStatusSource).toMatch(/https:\/\/www\.legislation\.gov\.uk\/ukpga\/2000\/36\/schedule\/1\/part\/III/);
      expect(cic.foiStatusSource).toMatch(/https:\/\/ico\.org\.uk\//);
    }
    expect(await c.body("oxleas")).toMatchObject({ foiStatus: "public_authority", foiStatusSource: expect.stringMatching(/para 40A \(an NHS foundation trust\)/) });
    expect(await c.body("solent")).toMatchObject({ foiStatus: "public_authority", foiStatusSource: expect.stringMatching(/para 40 \(a National Health Service trust\)/) });
  });

  it("FOIA s3(2)(b): a request to a body outside the Act has no statutory deadline; the page and the letters say so", async () => {
    const c = await campaign();
    const livewell = await c.body("livewell-southwest");
    const created = await createRequest(c.editor, { title: "KUF post funding", letter: "Dear Livewell Southwest CIC, ...", law: "foia", channel: "email", bodyId: livewell.id, sentDate: "2021-08-02" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const request = await getRequest(c.editor, created.requestId);
    expect(request.underTheAct).toBe(false);
    expect(request.nextStep).toMatch(/outside the Act, so no statutory deadline has passed/);
    expect(request.nextStep).not.toMatch(/ICO/);
    const letters = draftLetters(letterFactsFromRequest(request));
    expect(letters.map((l) => l.kind)).toEqual(["chaser"]);
    expect(letters[0].text).toMatch(/not a public authority under the Freedom of Information Act 2000/);
    expect(letters[0].text).toMatch(/section 3\(2\)\(b\)/);

    // The stored clock keeps the target date but nothing the Act alone gives: no "very overdue"
    // date and no internal review limits for the daily alert check to raise.
    const answered = await recordEvent(c.editor, { requestId: created.requestId, kind: "response_refused", date: "2021-09-01", exemptions: ["s43"] });
    expect(answered.ok).toBe(true);
    const asked = await recordEvent(c.editor, { requestId: created.requestId, kind: "internal_review_requested", date: "2021-09-02" });
    expect(asked.ok).toBe(true);
    const stored = await db.foiRequest.findUniqueOrThrow({ where: { id: created.requestId }, select: { dueOn: true, veryOverdueOn: true, reviewDueOn: true, reviewVeryOverdueOn: true, ownDeadlineOn: true } });
    expect(stored).toEqual({ dueOn: new Date("2021-08-31T00:00:00Z"), veryOverdueOn: null, reviewDueOn: null, reviewVeryOverdueOn: null, ownDeadlineOn: null });

    // The same steps for an NHS trust keep every statutory date.
    const oxleas = await c.body("oxleas");
    const trust = await createRequest(c.editor, { title: "KUF post funding", letter: "Dear Oxleas, ...", law: "foia", channel: "email", bodyId: oxleas.id, sentDate: "2021-08-02" });
    if (!trust.ok) throw new Error(JSON.stringify(trust));
    await recordEvent(c.editor, { requestId: trust.requestId, kind: "response_refused", date: "2021-09-01", exemptions: ["s43"] });
    await recordEvent(c.editor, { requestId: trust.requestId, kind: "internal_review_requested", date: "2021-09-02" });
    const kept = await db.foiRequest.findUniqueOrThrow({ where: { id: trust.requestId }, select: { veryOverdueOn: true, reviewDueOn: true } });
    expect(kept.veryOverdueOn).not.toBeNull();
    expect(kept.reviewDueOn).not.toBeNull();
  });

  it("FOISA s47(1): recording an application to the Commissioner before any review is refused with the reason", async () => {
    const c = await campaign();
    const oxleas = await c.body("oxleas");
    const created = await createRequest(c.editor, { title: "A Scottish request", letter: "Dear ...", law: "foisa", channel: "email", bodyId: oxleas.id, sentDate: "2021-08-02" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const refused = await recordEvent(c.editor, { requestId: created.requestId, kind: "response_refused", date: "2021-08-20" });
    expect(refused.ok).toBe(true);
    const early = await recordEvent(c.editor, { requestId: created.requestId, kind: "ico_complaint", date: "2021-08-25" });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(JSON.stringify(early)).toMatch(/section 47\(1\)/);
    const request = await getRequest(c.editor, created.requestId);
    expect(request.status).toBe("refused");
  });
});
