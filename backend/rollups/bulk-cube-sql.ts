// The statement of one cube for the bulk builds (bulk.ts, bulk-fresh-cubes.ts): a template of backend/sql/rollups with
// the slots {cube} (its id), {dims} (its columns, the others NULL), {group_by} and {order_by} (its columns, after the
// level and bucket) and, in the rollups' files, {horizon} (lean_hour_from for the lean cubes, else hour_from); the
// fresh build's also {stage} and, where a cube is staged, {source} (tables from FRESH_SOURCES). Only whitelisted
// column and table names (dimensionColumn, freshTable) and the cube's integer id reach the text.
import { sqlTemplate } from '../db/sql.ts';
import { EMPTY_FRAGMENT, fragment, identifier, integer, joinFragments, type SqlFragment } from '../db/sql-fragment.ts';
import { CUBES, cubeId, dimensionColumn, DIMENSIONS, HIST_CUBES, isLeanCube, type Dimension } from './cubes.ts';

export type CubeKind = 'cube' | 'hist';

/** The typed NULL standing for a dimension a cube does not group by. */
const absent = (d: Dimension): SqlFragment =>
  d === 'zone' || d === 'advisor' ? fragment`NULL::int` : fragment`NULL::text`;

/** `, column` for each of `dims`, in that order. */
const afterBucket = (dims: readonly Dimension[]): SqlFragment =>
  joinFragments(
    dims.map((d) => fragment`, ${dimensionColumn(d)}`),
    EMPTY_FRAGMENT
  );

/** The slots every cube file has: id, columns, grouping (in the cube's order) and ordering (in the key's order). */
function cubeSlots(dims: readonly Dimension[]): Record<string, SqlFragment> {
  return {
    cube: integer(cubeId(dims)),
    dims: joinFragments(DIMENSIONS.map((d) => (dims.includes(d) ? dimensionColumn(d) : absent(d)))),
    group_by: afterBucket(dims),
    order_by: afterBucket(DIMENSIONS.filter((d) => dims.includes(d))),
  };
}

/** The column of rollup_hour_horizon where a cube's hour rows begin. */
const horizon = (dims: readonly Dimension[]): SqlFragment =>
  isLeanCube(dims) ? fragment`lean_hour_from` : fragment`hour_from`;

const cubeStatement = (dims: readonly Dimension[]): SqlFragment =>
  sqlTemplate('rollups/bulk_cube', { ...cubeSlots(dims), horizon: horizon(dims) });

const histCubeStatement = (dims: readonly Dimension[]): SqlFragment =>
  sqlTemplate('rollups/bulk_hist_cube', cubeSlots(dims));

/** The batch path's statements of every cube and every histogram cube; sqlTemplate keeps them once made. */
export function cubeStatements(): { cubes: SqlFragment[]; hists: SqlFragment[] } {
  return {
    cubes: CUBES.map(cubeStatement),
    hists: HIST_CUBES.map(histCubeStatement),
  };
}

/** The fresh build's facts of each kind (bulk_fresh_facts.sql). */
export const FRESH_FACTS: Readonly<Record<CubeKind, string>> = {
  cube: 'bulk_fresh_facts',
  hist: 'bulk_fresh_hist_facts',
};

/** The staging table of one cube of the fresh build (bulk_fresh_cube.sql, bulk_fresh_hist_cube.sql). */
export const freshStage = (kind: CubeKind, dims: readonly Dimension[]): string => `bulk_fresh_${kind}_${cubeId(dims)}`;

/** Every table a fresh cube may read or write: the facts and the stages (the whitelist of {source} and {stage}). */
export const FRESH_SOURCES: readonly string[] = [
  ...Object.values(FRESH_FACTS),
  ...CUBES.map((dims) => freshStage('cube', dims)),
  ...HIST_CUBES.map((dims) => freshStage('hist', dims)),
];

export const freshTable = (name: string): SqlFragment => identifier(name, FRESH_SOURCES);

/** The fresh build's statement staging one cube of `kind`, grouped from `source` (the facts or a finer cube's stage). */
export function freshCubeStatement(kind: CubeKind, dims: readonly Dimension[], source: string): SqlFragment {
  const slots = {
    source: freshTable(source),
    stage: freshTable(freshStage(kind, dims)),
    group_by: cubeSlots(dims).group_by,
  };
  return kind === 'cube'
    ? sqlTemplate('rollups/bulk_fresh_cube', { ...slots, horizon: horizon(dims) })
    : sqlTemplate('rollups/bulk_fresh_hist_cube', slots);
}

/** The levels a fresh cube's rows are written at (bulk_fresh_cube_level.sql), in no particular order. */
export const FRESH_LEVELS: readonly string[] = ['hour', 'day', 'month'];

/** The fresh build's statement writing one level (bound as :level) of one staged cube of `kind`. */
export function freshLevelStatement(kind: CubeKind, dims: readonly Dimension[]): SqlFragment {
  const slots = { ...cubeSlots(dims), stage: freshTable(freshStage(kind, dims)) };
  return sqlTemplate(kind === 'cube' ? 'rollups/bulk_fresh_cube_level' : 'rollups/bulk_fresh_hist_cube_level', slots);
}
