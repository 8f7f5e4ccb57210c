// Readiness (GET /readyz): the database answers and no migration is pending. A calendar in use running out of
// holidays (ops/holiday-horizon.ts) is a warning, and so is a database no city file was applied to (it answers,
// with an empty catalogue, in UTC). The rollup lag is reported,
// and past its bound as a warning, never as a failure: answers stay exact while the job catches up (they
// add the changes not yet applied), so taking every instance out of service for it would only turn a slow
// job into an outage. The lag is watched by s360_rollup_lag_seconds and an alert rule instead.
// judgeReadiness is pure; checkReadiness does the I/O.
import type pg from 'pg';
import { pendingMigrations } from '../db/migrate.ts';
import { sql } from '../db/sql.ts';
import type { ErrorDetail } from '../http/errors.ts';
import { horizonWarnings, readHolidayHorizon, type HorizonRow } from './holiday-horizon.ts';

export type ReadinessChecks = {
  database: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
  /** age of the oldest rollup_pending mark in seconds, 0 when none; null when it could not be read */
  rollup_lag_seconds: number | null;
};

export type Observed = {
  databaseAnswers: boolean;
  /** migration files not yet applied; null when they could not be listed */
  pending: string[] | null;
  lagSeconds: number | null;
  /** the holiday horizon of each calendar in use (holiday-horizon.ts); absent or null when it could not be read */
  holidays?: HorizonRow[] | null;
  /** whether a city file was applied (channels, topics and calendars exist); absent or null when it could not be read */
  cityConfigured?: boolean | null;
};

/** problems make it not ready; warnings are reported and leave it ready */
export type Readiness = { ready: boolean; checks: ReadinessChecks; problems: ErrorDetail[]; warnings: ErrorDetail[] };

const round1 = (n: number) => Math.round(n * 10) / 10;

/** What the observations mean: the checks as the probe reports them, and a plain sentence per failing or worrying one. */
export function judgeReadiness(o: Observed, lagBoundSeconds: number): Readiness {
  const problems: ErrorDetail[] = [];
  const warnings: ErrorDetail[] = [];
  if (!o.databaseAnswers) {
    problems.push({ path: 'database', message: 'the database does not answer' });
  }
  if (o.databaseAnswers && o.pending === null) {
    problems.push({ path: 'migrations', message: 'the applied migrations could not be read' });
  }
  if (o.pending && o.pending.length) {
    const n = o.pending.length;
    problems.push({
      path: 'migrations',
      message: `${n} migration${n > 1 ? 's' : ''} pending (${o.pending.join(', ')}); run services360 migrate`,
    });
  }
  if (o.databaseAnswers && o.lagSeconds === null) {
    warnings.push({ path: 'rollup_lag_seconds', message: 'the rollup lag could not be read' });
  }
  if (o.lagSeconds !== null && o.lagSeconds >= lagBoundSeconds) {
    warnings.push({
      path: 'rollup_lag_seconds',
      message: `the rollups lag ${Math.round(o.lagSeconds)} s behind (bound ${lagBoundSeconds} s); answers stay exact while they catch up`,
    });
  }
  // A calendar running out of holidays is a warning: SLA clocks keep running (without those days off).
  warnings.push(...horizonWarnings(o.holidays ?? []));
  if (o.cityConfigured === false) {
    warnings.push({
      path: 'city',
      message:
        'no city configuration applied: no channels, topics or working calendars, and days are counted in UTC;' +
        ' run services360 config apply FILE (config/cities/dubai.yaml is an example)',
    });
  }
  const checks: ReadinessChecks = {
    database: o.databaseAnswers ? 'ok' : 'unreachable',
    migrations: o.pending === null ? 'unknown' : o.pending.length ? 'pending' : 'current',
    rollup_lag_seconds: o.lagSeconds === null ? null : round1(o.lagSeconds),
  };
  return { ready: problems.length === 0, checks, problems, warnings };
}

/** Rejects after ms: a database that hangs (rather than refusing) must not hang the probe. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Observes the checks at `now`; never throws (a failure is an observation). */
export async function observeReadiness(pool: pg.Pool, timeoutMs: number, now: Date = new Date()): Promise<Observed> {
  const databaseAnswers = await within(pool.query('SELECT 1'), timeoutMs).then(
    () => true,
    () => false
  );
  if (!databaseAnswers) {
    return { databaseAnswers, pending: null, lagSeconds: null };
  }
  const [pending, lagSeconds, holidays, cityConfigured] = await Promise.all([
    // The database answered just now, so a schema_migrations it cannot read means none were applied.
    within(pendingMigrations(pool), timeoutMs).catch(() => null),
    within(pool.query<{ lag_seconds: number }>(sql('ops/rollup_lag')), timeoutMs).then(
      (r) => r.rows[0].lag_seconds,
      () => null
    ),
    // Unreadable (e.g. migration 0036 pending, which the migrations check reports): no holiday warning.
    within(readHolidayHorizon(pool, now), timeoutMs).catch(() => null),
    within(pool.query<{ configured: boolean }>(sql('ops/city_configured')), timeoutMs).then(
      (r) => r.rows[0].configured,
      () => null
    ),
  ]);
  return { databaseAnswers, pending, lagSeconds, holidays, cityConfigured };
}

export async function checkReadiness(
  pool: pg.Pool,
  lagBoundSeconds: number,
  timeoutMs: number,
  now: Date = new Date()
): Promise<Readiness> {
  return judgeReadiness(await observeReadiness(pool, timeoutMs, now), lagBoundSeconds);
}
