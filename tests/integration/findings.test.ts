// Findings (issue 7) against real PostgreSQL: the follow-up batch to the 31 trusts that did
// not apply, with real clocks and coded answers (tests/support/findings-fixtures.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { getFindings, listFindingsBatches } from "@/lib/findings/findings-table";
import { chartData } from "@/lib/findings/charts";
import { clearAnswer, getAnswerSheet, saveAnswer } from "@/lib/findings/answers";
import { addQuestion, addSuggestedQuestions, deleteQuestion, listQuestions, moveQuestion, SUGGESTED_QUESTIONS, updateQuestion } from "@/lib/findings/questions";
import { FINDINGS_CSV_COLUMNS, findingsCsv, findingsJson, REQUESTS_CSV_COLUMNS, requestsCsv, requestsJson } from "@/lib/findings/exports";
import { getPublicFindings, publicFindingsCsv, publicFindingsJson, setPublicPage } from "@/lib/findings/public-page";
import { DID_NOT_APPLY, FINDINGS_TODAY, makeFollowUpBatch, PLAN, TRICKY_QUOTES, type FollowUpBatch } from "../support/findings-fixtures";
import { makeMember, makeWorkspace } from "../support/factories";

// Pinned before the first lib/ call reads the environment (integration-setup clears it per file).
process.env.FOI_NOW = FINDINGS_TODAY;

let f: FollowUpBatch;
beforeAll(async () => {
  f = await makeFollowUpBatch();
}, 120_000);

const count = <T>(items: T[], pred: (t: T) => boolean) => items.filter(pred).length;

