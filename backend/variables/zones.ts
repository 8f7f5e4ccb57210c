// The zones of a variable list, read from the database (the kind and parent filters need columns the
// reference cache does not keep), narrowed there with bound arrays.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import type { VariableFilters } from './filters.ts';
import type { ZoneRow } from './values.ts';

export async function loadZones(pool: pg.Pool, filters: VariableFilters): Promise<ZoneRow[]> {
  const codes = filters.codes.zone ? [...filters.codes.zone] : null;
  const { rows } = await pool.query<ZoneRow>(sql('variables/zones'), [codes, filters.kinds, filters.parents]);
  return rows;
}
