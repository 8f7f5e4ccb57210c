// A variable list end to end: the filters read against the reference data (an unknown code is a 400 naming
// it, without reloading the cache: domain/reference.ts), then the values.
import type { AppContext } from '../http/context.ts';
import type { Query } from '../geo/read-params.ts';
import type { Language } from '../query/metrics.ts';
import type { VariableDimension } from './dimensions.ts';
import { parseVariableFilters } from './filters.ts';
import { referenceValues, zoneValues, type VariableValue } from './values.ts';
import { loadZones } from './zones.ts';

export async function listValues(
  ctx: Pick<AppContext, 'reads' | 'reference'>,
  dim: VariableDimension,
  query: Query,
  lang: Language
): Promise<VariableValue[]> {
  const ref = await ctx.reference.get();
  const filters = parseVariableFilters(query, ref);
  if (dim === 'zone') {
    return zoneValues(await ctx.reads.run((pool) => loadZones(pool, filters)), lang);
  }
  return referenceValues(dim, ref, filters, lang);
}