/** A minimal RFC 4180 parser, so the test reads the CSV as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe("the findings table of the follow-up batch", () => {
  it("has one row per trust with the planned timeliness, status and working days", async () => {
    const findings = await getFindings(f.viewer, f.batch.id);
    expect(findings.rows).toHaveLength(31);
    expect(findings.totals.requests).toBe(31);
    expect(findings.questions.map((q) => [q.text, q.type])).toEqual(SUGGESTED_QUESTIONS.map((q) => [q.text, q.type]));

    const expected = { on_time: count(PLAN, (p) => p.timeliness === "on_time"), late: count(PLAN, (p) => p.timeliness === "late"), very_late: 1, not_answered: 5, not_answered_yet: 2 };
    expect(expected).toEqual({ on_time: 18, late: 5, very_late: 1, not_answered: 5, not_answered_yet: 2 });
    expect(findings.totals.byTimeliness).toMatchObject(expected);
    expect(findings.totals.answered).toBe(24);

    for (const r of f.requests) {
      const row = findings.rows.find((x) => x.requestId === r.id)!;
      expect(row.bodyName).toBe(r.name);
      expect(row.timeliness, r.name).toBe(r.plan.timeliness);
      expect(row.workingDaysToRespond, r.name).toBe(r.plan.days ?? null);
      expect(row.answeredOn).toBe(r.plan.response?.on ?? null);
    }
    const late = findings.rows.find((x) => x.timeliness === "late")!;
    // Due Wednesday 29 September; answered Monday 11 October: 8 working days late.
    expect(late.dueOn).toBe("2021-09-29");
    expect(late.clockSummary).toBe("Answered 8 working days late");
    const overdue = findings.rows.find((x) => x.timeliness === "not_answered")!;
    expect(overdue.statusLabel).toBe("Waiting for a response");
    expect(overdue.clockSummary).toMatch(/^\d+ working days overdue$/);
    const extended = findings.rows.find((x) => x.requestId === f.requests[16]!.id)!;
    expect(extended.dueOn).toBe("2021-10-27");

    const statuses = Object.fromEntries(findings.totals.byStatus.map((s) => [s.status, s.count]));
    expect(statuses).toEqual({ successful: 12 + 1 + 3 + 1, partially_successful: 4, refused: 2, not_held: 1, awaiting_response: 7 });
  });

  it("cells show the coded answer, its quote and a link to the evidence on the request page", async () => {
    const findings = await getFindings(f.viewer, f.batch.id);
    const r0 = f.requests[0]!;
    const row = findings.rows.find((x) => x.requestId === r0.id)!;
    const [why, involved, planned] = row.cells;
    expect(why).toMatchObject({ questionId: f.questions.why.id, display: "Reason 0", quote: TRICKY_QUOTES.formulaEquals, recorded: true, href: `/requests/${r0.id}#answer-${f.questions.why.id}` });
    expect(involved).toMatchObject({ display: "Yes", choice: "yes", quote: "Involvement quote 0" });
    expect(planned).toMatchObject({ display: "Yes", choice: "yes" });
    const unanswered = findings.rows.find((x) => x.requestId === f.requests[25]!.id)!;
    expect(unanswered.cells.every((c) => !c.recorded && c.display === "" && c.quote === null)).toBe(true);
    const notHeld = findings.rows.find((x) => x.requestId === f.requests[30]!.id)!;
    expect(notHeld.cells[1]!.display).toBe("Information not held");
  });

  it("filters and sorts as asked; odd URL values are ignored", async () => {
    const late = await getFindings(f.viewer, f.batch.id, { timeliness: "late" });
    expect(late.rows).toHaveLength(5);
    expect(late.totals.shown).toBe(5);
    expect(late.totals.requests).toBe(31);
    const region = DID_NOT_APPLY[0]!.region!;
    const inRegion = await getFindings(f.viewer, f.batch.id, { region });
    expect(inRegion.rows).toHaveLength(count(DID_NOT_APPLY, (b) => b.region === region));
    const refused = await getFindings(f.viewer, f.batch.id, { status: "refused" });
    expect(refused.rows).toHaveLength(2);
    const search = await getFindings(f.viewer, f.batch.id, { q: "deadline was too short" });
    expect(search.rows.map((r) => r.requestId)).toEqual([f.requests[8]!.id]);

    const byDays = await getFindings(f.viewer, f.batch.id, { sort: "days", dir: "desc" });
    expect(byDays.rows[0]!.workingDaysToRespond).toBe(53);
    expect(byDays.rows.at(-1)!.workingDaysToRespond).toBeNull();
    const byName = await getFindings(f.viewer, f.batch.id);
    const names = byName.rows.map((r) => r.bodyName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en-GB")));
    const byInvolved = await getFindings(f.viewer, f.batch.id, { sort: `q:${f.questions.involved.id}` });
    expect(byInvolved.rows.slice(0, 2).map((r) => r.cells[1]!.display)).toEqual(["Information not held", "No"]);

    const odd = await getFindings(f.viewer, f.batch.id, { sort: "'; DROP TABLE", dir: "sideways", timeliness: "soon", page: "-3", q: "x".repeat(5000) });
    expect(odd.rows).toHaveLength(31);
    expect(odd.page).toBe(1);
  });
});

describe("the charts", () => {
  it("count what the plan recorded: status, timeliness, time to respond, each yes/no question, by region", async () => {
    const charts = chartData(await getFindings(f.viewer, f.batch.id));
    const values = (series: Array<{ key: string; value: number }>) => Object.fromEntries(series.map((s) => [s.key, s.value]));

    expect(values(charts.timeliness.series)).toEqual({ on_time: 18, late: 5, very_late: 1, not_answered: 5, not_answered_yet: 2 });
    expect(charts.timeliness.summary).toBe("Of 31 requests: answered on time 18, answered late 5, answered very late 1, not answered (overdue) 5 and not answered yet 2.");
    expect(values(charts.byStatus.series)).toEqual({ successful: 17, partially_successful: 4, refused: 2, not_held: 1, awaiting_response: 7 });
    expect(charts.timeToRespond.series).toHaveLength(24);
    expect(charts.timeToRespond.series[0]!.value).toBe(10);
    expect(charts.timeToRespond.series.at(-1)!.value).toBe(53);
    // Days of the 24 answered, sorted: 10, then 13 twelve times (2nd-13th), 19 x4, 28 x5, 35, 53: the 12th and 13th are both 13.
    expect(charts.timeToRespond.summary).toContain("the median was 13 working days");

    expect(charts.byQuestion.map((q) => q.question.id)).toEqual([f.questions.involved.id, f.questions.planned.id]);
    const involved = values(charts.byQuestion[0]!.chart.series);
    expect(involved).toEqual({ yes: 8, no: 6, partly: 2, not_answered: 2, not_held: 1, none: 12 });
    const planned = values(charts.byQuestion[1]!.chart.series);
    expect(planned).toEqual({ yes: 4, no: 9, partly: 1, not_answered: 0, not_held: 1, none: 16 });

    // By region: derived from the directory's regions of the trusts the plan coded "yes".
    const regions = [...new Set(DID_NOT_APPLY.map((b) => b.region ?? "No region"))];
    expect(charts.byRegion.map((r) => r.region).sort()).toEqual(regions.sort());
    for (const region of regions) {
      const entry = charts.byRegion.find((r) => r.region === region)!;
      const idx = DID_NOT_APPLY.map((b, i) => ((b.region ?? "No region") === region ? i : -1)).filter((i) => i >= 0);
      expect(entry.requests).toBe(idx.length);
      expect(entry.yes.series.map((s) => s.value)).toEqual([count(idx, (i) => PLAN[i]!.involved === "yes"), count(idx, (i) => PLAN[i]!.planned === "yes")]);
      expect(values(entry.timeliness.series).on_time).toBe(count(idx, (i) => PLAN[i]!.timeliness === "on_time"));
      expect(values(entry.timeliness.series).not_answered).toBe(count(idx, (i) => PLAN[i]!.timeliness === "not_answered"));
    }
  });

  it("recording an answer changes the table and the chart", async () => {
    const r = f.requests[26]!;
    const before = chartData(await getFindings(f.viewer, f.batch.id)).byQuestion[0]!.chart.series.find((s) => s.key === "yes")!.value;
    expect((await saveAnswer(f.editor, r.id, f.questions.involved.id, { choice: "yes", quote: "They were consulted." })).ok).toBe(true);
    const after = await getFindings(f.viewer, f.batch.id);
    expect(chartData(after).byQuestion[0]!.chart.series.find((s) => s.key === "yes")!.value).toBe(before + 1);
    expect(after.rows.find((x) => x.requestId === r.id)!.cells[1]).toMatchObject({ display: "Yes", quote: "They were consulted." });
    expect((await clearAnswer(f.editor, r.id, f.questions.involved.id)).ok).toBe(true);
    expect(chartData(await getFindings(f.viewer, f.batch.id)).byQuestion[0]!.chart.series.find((s) => s.key === "yes")!.value).toBe(before);
  });
});

describe("exports", () => {
  it("the findings CSV has the columns in order, one row per trust, formulas neutralised, punctuation intact", async () => {
    const file = await findingsCsv(f.viewer, f.batch.id);
    expect(file.filename).toBe(`findings-follow-up-why-did-the-trust-not-apply-${FINDINGS_TODAY}.csv`);
    expect(file.headers["Content-Type"]).toBe("text/csv; charset=utf-8");
    expect(file.headers["Content-Disposition"]).toContain(file.filename);
    expect(file.body.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(file.body.slice(1));
    const header = rows[0]!;
    expect(header).toEqual([
      "Reference",
      "Trust",
      "NHS region",
      "Status",
      "Answered on time?",
      "Date received",
      "Due",
      "Answered",
      "Working days to respond",
      "1. Why did the trust not apply?",
      "1. Quote",
      "2. Were Lived Experience Professionals involved in the decision?",
      "2. Quote",
      "3. Are other Band 7 or higher Lived Experience posts planned?",
      "3. Quote",
    ]);
    expect(header.slice(0, FINDINGS_CSV_COLUMNS.length)).toEqual([...FINDINGS_CSV_COLUMNS]);
    const data = rows.slice(1);
    expect(data).toHaveLength(31);
    expect(data.every((r) => r.length === header.length)).toBe(true);
    expect(new Set(data.map((r) => r[1]))).toEqual(new Set(DID_NOT_APPLY.map((b) => b.name)));

    const quotes = data.map((r) => r[10]);
    expect(quotes).toContain(`'${TRICKY_QUOTES.formulaEquals}`);
    expect(quotes).toContain(`'${TRICKY_QUOTES.formulaPlus}`);
    expect(quotes).toContain(`'${TRICKY_QUOTES.formulaMinus}`);
    expect(quotes).toContain(`'${TRICKY_QUOTES.formulaAt}`);
    expect(quotes).toContain(TRICKY_QUOTES.punctuation);
    expect(quotes).toContain(TRICKY_QUOTES.html);
    expect(quotes).toContain(TRICKY_QUOTES.unicode);
    // No cell anywhere starts a formula.
    expect(data.flat().filter((c) => /^[=+\-@]/.test(c))).toEqual([]);

    const late = data.find((r) => r[1] === f.requests[17]!.name)!;
    expect(late.slice(4, 9)).toEqual(["Answered late", "2021-09-01", "2021-09-29", "2021-10-11", "28"]);
    // No private note in the export.
    expect(file.body).not.toContain(f.secrets.answerNote);
  });

  it("the findings JSON parses and is neutralised the same way", async () => {
    const file = await findingsJson(f.viewer, f.batch.id);
    expect(file.filename.endsWith(".json")).toBe(true);
    expect(file.headers["Content-Type"]).toBe("application/json; charset=utf-8");
    const json = JSON.parse(file.body) as { rows: Array<{ trust: string; answers: Array<{ quote: string | null }> }>; questions: unknown[] };
    expect(json.rows).toHaveLength(31);
    expect(json.questions).toHaveLength(3);
    const allQuotes = json.rows.flatMap((r) => r.answers.map((a) => a.quote));
    expect(allQuotes).toContain(`'${TRICKY_QUOTES.formulaEquals}`);
    expect(allQuotes).toContain(`'${TRICKY_QUOTES.formulaAt}`);
    expect(allQuotes).toContain(TRICKY_QUOTES.punctuation);
    expect(allQuotes.filter((q) => q !== null && /^[=+\-@]/.test(q))).toEqual([]);
  });

  it("the requests export has every request of the workspace with its dates", async () => {
    const file = await requestsCsv(f.viewer);
    expect(file.filename).toBe(`requests-${FINDINGS_TODAY}.csv`);
    const rows = parseCsv(file.body.slice(1));
    expect(rows[0]).toEqual([...REQUESTS_CSV_COLUMNS]);
    expect(rows.slice(1)).toHaveLength(31);
    const veryLate = rows.find((r) => r[1] === f.requests[22]!.name)!;
    expect(veryLate.slice(6)).toEqual(["2021-09-01", "2021-09-01", "2021-09-29", "2021-10-27", "2021-11-15", "53", "Answered very late"]);
    const notYet = rows.find((r) => r[1] === f.requests[28]!.name)!;
    expect(notYet.slice(6, 8)).toEqual(["2021-11-15", "2021-11-15"]);
    expect(notYet[10]).toBe("");
    expect(notYet[12]).toBe("Not answered yet");
    // Titles begin with the fixture's private marker, never with a formula character.
    expect(rows.slice(1).every((r) => r[2]!.startsWith("PRIVATE-TITLE"))).toBe(true);

    const json = JSON.parse((await requestsJson(f.viewer)).body) as { requests: Array<{ reference: number; due: string | null }> };
    expect(json.requests).toHaveLength(31);
    expect(json.requests.filter((r) => r.due === "2021-09-29")).toHaveLength(31 - 3);
  });
});

describe("the public page", () => {
  it("is off by default; an owner switches it on, off, and on again with a new token", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const editor = await makeMember(ws.id, "editor");
    const batch = await db.batch.create({ data: { workspaceId: ws.id, name: "Small batch", titleTemplate: "t", template: "t", state: "sent" }, select: { id: true } });
    expect((await getFindings(owner, batch.id)).batch.publicToken).toBeNull();
    await expect(setPublicPage(editor, batch.id, true)).rejects.toThrow(ForbiddenError);

    const on = await setPublicPage(owner, batch.id, true);
    expect(on.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await getPublicFindings(on.token!)).toMatchObject({ batchName: "Small batch", rows: [] });
    // Switching on again keeps the same address.
    expect((await setPublicPage(owner, batch.id, true)).token).toBe(on.token);

    expect(await setPublicPage(owner, batch.id, false)).toEqual({ token: null, publicSince: null });
    expect(await getPublicFindings(on.token!)).toBeNull();
    expect(await publicFindingsCsv(on.token!)).toBeNull();

    const again = await setPublicPage(owner, batch.id, true);
    expect(again.token).not.toBe(on.token);
    expect(await getPublicFindings(again.token!)).not.toBeNull();
    expect(await getPublicFindings(on.token!)).toBeNull();
    await expect(setPublicPage(editor, batch.id, false)).rejects.toThrow(ForbiddenError);
    expect(await getPublicFindings(again.token!)).not.toBeNull();

    for (const bad of ["", "x", "a".repeat(32), `${again.token!.slice(0, 31)}!`, "' OR 1=1 --", again.token!.toLowerCase() === again.token ? "Z".repeat(32) : again.token!.toLowerCase()]) {
      expect(await getPublicFindings(bad), bad).toBeNull();
    }
    const log = await db.auditLog.findMany({ where: { workspaceId: ws.id, action: { startsWith: "findings.public" } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true } });
    expect(log.map((l) => l.action)).toEqual(["findings.public.on", "findings.public.off", "findings.public.on"]);
  });

  it("shows the findings and charts but no private value: notes, bodies, senders, people, letters", async () => {
    const { token } = await setPublicPage(f.owner, f.batch.id, true);
    const page = (await getPublicFindings(token!))!;
    expect(page.rows).toHaveLength(31);
    expect(page.charts.timeliness.series.find((s) => s.key === "on_time")!.value).toBe(18);
    const text = JSON.stringify(page);
    // The quotes are the public evidence: kept.
    expect(text).toContain(JSON.stringify(TRICKY_QUOTES.punctuation).slice(1, -1));
    const owner = await db.user.findUniqueOrThrow({ where: { id: f.owner.userId }, select: { name: true, email: true } });
    const editor = await db.user.findUniqueOrThrow({ where: { id: f.editor.userId }, select: { name: true, email: true } });
    const secrets = [...Object.values(f.secrets), owner.name!, owner.email, editor.name!, editor.email, f.owner.userId, f.editor.userId, f.requests[0]!.id, f.ws.id, f.batch.id];
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    // Make sure the secrets really are in the database, so the test can fail.
    expect(await db.answer.count({ where: { workspaceId: f.ws.id, note: f.secrets.answerNote } })).toBeGreaterThan(0);
    expect(await db.requestEvent.count({ where: { workspaceId: f.ws.id, note: f.secrets.eventNote } })).toBeGreaterThan(0);
    expect(await db.message.count({ where: { workspaceId: f.ws.id, bodyText: { contains: f.secrets.messageBody } } })).toBeGreaterThan(0);

    for (const file of [(await publicFindingsCsv(token!))!, (await publicFindingsJson(token!))!]) {
      for (const secret of secrets) expect(file.body, secret).not.toContain(secret);
      expect(file.body).toContain("Why did the trust not apply?");
    }
    await setPublicPage(f.owner, f.batch.id, false);
    expect(await getPublicFindings(token!)).toBeNull();
  });
});

describe("who can do what", () => {
  it("a viewer reads the findings and the answer sheet but cannot record, change questions or switch the page", async () => {
    const r = f.requests[0]!;
    expect((await getFindings(f.viewer, f.batch.id)).canEdit).toBe(false);
    const sheet = (await getAnswerSheet(f.viewer, r.id))!;
    expect(sheet.canEdit).toBe(false);
    expect(sheet.questions.map((q) => q.answer?.display)).toEqual(["Reason 0", "Yes", "Yes"]);
    await expect(saveAnswer(f.viewer, r.id, f.questions.involved.id, { choice: "no" })).rejects.toThrow(ForbiddenError);
    await expect(clearAnswer(f.viewer, r.id, f.questions.involved.id)).rejects.toThrow(ForbiddenError);
    await expect(addQuestion(f.viewer, f.batch.id, { text: "Another question?", type: "choice" })).rejects.toThrow(ForbiddenError);
    await expect(deleteQuestion(f.viewer, f.questions.why.id)).rejects.toThrow(ForbiddenError);
    await expect(setPublicPage(f.viewer, f.batch.id, true)).rejects.toThrow(ForbiddenError);
    expect((await getAnswerSheet(f.viewer, r.id))!.questions[1]!.answer!.choice).toBe("yes");
  });

  it("another workspace's batch, request, question, message and attachment are not found", async () => {
    const other = await makeWorkspace({ withDirectory: true });
    const stranger = await makeMember(other.id, "owner");
    const r = f.requests[0]!;
    await expect(getFindings(stranger, f.batch.id)).rejects.toThrow(NotFoundError);
    await expect(listQuestions(stranger, f.batch.id)).rejects.toThrow(NotFoundError);
    await expect(getAnswerSheet(stranger, r.id)).rejects.toThrow(NotFoundError);
    await expect(saveAnswer(stranger, r.id, f.questions.involved.id, { choice: "no" })).rejects.toThrow(NotFoundError);
    await expect(clearAnswer(stranger, r.id, f.questions.involved.id)).rejects.toThrow(NotFoundError);
    await expect(addQuestion(stranger, f.batch.id, { text: "Sneaky?", type: "choice" })).rejects.toThrow(NotFoundError);
    await expect(updateQuestion(stranger, f.questions.why.id, { text: "Renamed", type: "text" })).rejects.toThrow(NotFoundError);
    await expect(deleteQuestion(stranger, f.questions.why.id)).rejects.toThrow(NotFoundError);
    await expect(moveQuestion(stranger, f.questions.why.id, "down")).rejects.toThrow(NotFoundError);
    await expect(addSuggestedQuestions(stranger, f.batch.id)).rejects.toThrow(NotFoundError);
    await expect(setPublicPage(stranger, f.batch.id, true)).rejects.toThrow(NotFoundError);
    await expect(findingsCsv(stranger, f.batch.id)).rejects.toThrow(NotFoundError);
    expect((await listFindingsBatches(stranger)).batches).toEqual([]);
    expect((await requestsCsv(stranger)).body).toBe(`\uFEFF${REQUESTS_CSV_COLUMNS.join(",")}\r\n`);

    // The stranger's own request in a batch of their own, with our question or our message as evidence.
    const theirs = await makeFollowUpBatchLite(stranger, other.id);
    await expect(saveAnswer(stranger, theirs.requestId, f.questions.involved.id, { choice: "no" })).rejects.toThrow(NotFoundError);
    const viaOurMessage = await saveAnswer(stranger, theirs.requestId, theirs.questionId, { choice: "no", messageId: r.messageId! });
    expect(viaOurMessage).toMatchObject({ ok: false, fieldErrors: { messageId: [expect.any(String)] } });
    const viaOurAttachment = await saveAnswer(stranger, theirs.requestId, theirs.questionId, { choice: "no", attachmentId: r.attachmentId! });
    expect(viaOurAttachment).toMatchObject({ ok: false, fieldErrors: { attachmentId: [expect.any(String)] } });
    // Nothing written either way, and our data is untouched.
    expect(await db.answer.count({ where: { workspaceId: other.id } })).toBe(0);
    expect((await getAnswerSheet(f.viewer, r.id))!.questions[1]!.answer!.choice).toBe("yes");
  });

  it("evidence from another request of the same batch is refused next to the field", async () => {
    const [a, b] = [f.requests[1]!, f.requests[2]!];
    const before = await db.answer.findUniqueOrThrow({ where: { questionId_requestId: { questionId: f.questions.involved.id, requestId: a.id } }, select: { choice: true, quote: true, messageId: true } });
    const wrongMessage = await saveAnswer(f.editor, a.id, f.questions.involved.id, { choice: "no", messageId: b.messageId! });
    expect(wrongMessage).toMatchObject({ ok: false, fieldErrors: { messageId: ["Choose a message from this request's correspondence."] } });
    const wrongAttachment = await saveAnswer(f.editor, a.id, f.questions.involved.id, { choice: "no", attachmentId: b.attachmentId! });
    expect(wrongAttachment).toMatchObject({ ok: false, fieldErrors: { attachmentId: [expect.any(String)] } });
    // Right request, but the attachment of a different message than the one chosen.
    const extra = await db.message.create({ data: { workspaceId: f.ws.id, requestId: a.id, direction: "incoming", sentAt: new Date("2021-09-21T10:00:00Z"), bodyText: "Follow-up" }, select: { id: true } });
    const mismatch = await saveAnswer(f.editor, a.id, f.questions.involved.id, { choice: "no", messageId: extra.id, attachmentId: a.attachmentId! });
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { attachmentId: [expect.any(String)] } });
    const after = await db.answer.findUniqueOrThrow({ where: { questionId_requestId: { questionId: f.questions.involved.id, requestId: a.id } }, select: { choice: true, quote: true, messageId: true } });
    expect(after).toEqual(before);
    // An attachment alone sets its message as the evidence.
    const byAttachment = await saveAnswer(f.editor, a.id, f.questions.planned.id, { choice: "yes", attachmentId: a.attachmentId! });
    expect(byAttachment.ok).toBe(true);
    const sheet = (await getAnswerSheet(f.viewer, a.id))!;
    expect(sheet.questions[2]!.answer).toMatchObject({ messageId: a.messageId, attachmentId: a.attachmentId });
    expect(sheet.evidence.messages.map((m) => m.label)).toEqual(["Monday 20 September 2021, received: Response to your FOI request 1", "Tuesday 21 September 2021, received"]);
    expect(sheet.evidence.attachments).toEqual([{ id: a.attachmentId, messageId: a.messageId, filename: f.secrets.attachmentName }]);
    await db.message.delete({ where: { id: extra.id } });
  });
});

/** A second workspace's own small batch: one request and one choice question. */
async function makeFollowUpBatchLite(actor: { userId: string; workspaceId: string }, workspaceId: string) {
  const body = await db.publicBody.findFirstOrThrow({ where: { workspaceId, key: DID_NOT_APPLY[0]!.key }, select: { id: true } });
  const batch = await db.batch.create({ data: { workspaceId, name: "Theirs", titleTemplate: "t", template: "t", state: "sent" }, select: { id: true } });
  const request = await db.foiRequest.create({ data: { workspaceId, bodyId: body.id, batchId: batch.id, title: "t", letter: "l", channel: "email", status: "awaiting_response" }, select: { id: true } });
  const added = await addQuestion(actor, batch.id, { text: "Were they involved?", type: "choice" });
  if (!added.ok) throw new Error(JSON.stringify(added));
  return { requestId: request.id, questionId: added.questionId };
}

