// Filters for a route, parsed against the cached reference data. An unknown code is a 400 naming it; it
// does not reload the cache (an import anywhere reloads it on every instance: domain/reference.ts).
import type { AppContext } from '../http/context.ts';
import type { Query } from './read-params.ts';
import {
  FILTER_DIMENSIONS,
  parseRequestFilters,
  type FilterDimension,
  type RequestFilters,
} from './request-filters.ts';

export async function readFilters(
  ctx: Pick<AppContext, 'reference'>,
  query: Query,
  dims: readonly FilterDimension[] = FILTER_DIMENSIONS
): Promise<RequestFilters> {
  return parseRequestFilters(query, await ctx.reference.get(), dims);
}
