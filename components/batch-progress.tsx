import { PROGRESS_BUCKETS, progressBucketLabels } from "@/lib/batches/schemas";
import type { ProgressCounts } from "@/lib/batches/progress";

/**
 * Where a batch's recipients stand: a bar (decorative) and the same counts as a list,
 * which is what screen readers and the tests read. `compact` leaves out the empty buckets.
 */
export function BatchProgress({ progress, compact = false, label = "Progress" }: { progress: ProgressCounts; compact?: boolean; label?: string }) {
  const buckets = PROGRESS_BUCKETS.filter((b) => !compact || progress[b] > 0);
  return (
    <div className={`batch-progress${compact ? " compact" : ""}`}>
      {progress.total > 0 ? (
        <div className="batch-progress-bar" aria-hidden="true">
          {PROGRESS_BUCKETS.filter((b) => progress[b] > 0).map((b) => (
            <span key={b} className={`bucket-${b}`} style={{ width: `${(100 * progress[b]) / progress.total}%` }} title={`${progressBucketLabels[b]}: ${progress[b]}`} />
          ))}
        </div>
      ) : null}
      <ul className="batch-progress-counts" aria-label={label}>
        {buckets.map((b) => (
          <li key={b} className={`bucket-${b}`} data-bucket={b}>
            <span className="swatch" aria-hidden="true" /> {progressBucketLabels[b]}: <strong>{progress[b]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
