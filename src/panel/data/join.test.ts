import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { Field } from '@grafana/data';
import { frame, grafana, theme, thresholds, zoneTable } from '../test-support/grafana.ts';
import { joinZoneValues, reduce, type JoinOptions } from './join.ts';

const opts = (over: Partial<JoinOptions> = {}): JoinOptions => ({
  frame: '',
  codeField: '',
  valueField: '',
  reducer: 'last',
  perCapita: false,
  perCapitaBase: 10000,
  missing: 'noData',
  ...over,
});
const displayFor = (field: Field) => grafana.getDisplayProcessor({ field, theme });
const pops = new Map<string, number | null>([
  ['332', 20000],
  ['333', 5000],
  ['334', null],
]);

describe('joinZoneValues', () => {
  test('joins a table by its zone_code field and the first number field', () => {
    const r = joinZoneValues(
      [
        zoneTable([
          ['332', 12],
          ['333', 30],
        ]),
      ],
      pops,
      opts(),
      displayFor
    );
    assert.equal(r.kind, 'table');
    assert.equal(r.byCode.get('332')?.value, 12);
    assert.equal(r.byCode.get('333')?.value, 30);
    assert.equal(r.byCode.get('333')?.rowIndex, 1);
    assert.equal(r.byCode.has('334'), false);
  });

  test('the value field and the code field are selectable', () => {
    const f = frame([
      { name: 'area', values: ['332', '333'] },
      { name: 'received', values: [1, 2] },
      { name: 'on_time_pct', values: [80, 95], config: { displayName: 'On time %' } },
    ]);
    const r = joinZoneValues([f], pops, opts({ codeField: 'area', valueField: 'On time %' }), displayFor);
    assert.equal(r.byCode.get('333')?.value, 95);
    assert.equal(r.field?.name, 'on_time_pct');
  });

  test('picks the frame by refId', () => {
    const a = zoneTable([['332', 1]], {}, 'received', 'A');
    const b = zoneTable([['332', 7]], {}, 'backlog', 'B');
    assert.equal(joinZoneValues([a, b], pops, opts({ frame: 'B' }), displayFor).byCode.get('332')?.value, 7);
    assert.equal(joinZoneValues([a, b], pops, opts(), displayFor).byCode.get('332')?.value, 1);
  });

  test('joins time series by the zone label, reduced as asked', () => {
    const series = (code: string, values: Array<number | null>) =>
      frame([
        { name: 'time', type: 'time', values: values.map((_, i) => i * 1000) },
        { name: 'received', values, labels: { zone: code } },
      ]);
    const data = [series('332', [1, 2, 3]), series('333', [4, null, 6, null])];
    const last = joinZoneValues(data, pops, opts(), displayFor);
    assert.equal(last.kind, 'labels');
    assert.equal(last.byCode.get('332')?.value, 3);
    assert.equal(last.byCode.get('333')?.value, 6);
    assert.equal(last.byCode.get('333')?.rowIndex, 2, 'the row of the last value, for data links');
    assert.equal(joinZoneValues(data, pops, opts({ reducer: 'sum' }), displayFor).byCode.get('333')?.value, 10);
    assert.equal(joinZoneValues(data, pops, opts({ reducer: 'max' }), displayFor).byCode.get('332')?.value, 3);
  });

  test('repeated rows for one zone are reduced (sum)', () => {
    const r = joinZoneValues(
      [
        zoneTable([
          ['332', 2],
          ['332', 5],
        ]),
      ],
      pops,
      opts({ reducer: 'sum' }),
      displayFor
    );
    assert.equal(r.byCode.get('332')?.value, 7);
  });

  test('a null value is a zone without data, not zero', () => {
    const r = joinZoneValues(
      [
        zoneTable([
          ['332', null],
          ['333', 0],
        ]),
      ],
      pops,
      opts(),
      displayFor
    );
    assert.equal(r.byCode.get('332')?.value, null);
    assert.equal(r.byCode.get('333')?.value, 0);
  });

  test('per capita divides by population; a zone without population has no value', () => {
    const r = joinZoneValues(
      [
        zoneTable([
          ['332', 10],
          ['333', 10],
          ['334', 10],
        ]),
      ],
      pops,
      opts({ perCapita: true }),
      displayFor
    );
    assert.equal(r.byCode.get('332')?.value, 5);
    assert.equal(r.byCode.get('333')?.value, 20);
    assert.equal(r.byCode.get('334')?.value, null);
    assert.equal(r.byCode.get('334')?.raw, 10);
    assert.equal(r.field?.config.displayName, 'received per 10k residents');
    assert.equal(r.display?.(5).text, '5.0');
  });

  test('the colour range spans the joined values, so continuous schemes use the whole palette', () => {
    const r = joinZoneValues(
      [
        zoneTable(
          [
            ['332', 10],
            ['333', 40],
          ],
          { color: { mode: 'continuous-YlRd' } }
        ),
      ],
      pops,
      opts(),
      displayFor
    );
    assert.deepEqual(r.field?.state?.range, { min: 10, max: 40, delta: 30 });
    assert.notEqual(r.display?.(10).color, r.display?.(40).color);
  });

  test('the display carries thresholds and unit from the field config', () => {
    const r = joinZoneValues(
      [
        zoneTable(
          [
            ['332', 5],
            ['333', 50],
          ],
          { unit: 'percent', ...thresholds('green', [10, 'red']) }
        ),
      ],
      pops,
      opts(),
      displayFor
    );
    const d = r.display!(50);
    assert.equal(d.suffix, '%');
    assert.equal(d.color, theme.visualization.getColorByName('red'));
  });

  test('codes without a zone are listed as unmatched', () => {
    assert.deepEqual(
      joinZoneValues(
        [
          zoneTable([
            ['999', 1],
            ['332', 1],
          ]),
        ],
        pops,
        opts(),
        displayFor
      ).unmatched,
      ['999']
    );
  });

  test('frames without a code or a number field give an empty join', () => {
    const r = joinZoneValues([frame([{ name: 'x', values: ['a'] }])], pops, opts(), displayFor);
    assert.equal(r.kind, 'none');
    assert.equal(r.byCode.size, 0);
  });
});

