import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { resolveOptions, variableName } from './resolve-options.ts';
import { DEFAULT_OPTIONS } from './types.ts';

describe('resolveOptions', () => {
  test('nothing saved: every default, canvas renderer, no base map, variable zone', () => {
    const o = resolveOptions(undefined);
    assert.equal(o.renderer, 'canvas');
    assert.equal(o.basemap.type, 'none');
    assert.equal(o.variableName, 'zone');
    assert.equal(o.datasourceUid, 'services360-requests');
    assert.equal(o.zones.enabled, true);
    assert.equal(o.heatmap.enabled, false);
    assert.equal(o.points.maxFeatures, 3000);
    assert.deepEqual(o.view, DEFAULT_OPTIONS.view);
  });

  test('saved values win, nested ones too, without losing their siblings', () => {
    const o = resolveOptions({
      tvMode: true,
      view: { fit: 'fixed' },
      zones: { perCapita: true },
      labels: { language: 'ar' },
    });
    assert.equal(o.tvMode, true);
    assert.equal(o.view.fit, 'fixed');
    assert.equal(o.view.zoom, 10);
    assert.equal(o.zones.perCapita, true);
    assert.equal(o.zones.fillOpacity, 0.8);
    assert.equal(o.labels.language, 'ar');
  });

  test('values of the wrong type or out of range are replaced', () => {
    const o = resolveOptions({
      tvMode: 'yes',
      points: { maxFeatures: 10_000_000, binPixels: -3 },
      zones: { fillOpacity: 7, perCapitaBase: 0 },
      datasourceUid: '',
    });
    assert.equal(o.tvMode, false);
    assert.equal(o.points.maxFeatures, 20000);
    assert.equal(o.points.binPixels, 10);
    assert.equal(o.zones.fillOpacity, 1);
    assert.equal(o.zones.perCapitaBase, 10000);
    assert.equal(o.datasourceUid, 'services360-requests');
  });
});

describe('the drill-down variable', () => {
  test('accepts the ways people write a variable name', () => {
    for (const n of ['zone', '$zone', '${zone}', 'var-zone', ' zone ']) {
      assert.equal(variableName(n), 'zone');
    }
  });
});
