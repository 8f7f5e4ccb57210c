import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { pickTooltip as pick } from './pick-tooltip.ts';

const BIN_ROW_LABEL = 'Under the pointer';
const pickTooltip = (z: Parameters<typeof pick>[0], o: Parameters<typeof pick>[1], at: Parameters<typeof pick>[2]) =>
  pick(z, o, at, BIN_ROW_LABEL);

const zone = { title: 'Al Barsha', rows: [{ key: 'value', label: 'Requests', value: '69' }], zoneCode: '373' };
const bin = { title: '12 requests', aggregate: true, rows: [] };
const point = { title: 'Request', rows: [{ label: 'Category', value: 'Complaint' }] };

describe('what answers the pointer', () => {
  test("at city zoom a bin over a zone gives way to the zone, its count a row of the zone's tooltip", () => {
    const t = pickTooltip(zone, bin, { click: false, cityZoom: true })!;
    assert.equal(t.zoneCode, '373');
    assert.deepEqual(t.rows.at(-1), { key: 'bin', label: BIN_ROW_LABEL, value: '12 requests' });
  });

  test('zoomed in by the viewer, the bin or request drawn on top answers a hover', () => {
    assert.equal(pickTooltip(zone, bin, { click: false, cityZoom: false }), bin);
    assert.equal(pickTooltip(zone, point, { click: false, cityZoom: true }), point);
  });

  test('a click always answers with the zone beneath (drill-down); nothing beneath, nothing', () => {
    assert.equal(pickTooltip(zone, bin, { click: true, cityZoom: false }), zone);
    assert.equal(pickTooltip(zone, point, { click: true, cityZoom: false }), zone);
    assert.equal(pickTooltip(null, point, { click: true, cityZoom: false }), null);
    assert.equal(pickTooltip(null, point, { click: false, cityZoom: false }), point);
  });
});