describe("questions", () => {
  it("suggested questions are added once; questions are added, reworded, moved and deleted", async () => {
    const ws = await makeWorkspace();
    const editor = await makeMember(ws.id, "editor");
    const batch = await db.batch.create({ data: { workspaceId: ws.id, name: "Q batch", titleTemplate: "t", template: "t", state: "sent" }, select: { id: true } });
    expect(await listQuestions(editor, batch.id)).toEqual([]);
    expect(await addSuggestedQuestions(editor, batch.id)).toEqual({ ok: true, added: 3 });
    expect(await addSuggestedQuestions(editor, batch.id)).toEqual({ ok: true, added: 0 });
    const added = await addQuestion(editor, batch.id, { text: "  How many LXPs are employed at Band 7?  ", type: "number" });
    expect(added.ok).toBe(true);
    let list = await listQuestions(editor, batch.id);
    expect(list.map((q) => [q.position, q.text, q.type])).toEqual([
      [1, "Why did the trust not apply?", "text"],
      [2, "Were Lived Experience Professionals involved in the decision?", "choice"],
      [3, "Are other Band 7 or higher Lived Experience posts planned?", "choice"],
      [4, "How many LXPs are employed at Band 7?", "number"],
    ]);
    await moveQuestion(editor, list[3]!.id, "up");
    await moveQuestion(editor, list[0]!.id, "up"); // already first: stays
    list = await listQuestions(editor, batch.id);
    expect(list.map((q) => q.type)).toEqual(["text", "choice", "number", "choice"]);
    expect(await updateQuestion(editor, list[2]!.id, { text: "How many LXP posts at Band 7 or above?", type: "number" })).toMatchObject({ ok: true });
    expect(await deleteQuestion(editor, list[0]!.id)).toEqual({ ok: true });
    list = await listQuestions(editor, batch.id);
    expect(list.map((q) => [q.position, q.text])).toEqual([
      [1, "Were Lived Experience Professionals involved in the decision?"],
      [2, "How many LXP posts at Band 7 or above?"],
      [3, "Are other Band 7 or higher Lived Experience posts planned?"],
    ]);
    // A duplicate, empty, too long, or an unknown type: refused next to the field; nothing added.
    const cases: Array<[unknown, string]> = [
      [{ text: "are other band 7 or higher lived experience posts planned?", type: "choice" }, "text"],
      [{ text: "", type: "choice" }, "text"],
      [{ text: "  ", type: "choice" }, "text"],
      [{ text: "x".repeat(301), type: "choice" }, "text"],
      [{ text: "Fine question", type: "essay" }, "type"],
      [{}, "text"],
    ];
    for (const [input, field] of cases) {
      const result = await addQuestion(editor, batch.id, input);
      expect(result.ok, JSON.stringify(input).slice(0, 60)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors)).toContain(field);
    }
    expect(await listQuestions(editor, batch.id)).toHaveLength(3);
    // HTML is kept as text.
    const html = await addQuestion(editor, batch.id, { text: "<img src=x onerror=alert(1)> really?", type: "text" });
    expect(html.ok).toBe(true);
    expect((await listQuestions(editor, batch.id)).at(-1)!.text).toBe("<img src=x onerror=alert(1)> really?");
  });

  it("a question with answers keeps its type; deleting it removes its answers", async () => {
    const q = await addQuestion(f.editor, f.batch.id, { text: "How many LXPs does the trust employ?", type: "number" });
    if (!q.ok) throw new Error(JSON.stringify(q));
    const r = f.requests[3]!;
    expect((await saveAnswer(f.editor, r.id, q.questionId, { number: "1,200" })).ok).toBe(true);
    expect((await getFindings(f.viewer, f.batch.id)).rows.find((x) => x.requestId === r.id)!.cells[3]!.display).toBe("1,200");
    const change = await updateQuestion(f.editor, q.questionId, { text: "How many LXPs does the trust employ?", type: "text" });
    expect(change).toMatchObject({ ok: false, fieldErrors: { type: [expect.any(String)] } });
    expect(await deleteQuestion(f.editor, q.questionId)).toEqual({ ok: true });
    expect(await db.answer.count({ where: { questionId: q.questionId } })).toBe(0);
    expect((await listQuestions(f.viewer, f.batch.id)).map((x) => x.id)).toEqual([f.questions.why.id, f.questions.involved.id, f.questions.planned.id]);
  });
});

