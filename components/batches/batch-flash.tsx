import type { Params } from "@/components/batches/types";

/** What the last action did, carried in the URL by its redirect. */
export function BatchFlash({ query }: { query: Params }) {
  if (query.started) {
    return (
      <p className="success" role="status">
        Draft batch created. Check the letter and the recipients below, then send.
      </p>
    );
  }
  if (query.created) {
    const queued = Number(query.queued ?? 0);
    return (
      <p className="success" role="status">
        Created {query.created} request{query.created === "1" ? "" : "s"}
        {queued > 0 ? ` and queued ${queued} email${queued === 1 ? "" : "s"}` : ""}.
      </p>
    );
  }
  if (query.combined) {
    // The offer's form is gone once it is taken, so its result comes back in the URL.
    const covered = Number(query.combined);
    return (
      <p className="success" role="status">
        Combined: one request now covers {covered + 1} trusts.
      </p>
    );
  }
  if (query.bulk) {
    const done = Number(query.done ?? 0);
    const what: Record<string, [string, string]> = { chaser: ["chaser queued", "chasers queued"], note: ["note added", "notes added"], status: ["status recorded", "statuses recorded"] };
    const [one, many] = what[query.bulk] ?? ["change made", "changes made"];
    return (
      <p className="success" role="status">
        Done: {done} {done === 1 ? one : many}.
      </p>
    );
  }
  return null;
}
