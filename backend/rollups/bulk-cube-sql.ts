// The statement of one cube for the bulk builds (bulk.ts, bulk-fresh.ts): a template of backend/sql/rollups with the
// slots {cube} (its id), {dims} (its columns, the others NULL), {group_by} and {order_by} (its columns, after the
// level and bucket) and, in the rollups' files, {horizon} (lean_hour_from for the lean cubes, else hour_from). Only
// whitelisted column names (dimensionColumn) and the cube's integer id reach the text.
import { sqlTemplate } from '../db/sql.ts';
import { EMPTY_FRAGMENT, fragment, integer, joinFragments, type SqlFragment } from '../db/sql-fragment.ts';
import { CUBES, cubeId, dimensionColumn, DIMENSIONS, HIST_CUBES, LEAN_CUBES, type Dimension } from './cubes.ts';

export type CubeFile = 'bulk_cube' | 'bulk_fresh_cube';
export type HistCubeFile = 'bulk_hist_cube' | 'bulk_fresh_hist_cube';

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

const cubeStatement = (file: CubeFile, dims: readonly Dimension[]): SqlFragment =>
  sqlTemplate(`rollups/${file}`, {
    ...cubeSlots(dims),
    horizon: LEAN_CUBES.includes(dims) ? fragment`lean_hour_from` : fragment`hour_from`,
  });

const histCubeStatement = (file: HistCubeFile, dims: readonly Dimension[]): SqlFragment =>
  sqlTemplate(`rollups/${file}`, cubeSlots(dims));

/** The statements of every cube (`cube` file) and every histogram cube (`hist` file); sqlTemplate keeps them once made. */
export function cubeStatements(cube: CubeFile, hist: HistCubeFile): { cubes: SqlFragment[]; hists: SqlFragment[] } {
  return {
    cubes: CUBES.map((dims) => cubeStatement(cube, dims)),
    hists: HIST_CUBES.map((dims) => histCubeStatement(hist, dims)),
  };
}
