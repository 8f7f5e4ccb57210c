// Wires the zone map panel: the component, its options (options.ts, each layer adds its own; saved ones migrated to
// the current version by migration/) and Grafana's standard field options (unit, decimals, min/max, thresholds,
// colour scheme, value mappings, links), which style the choropleth as they style any panel.
import { FieldColorModeId, FieldConfigProperty, PanelPlugin } from '@grafana/data';
import { ZoneMapPanel } from './ZoneMapPanel.tsx';
import { buildPanelOptions } from './options.ts';
import type { ZoneMapOptions } from './types.ts';
import { initPluginTranslations } from '@grafana/i18n';
import { loadResources } from './i18n.ts';
import { zoneMapMigrationHandler, zoneMapShouldMigrate } from './migration/handler.ts';

// The catalogues registered with Grafana's i18n under the plugin's id, for the user's Grafana language (the panel
// itself speaks the dashboard's language: i18n.ts).
void initPluginTranslations('services360-zonemap-panel', [loadResources]).catch(() => undefined);

export const plugin = new PanelPlugin<ZoneMapOptions>(ZoneMapPanel)
  .setPanelOptions(buildPanelOptions)
  .setMigrationHandler(zoneMapMigrationHandler, zoneMapShouldMigrate)
  .useFieldConfig({
    standardOptions: {
      [FieldConfigProperty.Color]: {
        defaultValue: { mode: FieldColorModeId.ContinuousYlRd },
        settings: { byValueSupport: true, bySeriesSupport: false, preferThresholdsMode: true },
      },
    },
  });
