// The dimensions of the rollups and the "cubes" (grouping sets) kept for them. A query is answered from
// the smallest cube holding every dimension it groups or filters by; when none does, from the raw rows.
import { fragment, identifier, integer, joinFragments, type SqlFragment } from '../db/sql-fragment.ts';

export const DIMENSIONS = [
  'zone',
  'channel',
  'category',
  'topic',
  'department',
  'advisor',
  'status_class',
  'priority',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The rollup column of each dimension (whitelist: the only identifiers that reach SQL text). */
export const DIMENSION_COLUMN: Readonly<Record<Dimension, string>> = {
  zone: 'zone_id',
  channel: 'channel',
  category: 'category',
  topic: 'topic',
  department: 'department',
  advisor: 'advisor_id',
  status_class: 'status_class',
  priority: 'priority',
};

export const CUBES: ReadonlyArray<readonly Dimension[]> = [
  [],
  ['zone'],
  ['channel'],
  ['category'],
  ['topic'],
  ['department'],
  ['advisor'],
  ['status_class'],
  ['priority'],
  ['zone', 'channel'],
  ['zone', 'category'],
  ['zone', 'department'],
  ['zone', 'status_class'],
  ['channel', 'category'],
  ['department', 'topic'],
  ['department', 'status_class'],
];

/**
 * The lean cubes: those without zone or advisor, whose hour rows are few (about 125 an hour at 10 M requests over
 * 3 years, against some 2,800 for the others). Their hour rows are kept for the whole history (migration 0030),
 * so a long range grouped by channel, category, topic, department, status or priority is answered from rollups
 * at its sub-day edges too; the other cubes keep hours only from the hour horizon on (migration 0023).
 */
export const isLeanCube = (dims: readonly Dimension[]): boolean => !dims.includes('zone') && !dims.includes('advisor');
export const LEAN_CUBES: ReadonlyArray<readonly Dimension[]> = CUBES.filter(isLeanCube);

/** Histograms (medians, p90) are kept for fewer cubes: one dimension at a time. */
export const HIST_CUBES: ReadonlyArray<readonly Dimension[]> = CUBES.filter((c) => c.length <= 1);

/** PostgreSQL's GROUPING(zone_id, …, priority): a set bit marks a dimension summed over (first = most significant). */
export function cubeId(dims: readonly Dimension[]): number {
  let mask = 0;
  DIMENSIONS.forEach((d, i) => {
    if (!dims.includes(d)) {
      mask |= 1 << (DIMENSIONS.length - 1 - i);
    }
  });
  return mask;
}

/** The ids of the lean cubes (bound into the rollup statements as smallint[]). */
export const LEAN_CUBE_IDS: readonly number[] = LEAN_CUBES.map((c) => cubeId(c));
/** The ids of the other cubes (with zone or advisor): their hour rows are kept from the hour horizon on. */
export const WIDE_CUBE_IDS: readonly number[] = CUBES.filter((c) => !LEAN_CUBES.includes(c)).map((c) => cubeId(c));

/** The smallest cube holding all `needed` dimensions, or null (answer from the raw rows). */
export function coveringCube(
  needed: readonly Dimension[],
  cubes: ReadonlyArray<readonly Dimension[]> = CUBES
): { id: number; dims: readonly Dimension[] } | null {
  let best: readonly Dimension[] | null = null;
  for (const cube of cubes) {
    if (needed.every((d) => cube.includes(d)) && (!best || cube.length < best.length)) {
      best = cube;
    }
  }
  return best ? { id: cubeId(best), dims: best } : null;
}

/** The column of a dimension as SQL text, checked against the whitelist. */
export const dimensionColumn = (d: Dimension): SqlFragment =>
  identifier(DIMENSION_COLUMN[d], Object.values(DIMENSION_COLUMN));

/**
 * The cube id (as cubeId) of a row of grouping sets over `present` dimensions only: GROUPING() of each present
 * dimension in its bit, the bits of the others set (summed over). Whitelisted columns only.
 */
export function cubeIdSql(present: readonly Dimension[]): SqlFragment {
  return joinFragments(
    DIMENSIONS.map((d, i) => {
      const bit = DIMENSIONS.length - 1 - i;
      return present.includes(d) ? fragment`(GROUPING(${dimensionColumn(d)}) << ${integer(bit)})` : integer(1 << bit);
    }),
    fragment` | `
  );
}

export function groupingSetsSql(cubes: ReadonlyArray<readonly Dimension[]> = CUBES): SqlFragment {
  return joinFragments(
    cubes.map((c) => fragment`(${joinFragments(c.map(dimensionColumn))})`),
    fragment`,\n    `
  );
}

export const GROUPING_ARGS: SqlFragment = joinFragments(DIMENSIONS.map(dimensionColumn));
