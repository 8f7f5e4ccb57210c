// The dimensions GET /v1/variables/{dimension} lists, and which other dimensions narrow each list.
// A filter on a dimension that does not relate to the listed one is still checked (an unknown code is a
// 400) but narrows nothing: a dashboard passes all its variables to every variable query.
import { DIMENSIONS } from '../rollups/cubes.ts';

/** The query's dimensions (rollups/cubes.ts, the catalogue's), and the journey's status and stage. */
export const VARIABLE_DIMENSIONS = [...DIMENSIONS, 'status', 'stage'] as const;
export type VariableDimension = (typeof VARIABLE_DIMENSIONS)[number];

/** Zone-only filters beside the dimensions: the zone kind and the parent zone's code. */
export const ZONE_KINDS = ['community', 'public_site'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** Every query parameter the route knows. */
export const VARIABLE_PARAMS: readonly string[] = ['language', 'kind', 'parent', ...VARIABLE_DIMENSIONS];

/** For each listed dimension, the filters that narrow it (its own dimension restricts it to those codes). */
export const NARROWED_BY: Readonly<Record<VariableDimension, ReadonlyArray<VariableDimension | 'kind' | 'parent'>>> = {
  zone: ['zone', 'kind', 'parent'],
  channel: ['channel'],
  category: ['category'],
  topic: ['topic', 'department'],
  department: ['department', 'topic', 'advisor'],
  advisor: ['advisor', 'department'],
  status_class: ['status_class', 'status', 'stage'],
  priority: ['priority'],
  status: ['status', 'status_class', 'stage'],
  stage: ['stage', 'status', 'status_class'],
};

export const isVariableDimension = (v: string): v is VariableDimension =>
  (VARIABLE_DIMENSIONS as readonly string[]).includes(v);
