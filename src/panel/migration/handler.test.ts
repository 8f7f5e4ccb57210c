import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { PanelModel } from '@grafana/data';
import { DEFAULT_OPTIONS, type ZoneMapOptions } from '../types.ts';
import { OPTIONS_VERSION, zoneMapMigrationHandler, zoneMapShouldMigrate, type SavedZoneMap } from './handler.ts';
import { ZONE_MAP_OPTION_STEPS } from './steps.ts';

/** The zone map panels of a provisioned dashboard as saved today: JSON without an options version (v0). */
function savedZoneMaps(file: string): SavedZoneMap[] {
  const json = JSON.parse(
    readFileSync(new URL(`../../../provisioning/dashboards/services360/${file}`, import.meta.url), 'utf8')
  );
  const out: SavedZoneMap[] = [];
  const walk = (panels: Array<{ type?: string; panels?: unknown[] }>) => {
    for (const p of panels) {
      if (p.type === 'services360-zonemap-panel') {
        out.push(p as SavedZoneMap);
      }
      walk((p.panels ?? []) as typeof panels);
    }
  };
  walk(json.panels);
  return out;
}

const panelModel = (options: unknown) =>
  ({ id: 1, type: 'services360-zonemap-panel', options, fieldConfig: { defaults: {}, overrides: [] } }) as PanelModel;

describe("the zone map's options migration", () => {
  test('the steps are numbered 1, 2, … in order, and the defaults carry the last', () => {
    assert.deepEqual(
      ZONE_MAP_OPTION_STEPS.map((s) => s.to),
      ZONE_MAP_OPTION_STEPS.map((_, i) => i + 1)
    );
    assert.equal(OPTIONS_VERSION, ZONE_MAP_OPTION_STEPS.length);
    assert.equal(DEFAULT_OPTIONS.optionsVersion, OPTIONS_VERSION);
  });

  test("today's saved panels (v0, no version) migrate unchanged but for the version", () => {
    const panels = ['executive-overview.json', 'zones.json', 'proactive.json', 'categories-recurring.json'].flatMap(
      savedZoneMaps
    );
    assert.ok(panels.length >= 4, `${panels.length} zone maps`);
    for (const panel of panels) {
      assert.equal(panel.options.optionsVersion, undefined, 'saved before versions');
      assert.equal(zoneMapShouldMigrate(panelModel(panel.options)), true);
      assert.deepEqual(zoneMapMigrationHandler(panel), { ...panel.options, optionsVersion: OPTIONS_VERSION });
    }
  });

  test('a panel at the current version is not migrated again; one from a newer plugin is left alone', () => {
    const current = { optionsVersion: OPTIONS_VERSION, tvMode: true };
    assert.equal(zoneMapShouldMigrate(panelModel(current)), false);
    assert.deepEqual(zoneMapMigrationHandler(panelModel(current) as SavedZoneMap), current);
    const future = { optionsVersion: OPTIONS_VERSION + 1, tvMode: true, optionFromTheFuture: 1 };
    assert.equal(zoneMapShouldMigrate(panelModel(future)), false);
    assert.deepEqual(zoneMapMigrationHandler(panelModel(future) as SavedZoneMap), future);
  });
});
