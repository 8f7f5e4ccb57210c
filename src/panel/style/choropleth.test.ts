import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { Field } from '@grafana/data';
import { grafana, theme, thresholds, zoneTable } from '../test-support/grafana.ts';
import { joinZoneValues } from '../data/join.ts';
import { zonePaint, type ChoroplethStyle } from './choropleth.ts';

const style: ChoroplethStyle = { fillOpacity: 1, noDataColor: '#808080', borderColor: '', borderWidth: 1 };
const displayFor = (field: Field) => grafana.getDisplayProcessor({ field, theme });
const join = (config = {}) =>
  joinZoneValues(
    [
      zoneTable(
        [
          ['1', 5],
          ['2', 50],
          ['3', null],
        ],
        config
      ),
    ],
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

describe('zonePaint', () => {
  test('fills a zone with the threshold colour of its value', () => {
    const j = join({ unit: 'percent', ...thresholds('green', [10, 'red']) });
    const low = zonePaint(j.byCode.get('1'), j.display, style, '#fff');
    const high = zonePaint(j.byCode.get('2'), j.display, style, '#fff');
    assert.equal(low.color, theme.visualization.getColorByName('green'));
    assert.equal(high.color, theme.visualization.getColorByName('red'));
    assert.equal(high.text, '50%');
    assert.equal(high.hatch, false);
  });

  test('a value mapping recolours and renames a value', () => {
    const j = join({
      ...thresholds('green'),
      mappings: [{ type: grafana.MappingType.ValueToText, options: { '50': { text: 'Critical', color: 'purple' } } }],
    });
    const p = zonePaint(j.byCode.get('2'), j.display, style, '#fff');
    assert.equal(p.text, 'Critical');
    assert.equal(p.color, theme.visualization.getColorByName('purple'));
  });

  test('fill opacity makes the fill translucent but keeps the legend colour', () => {
    const j = join(thresholds('#ff0000'));
    const p = zonePaint(j.byCode.get('1'), j.display, { ...style, fillOpacity: 0.5 }, '#fff');
    assert.equal(p.fill, 'rgba(255, 0, 0, 0.5)');
    assert.equal(p.color, '#ff0000');
  });

  test('a zone without data, or with a null value, is hatched with a dashed border', () => {
    const j = join(thresholds('green'));
    for (const p of [
      zonePaint(undefined, j.display, style, '#fff'),
      zonePaint(j.byCode.get('3'), j.display, style, '#fff'),
    ]) {
      assert.equal(p.hasData, false);
      assert.equal(p.hatch, true);
      assert.deepEqual(p.lineDash, [4, 3]);
      assert.equal(p.text, '');
    }
  });

  test('the border comes from the theme unless set', () => {
    const j = join(thresholds('green'));
    assert.equal(zonePaint(j.byCode.get('1'), j.display, style, '#abc').stroke, '#abc');
    assert.equal(zonePaint(j.byCode.get('1'), j.display, { ...style, borderColor: '#123' }, '#abc').stroke, '#123');
  });
});
