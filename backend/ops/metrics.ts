// The Prometheus metrics of one app: HTTP latency (by method, route pattern and status: bounded labels,
// never the raw URL), ingest counts, rollup lag and backlog, read replicas (lag, up, reads by target), job runs/skips/failures/durations, pool use,
// and Node's process metrics. One registry per app (no global state: several apps can live in a process).
// Database figures are read once per scrape; a database that does not answer makes them NaN (unknown)
// and s360_database_up 0 rather than failing the scrape.
import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppContext } from '../http/context.ts';
import { sql } from '../db/sql.ts';
import type { IngestNote } from './ingest-counts.ts';
import { holidaysMissing, horizonDays, readHolidayHorizon, type HorizonRow } from './holiday-horizon.ts';

export const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
export const UNMATCHED_ROUTE = '<unmatched>';

type JobRunRow = { job: string; last_run_at: number; runs: number; last_ms: number | null; failed: boolean };
type DatabaseFigures = {
  lagSeconds: number;
  pending: number;
  jobRuns: JobRunRow[];
  quarantined: Array<{ job: string; n: number }>;
  holidays: HorizonRow[];
};

export type AppMetrics = {
  registry: Registry;
  observeHttp: (method: string, route: string, status: number, seconds: number) => void;
  countIngest: (note: IngestNote) => void;
  /** The exposition text: reads the database figures, then renders every metric. */
  scrape: () => Promise<string>;
  contentType: string;
};

async function readDatabaseFigures(pool: pg.Pool, timeoutMs: number): Promise<DatabaseFigures | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const read = (async () => {
    const [backlog, runs, quarantined, holidays] = await Promise.all([
      pool.query<{ lag_seconds: number; pending: number }>(sql('ops/rollup_backlog')),
      pool.query<JobRunRow>(sql('ops/job_runs')),
      pool.query<{ job: string; n: number }>(sql('ops/quarantine_counts')),
      readHolidayHorizon(pool, new Date()).catch(() => [] as HorizonRow[]),
    ]);
    return {
      lagSeconds: backlog.rows[0].lag_seconds,
      pending: backlog.rows[0].pending,
      jobRuns: runs.rows,
      quarantined: quarantined.rows,
      holidays,
    };
  })().catch(() => null);
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