describe("questions and answers at the same time", () => {
  it("a type change racing a first answer never leaves an answer of the wrong kind", async () => {
    for (let round = 0; round < 5; round++) {
      const q = await addQuestion(f.editor, f.batch.id, { text: `Race question ${round}`, type: "number" });
      if (!q.ok) throw new Error(JSON.stringify(q));
      const [saved, changed] = await Promise.all([
        saveAnswer(f.editor, f.requests[5]!.id, q.questionId, { number: "7" }),
        updateQuestion(f.editor, q.questionId, { text: `Race question ${round}`, type: "text" }),
      ]);
      const question = await db.question.findUniqueOrThrow({ where: { id: q.questionId }, select: { type: true, answers: { select: { number: true } } } });
      // Exactly one of them wins, and what is stored fits the question.
      expect(saved.ok !== changed.ok).toBe(true);
      if (question.type === "text") expect(question.answers).toEqual([]);
      else expect(question.answers).toEqual([{ number: 7 }]);
      await deleteQuestion(f.editor, q.questionId);
    }
  });
});

describe("recording answers: ugly input", () => {
  it("refuses what does not fit the question, next to the field, and saves nothing", async () => {
    const r = f.requests[5]!;
    const snapshot = () => db.answer.findMany({ where: { requestId: r.id }, orderBy: { questionId: "asc" }, select: { questionId: true, choice: true, text: true, quote: true, note: true } });
    const before = await snapshot();
    const cases: Array<[string, unknown, string]> = [
      [f.questions.involved.id, {}, "choice"],
      [f.questions.involved.id, { choice: "" }, "choice"],
      [f.questions.involved.id, { choice: "maybe" }, "choice"],
      [f.questions.why.id, { text: "" }, "text"],
      [f.questions.why.id, { text: "   " }, "text"],
      [f.questions.why.id, { choice: "yes", text: "Because" }, "choice"],
      [f.questions.why.id, { text: "x".repeat(5001) }, "text"],
      [f.questions.involved.id, { choice: "yes", quote: "q".repeat(10_000) }, "quote"],
      [f.questions.involved.id, { choice: "yes", note: "n".repeat(5001) }, "note"],
      [f.questions.involved.id, { choice: "yes", messageId: "not-a-real-id" }, "messageId"],
      [f.questions.involved.id, { choice: "yes", attachmentId: "x".repeat(101) }, "attachmentId"],
    ];
    for (const [questionId, input, field] of cases) {
      const result = await saveAnswer(f.editor, r.id, questionId, input);
      expect(result.ok, `${field} ${JSON.stringify(input).slice(0, 60)}`).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors), JSON.stringify(result.fieldErrors)).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("numbers and dates: not a number, a future date, an impossible date are refused; good ones stored", async () => {
    const numberQ = await addQuestion(f.editor, f.batch.id, { text: "How many Band 7 LXP posts?", type: "number" });
    const dateQ = await addQuestion(f.editor, f.batch.id, { text: "When did the board decide?", type: "date" });
    if (!numberQ.ok || !dateQ.ok) throw new Error("questions");
    const r = f.requests[6]!;
    const refused: Array<[string, unknown, string]> = [
      [numberQ.questionId, { number: "twelve" }, "number"],
      [numberQ.questionId, { number: "12abc" }, "number"],
      [numberQ.questionId, { number: "1e999" }, "number"],
      [numberQ.questionId, { number: "" }, "number"],
      [numberQ.questionId, { number: "99999999999" }, "number"],
      [dateQ.questionId, { date: "2999-01-01" }, "date"],
      [dateQ.questionId, { date: "2021-12-02" }, "date"],
      [dateQ.questionId, { date: "2021-02-30" }, "date"],
      [dateQ.questionId, { date: "01/09/2021" }, "date"],
      [dateQ.questionId, { date: "" }, "date"],
    ];
    for (const [questionId, input, field] of refused) {
      const result = await saveAnswer(f.editor, r.id, questionId, input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors)).toContain(field);
    }
    expect(await db.answer.count({ where: { requestId: r.id, questionId: { in: [numberQ.questionId, dateQ.questionId] } } })).toBe(0);

    expect((await saveAnswer(f.editor, r.id, numberQ.questionId, { number: " 2.5 " })).ok).toBe(true);
    expect((await saveAnswer(f.editor, r.id, dateQ.questionId, { date: FINDINGS_TODAY })).ok).toBe(true);
    const sheet = (await getAnswerSheet(f.viewer, r.id))!;
    expect(sheet.questions.find((q) => q.id === numberQ.questionId)!.answer).toMatchObject({ number: 2.5, display: "2.5" });
    expect(sheet.questions.find((q) => q.id === dateQ.questionId)!.answer).toMatchObject({ date: FINDINGS_TODAY, display: "Wednesday 1 December 2021" });
    // "Not held" codes a number question without a number; the stale number is dropped.
    expect((await saveAnswer(f.editor, r.id, numberQ.questionId, { choice: "not_held", number: "7" })).ok).toBe(true);
    expect((await getAnswerSheet(f.viewer, r.id))!.questions.find((q) => q.id === numberQ.questionId)!.answer).toMatchObject({ choice: "not_held", number: null, display: "Information not held" });
    await deleteQuestion(f.editor, numberQ.questionId);
    await deleteQuestion(f.editor, dateQ.questionId);
  });

  it("keeps a 5,000-character quote, HTML and script as text, and Unicode intact", async () => {
    const r = f.requests[7]!;
    const long = "Lived Experience ".repeat(300).slice(0, 5000);
    expect((await saveAnswer(f.editor, r.id, f.questions.why.id, { text: TRICKY_QUOTES.html, quote: long })).ok).toBe(true);
    expect((await saveAnswer(f.editor, r.id, f.questions.involved.id, { choice: "partly", quote: TRICKY_QUOTES.unicode })).ok).toBe(true);
    const sheet = (await getAnswerSheet(f.viewer, r.id))!;
    expect(sheet.questions[0]!.answer).toMatchObject({ text: TRICKY_QUOTES.html, quote: long.trim(), display: TRICKY_QUOTES.html });
    expect(sheet.questions[1]!.answer).toMatchObject({ choice: "partly", quote: TRICKY_QUOTES.unicode });
    const audit = await db.auditLog.count({ where: { workspaceId: f.ws.id, action: "findings.answer.save", entityId: { not: null } } });
    expect(audit).toBeGreaterThan(0);
  });

  it("a request outside any batch has no answer sheet; a batch without questions has none either", async () => {
    const loose = await db.foiRequest.create({ data: { workspaceId: f.ws.id, bodyId: (await db.publicBody.findFirstOrThrow({ where: { workspaceId: f.ws.id }, select: { id: true } })).id, title: "Loose", letter: "l", channel: "post" }, select: { id: true } });
    expect(await getAnswerSheet(f.viewer, loose.id)).toBeNull();
    await expect(saveAnswer(f.editor, loose.id, f.questions.why.id, { text: "x" })).rejects.toThrow(NotFoundError);
    await db.foiRequest.delete({ where: { id: loose.id } });
  });
});
