import type pg from 'pg';
import type { Config } from '../config.ts';
import { sql } from '../db/sql.ts';
import { deleteHourRowsBelowHorizon } from '../rollups/hour-horizon.ts';

export async function applyRetention(
  pool: pg.Pool,
  config: Pick<Config, 'jobLogRetentionDays' | 'piiRetentionDays'>,
  _now: Date
): Promise<number> {
  const { rows } = await pool.query<{ logs: number; customers: number }>(sql('jobs/retention'), [
    config.jobLogRetentionDays,
    config.piiRetentionDays,
  ]);
  const hourRows = await deleteHourRowsBelowHorizon(pool);
  return rows[0].logs + rows[0].customers + hourRows;
}
