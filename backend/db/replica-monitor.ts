// One read replica (a PostgreSQL hot standby): its pool, and its replay lag measured in the background
// every S360_REPLICA_CHECK_MS by one cheap statement (sql/ops/replica_lag.sql), never per request. The read
// router (read-router.ts) asks `usable()` before each read: reachable, lag known, within the bound, and the
// measurement itself recent (a check that hangs or stops must not leave an old "0 s" trusted).
import type pg from 'pg';
import type { Config } from '../config.ts';
import { createPool } from './pool.ts';
import { sql } from './sql.ts';

export type ReplicaState = {
  /** host:port/database of the replica (never its credentials): the metrics' label */
  label: string;
  /** replay lag in seconds at the last check; NaN when unknown (unreachable, not streaming, never checked) */
  lagSeconds: number;
  reachable: boolean;
  /** Date.now() of the last check that answered */
  checkedAt: number;
};

/** host:port/database of a PostgreSQL URL, without user or password. */
export function replicaLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    return 'replica';
  }
}

export class ReplicaMonitor {
  readonly pool: pg.Pool;
  readonly state: ReplicaState;
  private timer: NodeJS.Timeout | undefined;
  private checking = false;
  private stopped = false;

  constructor(
    url: string,
    private readonly config: Pick<
      Config,
      'poolSize' | 'statementTimeoutMs' | 'connectTimeoutMs' | 'replicaLagBoundSeconds' | 'replicaCheckMs'
    >
  ) {
    this.pool = createPool(url, config, 'services360-read');
    this.state = { label: replicaLabel(url), lagSeconds: NaN, reachable: false, checkedAt: 0 };
  }

  /** Measures once (awaited: the first reads already know the replica), then every replicaCheckMs. */
  async start(): Promise<void> {
    await this.check();
    const tick = () => {
      if (this.stopped) {
        return;
      }
      this.timer = setTimeout(() => {
        void this.check().finally(tick);
      }, this.config.replicaCheckMs);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pool.end().catch(() => {});
  }

  /** Whether a read may go here now. */
  usable(now = Date.now()): boolean {
    const s = this.state;
    return (
      s.reachable &&
      Number.isFinite(s.lagSeconds) &&
      s.lagSeconds <= this.config.replicaLagBoundSeconds &&
      now - s.checkedAt <= 3 * this.config.replicaCheckMs + this.config.connectTimeoutMs
    );
  }

  /** A read here failed as "unreachable": not used again until a check answers. */
  markUnreachable(): void {
    this.state.reachable = false;
    this.state.lagSeconds = NaN;
  }

  /** One measurement; a failure marks the replica unreachable (never throws). */
  async check(): Promise<void> {
    if (this.checking) {
      return;
    }
    this.checking = true;
    try {
      const {
        rows: [row],
      } = await this.pool.query<{ in_recovery: boolean; lag_seconds: number | null }>(sql('ops/replica_lag'));
      this.state.reachable = true;
      this.state.lagSeconds = row.lag_seconds === null ? NaN : Math.max(0, row.lag_seconds);
      this.state.checkedAt = Date.now();
    } catch {
      this.markUnreachable();
    } finally {
      this.checking = false;
    }
  }
}
