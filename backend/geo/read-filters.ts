// Filters for a route: parsed against the cached reference data; a zone or advisor code the cache does
// not know yet (imported moments ago) gets one reload before it is refused.
import type { AppContext } from '../http/context.ts';
import type { Query } from './read-params.ts';
import { FILTER_DIMENSIONS, mentionsImportedCodes, parseRequestFilters, type FilterDimension, type RequestFilters } from './request-filters.ts';

export async function readFilters(ctx: Pick<AppContext, 'reference'>, query: Query,
  dims: readonly FilterDimension[] = FILTER_DIMENSIONS): Promise<RequestFilters> {
  try {
    return parseRequestFilters(query, await ctx.reference.get(), dims);
  } catch (err) {
    if (!mentionsImportedCodes(err)) throw err;
    ctx.reference.invalidate();
    return parseRequestFilters(query, await ctx.reference.get(), dims);
  }
}