describe('reduce', () => {
  test('ignores nulls and gives null for nothing', () => {
    assert.equal(reduce([null, 2, null, 4], 'mean'), 3);
    assert.equal(reduce([null], 'sum'), null);
    assert.equal(reduce([3, 1], 'min'), 1);
  });

  test('a count frame: zones without a row are zero (a filled zero, no data link row), only when asked or the field counts', () => {
    const r = joinZoneValues([zoneTable([['332', 12]])], pops, opts({ missing: 'auto' }), displayFor);
    assert.deepEqual(
      [r.byCode.get('333')?.value, r.byCode.get('333')?.filled, r.byCode.get('333')?.rowIndex],
      [0, true, -1]
    );
    assert.equal(r.byCode.get('334')?.value, 0, 'a count needs no population');
    assert.equal(r.field?.state?.range?.min, 0, 'the colour range includes the zeros');
    const pct = joinZoneValues(
      [zoneTable([['332', 80]], {}, 'on_time_pct')],
      pops,
      opts({ missing: 'auto' }),
      displayFor
    );
    assert.equal(pct.byCode.has('333'), false, 'a percentage of nothing is undefined, not zero');
    assert.equal(
      joinZoneValues(
        [zoneTable([['332', 80]], {}, 'on_time_pct')],
        pops,
        opts({ missing: 'zero' }),
        displayFor
      ).byCode.get('333')?.value,
      0
    );
    assert.equal(
      joinZoneValues([zoneTable([['332', 12]])], pops, opts({ missing: 'noData' }), displayFor).byCode.has('333'),
      false
    );
  });

  test('per capita (or a rate per resident): a missing zone is zero where its population is known, no data where not', () => {
    const r = joinZoneValues([zoneTable([['332', 12]])], pops, opts({ missing: 'auto', perCapita: true }), displayFor);
    assert.equal(r.byCode.get('333')?.value, 0);
    assert.equal(r.byCode.get('334')?.value, null);
    const rate = joinZoneValues(
      [zoneTable([['332', 1.5]], {}, 'received_per_10k')],
      pops,
      opts({ missing: 'auto' }),
      displayFor
    );
    assert.equal(rate.byCode.get('333')?.value, 0);
    assert.equal(rate.byCode.get('334')?.value, null);
  });

  test('an empty frame fills nothing (the panel says No data)', () => {
    assert.equal(joinZoneValues([zoneTable([])], pops, opts({ missing: 'zero' }), displayFor).byCode.size, 0);
  });
});
