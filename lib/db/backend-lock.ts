import "server-only";

/** The waiter's connection went away before its turn came. */
export class BackendLockDroppedError extends Error {
  constructor() {
    super("the connection closed while it waited for the embedded database");
    this.name = "BackendLockDroppedError";
  }
}

/** The waiter did not get its turn in time. */
export class BackendLockTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the embedded database was busy for more than ${Math.round(timeoutMs / 1000)} s`);
    this.name = "BackendLockTimeoutError";
  }
}

interface Waiter {
  id: symbol;
  resolve: () => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * The turn on PGlite's single backend: a FIFO mutex with an owner, so the owner keeps it across
 * several batches of messages (a transaction). Every waiter either gets its turn, times out, or is
 * dropped with its connection: none is left pending.
 */
export class BackendLock {
  private owner: symbol | null = null;
  private waiters: Waiter[] = [];

  constructor(private readonly timeoutMs: number) {}

  isOwner(id: symbol): boolean {
    return this.owner === id;
  }

  /** How many connections wait for their turn, and whether one holds it (for tests and logs). */
  stats(): { waiting: number; held: boolean } {
    return { waiting: this.waiters.length, held: this.owner !== null };
  }

  acquire(id: symbol): Promise<void> {
    if (this.owner === id) return Promise.resolve();
    if (this.owner === null) {
      this.owner = id;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.id !== id);
        reject(new BackendLockTimeoutError(this.timeoutMs));
      }, this.timeoutMs);
      timer.unref();
      this.waiters.push({ id, resolve, reject, timer });
    });
  }

  release(id: symbol): void {
    if (this.owner !== id) return;
    const next = this.waiters.shift();
    if (next) {
      clearTimeout(next.timer);
      this.owner = next.id;
      next.resolve();
    } else {
      this.owner = null;
    }
  }

  /** A connection is gone: its wait ends (rejected) and, if it held the turn, the next one gets it. */
  drop(id: symbol): void {
    this.waiters = this.waiters.filter((w) => {
      if (w.id !== id) return true;
      clearTimeout(w.timer);
      w.reject(new BackendLockDroppedError());
      return false;
    });
    this.release(id);
  }
}
