// Grafana's migration hooks for the zone map (module.ts): when a saved panel loads, its options are brought to the
// current version (steps.ts) before the panel's defaults fill what is missing.
import type { PanelMigrationHandler, PanelModel } from '@grafana/data';
import type { ZoneMapOptions } from '../types.ts';
import { currentVersion, migrateOptions, versionOf } from './migrate.ts';
import { ZONE_MAP_OPTION_STEPS } from './steps.ts';

/** The version the panel's options are at. */
export const OPTIONS_VERSION = currentVersion(ZONE_MAP_OPTION_STEPS);

/** The saved panel Grafana hands the handler (its options as saved, possibly of an older shape). */
export type SavedZoneMap = Parameters<PanelMigrationHandler<ZoneMapOptions>>[0];

export function zoneMapMigrationHandler(panel: SavedZoneMap): Partial<ZoneMapOptions> {
  // What the steps lead to is the current shape; resolve-options.ts makes it complete and sane when the panel draws.
  return migrateOptions(panel.options, ZONE_MAP_OPTION_STEPS) as Partial<ZoneMapOptions>;
}

/** Also when the plugin's version did not change (a development build): any panel saved at an older options version. */
export function zoneMapShouldMigrate(panel: PanelModel): boolean {
  return versionOf(panel.options) < OPTIONS_VERSION;
}
