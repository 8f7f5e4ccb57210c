// A variable list end to end: the filters read against the reference data (reloaded once when a zone or
// advisor code is unknown: it may have been imported moments ago), then the values.
import type { AppContext } from '../http/context.ts';
import type { Query } from '../geo/read-params.ts';
import type { Language } from '../query/metrics.ts';
import type { VariableDimension } from './dimensions.ts';
import { mentionsImportedCodes, parseVariableFilters } from './filters.ts';
import { referenceValues, zoneValues, type VariableValue } from './values.ts';
import { loadZones } from './zones.ts';

export async function listValues(ctx: Pick<AppContext, 'pool' | 'reference'>, dim: VariableDimension, query: Query,
  lang: Language): Promise<VariableValue[]> {
  let ref = await ctx.reference.get();
  let filters;
  try {
    filters = parseVariableFilters(query, ref);
  } catch (err) {
    if (!mentionsImportedCodes(err)) throw err;
    ctx.reference.invalidate();
    ref = await ctx.reference.get();
    filters = parseVariableFilters(query, ref);
  }
  if (dim === 'zone') return zoneValues(await loadZones(ctx.pool, filters), lang);
  return referenceValues(dim, ref, filters, lang);
}
