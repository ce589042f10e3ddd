import "server-only";
import { runJob, type AnyJob } from "@/lib/jobs/define-job";
import { InFlight } from "@/lib/jobs/in-flight";
import { workerJobs } from "@/lib/jobs/registry";

/** How long stop() waits for letters being sent and jobs running before it gives up. */
export const STOP_TIMEOUT_MS = 60_000;

export interface Worker {
  /**
   * Stops claiming new work and waits (up to `timeoutMs`) for what is in hand: letters being
   * sent are finished and recorded, so none is left "unconfirmed". Call it, and await it,
   * before the database stops. `finished` is false when it gave up waiting.
   */
  stop(options?: { timeoutMs?: number }): Promise<{ finished: boolean; stillRunning: string[] }>;
}

/**
 * The background worker started by `npm start` (and `npm run worker`): runs every job in
 * lib/jobs/registry.ts on its schedule, never two runs of one job at once in this process.
 * Across processes each job's lock (see JobLock) keeps its work from being done twice, so
 * several workers may run against one database.
 */
export function startWorker(jobs: readonly AnyJob[] = workerJobs(), log: Pick<Console, "log" | "error"> = console): Worker {
  const stopping = new AbortController();
  const inFlight = new InFlight();
  const running = new Set<string>();
  const timers: NodeJS.Timeout[] = [];

  const tick = (job: AnyJob) => {
    if (stopping.signal.aborted || running.has(job.name)) return;
    running.add(job.name);
    void inFlight
      .track(job.name, () => runJob(job, job.scheduledPayload(), { signal: stopping.signal }))
      .then(
        (line) => {
          if (line) log.log(`[worker] ${job.name}: ${line}`);
        },
        (error: unknown) => log.error(`[worker] ${job.name}: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => running.delete(job.name));
  };

  for (const job of jobs) {
    if (!("everyMs" in job.schedule)) continue;
    const { everyMs, firstAfterMs } = job.schedule;
    const first = setTimeout(() => tick(job), firstAfterMs);
    first.unref();
    timers.push(first, setInterval(() => tick(job), everyMs));
  }

  return {
    stop: async ({ timeoutMs = STOP_TIMEOUT_MS } = {}) => {
      for (const timer of timers) clearTimeout(timer);
      stopping.abort();
      const finished = await inFlight.idle(timeoutMs);
      return { finished, stillRunning: inFlight.names() };
    },
  };
}

/** The worker's stop, with what a person at the console needs to know. */
export async function stopWorker(worker: Worker, say: (line: string) => void = console.log): Promise<void> {
  say("Finishing the letters being sent (at most a minute)...");
  const { finished, stillRunning } = await worker.stop();
  if (finished) {
    say("Worker stopped.");
  } else {
    say(`Worker stopped without waiting any longer for: ${stillRunning.join(", ")}. A letter still being sent will show as unconfirmed on its batch page.`);
  }
}
