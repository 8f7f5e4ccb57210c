// The statement of one cube for the bulk builds (bulk.ts, bulk-fresh.ts): a file of backend/sql/rollups with the
// slots /*CUBE*/ (its id), /*DIMS*/ (its columns, the others NULL), /*GROUP*/ and /*ORDER*/ (its columns, after
// the level and bucket) and /*HORIZON*/ (lean_hour_from for the lean cubes, else hour_from). Only whitelisted
// column names (DIMENSION_COLUMN) reach the text.
import { sql } from '../db/sql.ts';
import { CUBES, cubeId, DIMENSION_COLUMN, DIMENSIONS, HIST_CUBES, LEAN_CUBES, type Dimension } from './cubes.ts';

export type CubeFile = 'bulk_cube' | 'bulk_hist_cube' | 'bulk_fresh_cube' | 'bulk_fresh_hist_cube';

function cubeStatement(file: CubeFile, dims: readonly Dimension[]): string {
  const horizon = LEAN_CUBES.includes(dims) ? 'lean_hour_from' : 'hour_from';
  const cols = DIMENSIONS.map((d) =>
    dims.includes(d) ? DIMENSION_COLUMN[d] : `NULL::${d === 'zone' || d === 'advisor' ? 'int' : 'text'}`
  );
  return sql(`rollups/${file}`)
    .replaceAll('/*CUBE*/', String(cubeId(dims)))
    .replaceAll('/*DIMS*/', cols.join(', '))
    .replaceAll('/*HORIZON*/', horizon)
    .replaceAll(
      '/*ORDER*/',
      DIMENSIONS.filter((d) => dims.includes(d))
        .map((d) => `, ${DIMENSION_COLUMN[d]}`)
        .join('')
    )
    .replaceAll('/*GROUP*/', dims.map((d) => `, ${DIMENSION_COLUMN[d]}`).join(''));
}

const built = new Map<string, string[]>();

/** The statements of every cube (`cube` file) and every histogram cube (`hist` file), built once. */
export function cubeStatements(cube: CubeFile, hist: CubeFile): { cubes: string[]; hists: string[] } {
  const key = (f: CubeFile, cubes: ReadonlyArray<readonly Dimension[]>) => {
    let list = built.get(f);
    if (!list) {
      list = cubes.map((c) => cubeStatement(f, c));
      built.set(f, list);
    }
    return list;
  };
  return { cubes: key(cube, CUBES), hists: key(hist, HIST_CUBES) };
}
