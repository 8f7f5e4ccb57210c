// The aggregator's geo routes as the panel reaches them: through Grafana's datasource proxy, so the token
// stays in the datasource's secure settings (`/api/datasources/proxy/uid/<uid>/aggregator/...`). Pure.

export interface AggregatorUrls {
  zones(params: { zoom: number; language: 'en' | 'ar' }): string;
  /** An OpenLayers tile URL template ({z}/{x}/{y} left in). */
  requestTiles(params: { from: number; to: number; query: string }): string;
  /** The request tiles' TileJSON document: their zooms, as the aggregator's settings make them. */
  requestTileJson(): string;
  hotspots(params: { from: number; to: number; language: 'en' | 'ar'; query?: string }): string;
  /** The catalogue: the names of categories, topics, channels... in both languages. */
  catalog(): string;
  /** The codes and names of a dimension of the reference data (GET /v1/variables/{dimension}): stage, status... */
  values(params: { dimension: string; language: 'en' | 'ar' }): string;
}

/** @param appSubUrl Grafana's sub path ('' at the root) */
export function aggregatorUrls(datasourceUid: string, appSubUrl = ''): AggregatorUrls {
  const base = `${appSubUrl.replace(/\/$/, '')}/api/datasources/proxy/uid/${encodeURIComponent(datasourceUid)}/aggregator/v1`;
  const range = (from: number, to: number) =>
    `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;
  const extra = (query = '') => (cleanQuery(query) ? `&${cleanQuery(query)}` : '');
  return {
    zones: ({ zoom, language }) => `${base}/zones.geojson?zoom=${Math.round(zoom)}&language=${language}`,
    requestTiles: ({ from, to, query }) => `${base}/tiles/requests/{z}/{x}/{y}.mvt?${range(from, to)}${extra(query)}`,
    requestTileJson: () => `${base}/tiles/requests.json`,
    hotspots: ({ from, to, language, query }) =>
      `${base}/recurrence/hotspots.geojson?${range(from, to)}&language=${language}${extra(query)}`,
    catalog: () => `${base}/catalog`,
    values: ({ dimension, language }) => `${base}/variables/${encodeURIComponent(dimension)}?language=${language}`,
  };
}

/**
 * A user's filter query string (after template variables are replaced), e.g. "zone=332&channel=whatsapp":
 * empty and "all" values dropped, every name and value re-encoded so nothing else reaches the URL.
 */
export function cleanQuery(query: string): string {
  const params = new URLSearchParams(query.replace(/^[?&]+/, ''));
  const out = new URLSearchParams();
  for (const [k, v] of params) {
    if (!k || v === '' || v === 'all' || v === '$__all' || /^\$/.test(v)) {
      continue;
    }
    for (const part of v.split(',')) {
      if (part) {
        out.append(k, part);
      }
    }
  }
  return out.toString();
}