export function createMetrics(ctx: AppContext): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const http = new Histogram({
    name: 's360_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern (as registered, e.g. /v1/requests/:id) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers,
  });
  const ingested = new Counter({
    name: 's360_ingest_requests_total',
    help: 'Requests submitted through the API: api = v1 | open311; result = created | existing (idempotent resubmission)',
    labelNames: ['api', 'result'] as const,
    registers,
  });
  const events = new Counter({
    name: 's360_ingest_events_total',
    help: 'Journey events recorded through POST /v1/requests/{id}/events',
    registers,
  });

  // Database figures, refreshed by scrape() and read by the collect() callbacks below.
  let db: DatabaseFigures | null = null;
  new Gauge({
    name: 's360_database_up',
    help: '1 when the database answered the last scrape, else 0',
    registers,
    collect() {
      this.set(db ? 1 : 0);
    },
  });
  new Gauge({
    name: 's360_rollup_lag_seconds',
    help: 'Age of the oldest request waiting for the rollups (0 when none)',
    registers,
    collect() {
      this.set(db ? db.lagSeconds : NaN);
    },
  });
  new Gauge({
    name: 's360_rollup_pending_requests',
    help: 'Requests marked and not yet applied to the rollups',
    registers,
    collect() {
      this.set(db ? db.pending : NaN);
    },
  });
  new Gauge({
    name: 's360_job_last_run_timestamp_seconds',
    help: 'When each job last ran on any instance (job_runs)',
    labelNames: ['job'] as const,
    registers,
    collect() {
      this.reset();
      for (const r of db?.jobRuns ?? []) {
        this.set({ job: r.job }, r.last_run_at);
      }
    },
  });
  new Gauge({
    name: 's360_job_last_run_failed',
    help: '1 when the last run of the job on any instance failed (job_runs.last_error)',
    labelNames: ['job'] as const,
    registers,
    collect() {
      this.reset();
      for (const r of db?.jobRuns ?? []) {
        this.set({ job: r.job }, r.failed ? 1 : 0);
      }
    },
  });

  new Gauge({
    name: 's360_job_quarantined_rows',
    help: 'Rows each job set aside because it could not process them (job_quarantine; GET /v1/ops/quarantine lists them)',
    labelNames: ['job'] as const,
    registers,
    collect() {
      this.reset();
      for (const q of db?.quarantined ?? []) {
        this.set({ job: q.job }, Number(q.n));
      }
    },
  });

  new Gauge({
    name: 's360_calendar_holidays_horizon_days',
    help: 'Days from today to the last holiday defined for each calendar in use that observes holidays (negative once past; no sample when none is defined)',
    labelNames: ['calendar'] as const,
    registers,
    collect() {
      this.reset();
      for (const r of db?.holidays ?? []) {
        const d = horizonDays(r);
        if (d !== null) {
          this.set({ calendar: r.calendar }, d);
        }
      }
    },
  });
  new Gauge({
    name: 's360_calendar_holidays_missing',
    help: '1 when a calendar in use has no holiday defined up to 31 March of next year (/readyz warns), else 0',
    labelNames: ['calendar'] as const,
    registers,
    collect() {
      this.reset();
      for (const r of db?.holidays ?? []) {
        this.set({ calendar: r.calendar }, holidaysMissing(r) ? 1 : 0);
      }
    },
  });

  // This instance's scheduler (absent when S360_JOBS=off): counters as the scheduler keeps them.
  const jobStats = () => [...(ctx.scheduler?.stats ?? new Map()).entries()];
  const jobCounter = (
    name: string,
    help: string,
    pick: (s: { runs: number; skipped: number; failures: number; totalMs: number }) => number
  ) =>
    new Counter({
      name,
      help,
      labelNames: ['job'] as const,
      registers,
      collect() {
        this.reset();
        for (const [job, s] of jobStats()) {
          this.inc({ job }, pick(s));
        }
      },
    });
  jobCounter('s360_job_runs_total', 'Job ticks this instance ran', (s) => s.runs);
  jobCounter(
    's360_job_skips_total',
    'Job ticks this instance skipped (another instance held the lock or had run the tick)',
    (s) => s.skipped
  );
  jobCounter('s360_job_failures_total', 'Job runs on this instance that failed', (s) => s.failures);
  jobCounter('s360_job_run_seconds_total', 'Time this instance spent running each job', (s) => s.totalMs / 1000);
  new Gauge({
    name: 's360_job_last_duration_seconds',
    help: 'Duration of the last run of each job on this instance',
    labelNames: ['job'] as const,
    registers,
    collect() {
      this.reset();
      for (const [job, s] of jobStats()) {
        if (s.runs > 0) {
          this.set({ job }, s.lastMs / 1000);
        }
      }
    },
  });

  new Gauge({
    name: 's360_change_listener_connected',
    help: '1 while the LISTEN connection (token revocations, reference data changes) is up',
    registers,
    collect() {
      this.set(ctx.changes?.connected ? 1 : 0);
    },
  });

  // The read replicas (db/read-router.ts): each one's replay lag as last measured in the background, whether it
  // answered, and where the read routes' reads went.
  const replicas = () => ctx.reads.replicas.map((r) => r.state);
  new Gauge({
    name: 's360_replica_lag_seconds',
    help: 'Replay lag of each read replica at its last check (NaN: unknown, unreachable or not streaming)',
    labelNames: ['replica'] as const,
    registers,
    collect() {
      this.reset();
      for (const r of replicas()) {
        this.set({ replica: r.label }, r.lagSeconds);
      }
    },
  });
  new Gauge({
    name: 's360_replica_up',
    help: '1 when the read replica answered its last lag check, else 0',
    labelNames: ['replica'] as const,
    registers,
    collect() {
      this.reset();
      for (const r of replicas()) {
        this.set({ replica: r.label }, r.reachable ? 1 : 0);
      }
    },
  });
  new Counter({
    name: 's360_reads_total',
    help: 'Reads of the read routes by the database that served them: primary or a replica (host:port/database)',
    labelNames: ['target'] as const,
    registers,
    collect() {
      this.reset();
      for (const [target, n] of ctx.reads.reads) {
        this.inc({ target }, n);
      }
    },
  });
  new Counter({
    name: 's360_read_fallbacks_total',
    help: 'Reads the primary served although replicas are configured: lagging | unreachable | failed (retried on the primary)',
    labelNames: ['reason'] as const,
    registers,
    collect() {
      this.reset();
      for (const [reason, n] of ctx.reads.fallbacks) {
        this.inc({ reason }, n);
      }
    },
  });

  const pool = ctx.pool;
  new Gauge({
    name: 's360_db_pool_connections',
    help: 'Connections the pool holds (busy and idle)',
    registers,
    collect() {
      this.set(pool.totalCount);
    },
  });
  new Gauge({
    name: 's360_db_pool_idle_connections',
    help: 'Idle connections in the pool',
    registers,
    collect() {
      this.set(pool.idleCount);
    },
  });
  new Gauge({
    name: 's360_db_pool_waiting_clients',
    help: 'Queries waiting for a free connection',
    registers,
    collect() {
      this.set(pool.waitingCount);
    },
  });
  new Gauge({
    name: 's360_db_pool_max_connections',
    help: 'Pool size (S360_POOL_SIZE)',
    registers,
    collect() {
      this.set(ctx.config.poolSize);
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    observeHttp: (method, route, status, seconds) => http.observe({ method, route, status: String(status) }, seconds),
    countIngest: (note) => {
      if (note.kind === 'event') {
        events.inc();
        return;
      }
      if (note.created) {
        ingested.inc({ api: note.api, result: 'created' }, note.created);
      }
      if (note.existing) {
        ingested.inc({ api: note.api, result: 'existing' }, note.existing);
      }
    },
    scrape: async () => {
      db = await readDatabaseFigures(pool, ctx.config.connectTimeoutMs);
      return registry.metrics();
    },
  };
}
