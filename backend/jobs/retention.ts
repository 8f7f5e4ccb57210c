import type pg from 'pg';
import type { Config } from '../config.ts';
import { sql } from '../db/sql.ts';

export async function applyRetention(pool: pg.Pool, config: Pick<Config, 'jobLogRetentionDays' | 'piiRetentionDays'>, _now: Date): Promise<number> {
  const { rows } = await pool.query<{ logs: number; customers: number }>(sql('jobs/retention'), [config.jobLogRetentionDays, config.piiRetentionDays]);
  return rows[0].logs + rows[0].customers;
}
