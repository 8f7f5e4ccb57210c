// The forecast level a target reads: the dimensions it groups or filters by must be one of the stored levels.
import { ValidationError } from '../../http/errors.ts';
import type { Dimension } from '../../rollups/cubes.ts';
import type { Target } from '../../query/request-schema.ts';
import type { ForecastLevel } from '../types.ts';

const LEVELS: Array<[ForecastLevel, Dimension[]]> = [
  ['city', []],
  ['department', ['department']],
  ['channel', ['channel']],
  ['category', ['category']],
  ['topic', ['topic']],
  ['zone', ['zone']],
  ['zone_topic', ['zone', 'topic']],
];

export function levelOf(target: Target, path: string): ForecastLevel {
  const dims = new Set<Dimension>([...target.groupBy, ...(Object.keys(target.filters) as Dimension[])]);
  const hit = LEVELS.find(([, d]) => d.length === dims.size && d.every((x) => dims.has(x)));
  if (!hit) {
    throw new ValidationError('the query is invalid', [
      {
        path: `${path}.groupBy`,
        message:
          `${target.metric} groups and filters by none, one of department, channel, category, ` +
          `topic, zone, or zone and topic; got ${[...dims].join(', ') || 'none'}`,
      },
    ]);
  }
  return hit[0];
}
