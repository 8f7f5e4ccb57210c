// Where a read goes: to a read replica (S360_READ_DATABASE_URL) that is reachable and within the lag bound
// (replica-monitor.ts), taking them in turn; else to the primary. A read that fails on a replica for any
// reason but a typed HTTP error (bad input, not found) is run again on the primary, once: an unreachable or
// lagging replica never reaches the user as an error, only as a read the primary served. Without replicas
// every read goes to the primary and this is a pass-through. Writes never come here: they use the primary
// pool directly (transaction.ts); README "Reads and writes" lists which routes read here.
import type pg from 'pg';
import { readDatabaseUrls, type Config } from '../config.ts';
import { HttpError } from '../http/errors.ts';
import { ReplicaMonitor } from './replica-monitor.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

/** Why a read went to the primary although replicas are configured. */
export type FallbackReason = 'lagging' | 'unreachable' | 'failed';
export const PRIMARY = 'primary';

export class ReadRouter {
  readonly replicas: ReplicaMonitor[];
  /** reads served, by target (PRIMARY or a replica's label) */
  readonly reads = new Map<string, number>();
  /** reads the primary served although replicas are configured, by reason */
  readonly fallbacks = new Map<FallbackReason, number>();
  private next = 0;

  constructor(
    readonly primary: pg.Pool,
    config: Config,
    urls: string[] = readDatabaseUrls(config)
  ) {
    this.replicas = urls.map((url) => new ReplicaMonitor(url, config));
  }

  async start(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.start()));
  }
  async stop(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.stop()));
  }

  /** The next usable replica in turn, or undefined (then why none is). */
  private pick(): { replica?: ReplicaMonitor; reason?: FallbackReason } {
    const now = Date.now();
    for (let i = 0; i < this.replicas.length; i++) {
      const r = this.replicas[(this.next + i) % this.replicas.length];
      if (r.usable(now)) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return { replica: r };
      }
    }
    return { reason: this.replicas.some((r) => r.state.reachable) ? 'lagging' : 'unreachable' };
  }

  private count(target: string, reason?: FallbackReason): void {
    this.reads.set(target, (this.reads.get(target) ?? 0) + 1);
    if (reason) {
      this.fallbacks.set(reason, (this.fallbacks.get(reason) ?? 0) + 1);
    }
  }

  /** Runs a read (fn must only read: a standby refuses writes) on a replica, or on the primary. */
  async run<T>(fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
    if (!this.replicas.length) {
      this.count(PRIMARY);
      return fn(this.primary);
    }
    const { replica, reason } = this.pick();
    if (!replica) {
      this.count(PRIMARY, reason);
      return fn(this.primary);
    }
    try {
      const result = await fn(replica.pool);
      this.count(replica.state.label);
      return result;
    } catch (err) {
      if (err instanceof HttpError) {
        throw err;
      }
      if (isDatabaseUnavailable(err)) {
        replica.markUnreachable();
      }
      this.count(PRIMARY, 'failed');
      return fn(this.primary);
    }
  }
}
