// Benchmark: due dates for 1,000,000 receipt dates (2015-2027) with the precomputed
// working-day index versus a plain day-by-day loop; both must agree on every date.
// The last line of output is one JSON object. Run: npm run -s bench:deadlines
import { readFileSync } from "node:fs";
import { addDays } from "date-fns";
import Holidays from "date-holidays";
import { addWorkingDays, buildCalendar, computeClock } from "../lib/deadlines";

const N = 1_000_000;
const DAYS = 20;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function key(d: Date): string {
  const m = d.getMonth() + 1;
  const day = d.getDate();
  return `${d.getFullYear()}-${m < 10 ? "0" : ""}${m}-${day < 10 ? "0" : ""}${day}`;
}

type GovUk = Record<string, { events: { date: string }[] }>;
const raw: unknown = JSON.parse(readFileSync(new URL("../data/uk-bank-holidays.json", import.meta.url), "utf8"));

// The naive side's holidays are built independently of lib/deadlines: every GOV.UK date in
// any division, plus 2028 from date-holidays (due dates of late-2027 receipts reach into it).
const holidaySet = new Set<string>();
for (const division of Object.values(raw as GovUk)) for (const e of division.events) holidaySet.add(e.date);
for (const state of ["ENG", "WLS", "SCT", "NIR"]) {
  for (const h of new Holidays("GB", state).getHolidays(2028)) {
    if (h.type === "public" || h.type === "bank") holidaySet.add(h.date.slice(0, 10));
  }
}

function naiveDue(received: string): string {
  let d = new Date(Number(received.slice(0, 4)), Number(received.slice(5, 7)) - 1, Number(received.slice(8, 10)));
  let counted = 0;
  while (counted < DAYS) {
    d = addDays(d, 1);
    const weekday = d.getDay();
    if (weekday === 0 || weekday === 6 || holidaySet.has(key(d))) continue;
    counted++;
  }
  return key(d);
}

const buildStart = performance.now();
const calendar = buildCalendar(raw, { law: "foia" });
const buildMs = performance.now() - buildStart;

const first = new Date(2015, 0, 1);
const span = Math.round((new Date(2027, 11, 31).getTime() - first.getTime()) / 86_400_000) + 1;
const random = mulberry32(20210802);
const receipts: string[] = new Array<string>(N);
for (let i = 0; i < N; i++) receipts[i] = key(addDays(first, Math.floor(random() * span)));

const engineDue: string[] = new Array<string>(N);
const engineStart = performance.now();
for (let i = 0; i < N; i++) engineDue[i] = addWorkingDays(calendar, receipts[i], DAYS);
const engineSeconds = (performance.now() - engineStart) / 1000;

const naiveDueDates: string[] = new Array<string>(N);
const naiveStart = performance.now();
for (let i = 0; i < N; i++) naiveDueDates[i] = naiveDue(receipts[i]);
const naiveSeconds = (performance.now() - naiveStart) / 1000;

let mismatches = 0;
for (let i = 0; i < N; i++) {
  if (engineDue[i] !== naiveDueDates[i]) {
    if (mismatches < 5) console.error(`mismatch: received ${receipts[i]}: engine ${engineDue[i]}, naive ${naiveDueDates[i]}`);
    mismatches++;
  }
}

// The whole clock (event parsing, both conventions, state) on a sample, for context.
const CLOCK_N = 100_000;
const clockStart = performance.now();
for (let i = 0; i < CLOCK_N; i++) computeClock([{ kind: "sent", at: receipts[i] }], { law: "foia", calendar }, "2028-06-01");
const clockOpsPerSec = CLOCK_N / ((performance.now() - clockStart) / 1000);

console.log(`calendar built in ${buildMs.toFixed(0)} ms (2010-2040, UK-wide)`);
console.log(`engine: ${N} due dates in ${engineSeconds.toFixed(3)} s; naive loop: ${N} in ${naiveSeconds.toFixed(2)} s (full run, no sampling)`);
console.log(`computeClock (whole clock with state): ${Math.round(clockOpsPerSec)} ops/s over ${CLOCK_N}`);
console.log(mismatches === 0 ? `agreement: all ${N} due dates identical` : `DISAGREEMENT on ${mismatches} of ${N} due dates`);
const opsPerSec = Math.round(N / engineSeconds);
const naiveOpsPerSec = Math.round(N / naiveSeconds);
console.log(
  JSON.stringify({
    bench: "deadlines",
    n: N,
    opsPerSec,
    naiveOpsPerSec,
    ratio: Math.round((opsPerSec / naiveOpsPerSec) * 10) / 10,
    agree: mismatches === 0,
  }),
);
process.exitCode = mismatches === 0 ? 0 : 1;
