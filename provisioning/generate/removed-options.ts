// Options Grafana has removed from its panels that the Foundation SDK's builders still write (its table builder
// starts from defaults holding `footer`, removed from the table panel in Grafana 12.2+; 13.2 has none). Dropped from
// every generated panel; scripts/check-panel-options.ts proves what is left against @grafana/schema 13.2.
type Panel = { type?: string; options?: Record<string, unknown>; panels?: Panel[] };

export const REMOVED_OPTIONS: Record<string, readonly string[]> = {
  table: ['footer'],
};

/** The dashboard with the removed options of each panel (and each panel of a row) dropped, in place. */
export function dropRemovedOptions<D extends { panels?: Panel[] }>(dashboard: D): D {
  for (const p of (dashboard.panels ?? []).flatMap((x) => [x, ...(x.panels ?? [])])) {
    for (const key of REMOVED_OPTIONS[p.type ?? ''] ?? []) {
      if (p.options) {
        delete p.options[key];
      }
    }
  }
  return dashboard;
}
