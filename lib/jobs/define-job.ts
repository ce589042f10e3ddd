import "server-only";
import { z } from "zod";

/**
 * How a job is kept from running twice at once or doing its work twice. The worker never runs
 * a job while its previous run is still going (in this process); across processes and
 * restarts the database decides:
 * - "row-claims": each row of work is claimed in one statement (the outbox's SKIP LOCKED claims);
 * - "scheduled-run": a ScheduledRun row per task and day, whose primary key lets one worker run it;
 * - "idempotent": running it again changes nothing that one run did not (e.g. a refresh).
 */
export type JobLock = "row-claims" | "scheduled-run" | "idempotent";

/** When the worker runs a job: every `everyMs` (the first time `firstAfterMs` after start), or only when asked. */
export type JobSchedule = { everyMs: number; firstAfterMs: number } | { trigger: "command" };

export interface JobContext {
  /** Aborted when the worker is stopping: stop taking new work, finish what is in hand. */
  signal: AbortSignal;
}

export interface JobDefinition<Payload> {
  /** Short and stable: it prefixes the worker's log lines. */
  name: string;
  schedule: JobSchedule;
  payload: z.ZodType<Payload>;
  /** The payload a scheduled run gets. */
  scheduledPayload: () => Payload;
  lock: JobLock;
  /** Does the work; returns a line for the log when there is something to say. */
  run(payload: Payload, context: JobContext): Promise<string | null>;
}

/** A background job, defined once: its name, when it runs, its checked payload and how it is locked. */
export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

/** Any job, whatever its payload (each run's payload is checked by the job's own schema). */
export type AnyJob = JobDefinition<unknown>;

/** Runs a job once with a payload checked against its schema (the worker, or a command such as `npm run alerts:run`). */
export function runJob<Payload>(job: JobDefinition<Payload>, payload: unknown, context: JobContext): Promise<string | null> {
  return job.run(job.payload.parse(payload), context);
}
