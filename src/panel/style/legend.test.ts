import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { Field, FieldConfig } from '@grafana/data';
import { grafana, theme, thresholds, zoneTable } from '../test-support/grafana.ts';
import { joinZoneValues } from '../data/join.ts';
import { choroplethLegend } from './legend.ts';

const displayFor = (field: Field) => grafana.getDisplayProcessor({ field, theme });
const named = (c: string) => theme.visualization.getColorByName(c);
function legend(
  config: FieldConfig,
  values: Array<[string, number | null]> = [
    ['1', 5],
    ['2', 50],
  ],
  noData = 0
) {
  const j = joinZoneValues(
    [zoneTable(values, config)],
    new Map(),
    {
      frame: '',
      codeField: '',
      valueField: '',
      reducer: 'last',
      perCapita: false,
      perCapitaBase: 10000,
      missing: 'noData' as const,
    },
    displayFor
  );
  return choroplethLegend(j.field, j.display, named, '#888888', noData)!;
}

describe('choroplethLegend', () => {
  test('one entry per threshold step, labelled with the range in the field unit', () => {
    const l = legend({ unit: 'percent', ...thresholds('green', [80, 'orange'], [95, 'red']) });
    assert.equal(l.kind, 'steps');
    assert.equal(l.title, 'received');
    assert.deepEqual(l.items, [
      { color: named('green'), label: '< 80%' },
      { color: named('orange'), label: '80% – 95%' },
      { color: named('red'), label: '≥ 95%' },
    ]);
  });

  test('percentage thresholds are placed within the value range', () => {
    const l = legend(
      {
        color: { mode: 'thresholds' },
        thresholds: {
          mode: grafana.ThresholdsMode.Percentage,
          steps: [
            { value: -Infinity, color: 'green' },
            { value: 50, color: 'red' },
          ],
        },
      },
      [
        ['1', 0],
        ['2', 200],
      ]
    );
    assert.deepEqual(
      l.items.map((i) => i.label),
      ['< 100', '≥ 100']
    );
  });

  test('a continuous scheme becomes a gradient from min to max', () => {
    const l = legend({ color: { mode: 'continuous-YlRd' } }, [
      ['1', 10],
      ['2', 90],
    ]);
    assert.equal(l.kind, 'gradient');
    assert.equal(l.gradient?.min, '10');
    assert.equal(l.gradient?.max, '90');
    assert.equal(l.gradient?.colors.length, 9);
    assert.notEqual(l.gradient?.colors[0], l.gradient?.colors[8]);
  });

  test('value mappings with a colour get their own entry', () => {
    const l = legend({
      ...thresholds('green', [10, 'red']),
      mappings: [{ type: grafana.MappingType.ValueToText, options: { '0': { text: 'Quiet', color: 'blue' } } }],
    });
    assert.deepEqual(l.items.at(-1), { color: named('blue'), label: 'Quiet' });
  });

  test('"No data" shows only when some zone has none', () => {
    assert.equal(legend(thresholds('green', [10, 'red'])).noData, undefined);
    assert.deepEqual(legend(thresholds('green', [10, 'red']), undefined, 3).noData, {
      color: '#888888',
      label: 'No data',
      hatch: true,
    });
  });

  test('a single base colour is one entry', () => {
    const l = legend(thresholds('purple'));
    assert.equal(l.kind, 'single');
    assert.deepEqual(l.items, [{ color: named('purple'), label: 'received' }]);
  });

  test('no field, no legend', () => {
    assert.equal(choroplethLegend(null, null, named, '#888', 0), null);
  });
});
