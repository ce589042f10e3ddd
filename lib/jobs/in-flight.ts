import "server-only";

/**
 * The work a worker has in hand (a job's run, and through it every letter it is sending), so
 * stopping can wait for it before the database goes: a letter whose send finished but was
 * never recorded would be left "unconfirmed" for a person to check.
 */
export class InFlight {
  private readonly running = new Map<symbol, string>();
  private readonly settled = new Set<() => void>();

  /** Runs `work` as `name`, counted until it settles (resolved or rejected). */
  async track<T>(name: string, work: () => Promise<T>): Promise<T> {
    const key = Symbol(name);
    this.running.set(key, name);
    try {
      return await work();
    } finally {
      this.running.delete(key);
      if (this.running.size === 0) for (const wake of this.settled) wake();
    }
  }

  /** The names of what is still running. */
  names(): string[] {
    return [...this.running.values()];
  }

  /** Resolves true once nothing is running, or false after `timeoutMs`. */
  async idle(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return true;
    return new Promise<boolean>((resolve) => {
      const done = (result: boolean) => {
        clearTimeout(timer);
        this.settled.delete(wake);
        resolve(result);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.settled.add(wake);
    });
  }
}
