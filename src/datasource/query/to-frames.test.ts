import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';

import { getFieldDisplayName } from '@grafana/data';
import { responseToFrames } from './to-frames.ts';

// As docs/api.md answers a time_series query grouped by channel, in Arabic.
const timeSeries = {
  results: {
    A: {
      frames: [
        {
          name: 'واتساب',
          refId: 'A',
          fields: [
            { name: 'time', type: 'time', values: [1764374400000, 1764378000000], config: {} },
            {
              name: 'received',
              type: 'number',
              values: [12, 7],
              labels: { channel: 'whatsapp' },
              config: { unit: 'short', displayName: 'واتساب' },
            },
          ],
        },
        {
          name: 'الموقع الإلكتروني',
          refId: 'A',
          fields: [
            { name: 'time', type: 'time', values: [1764374400000, 1764378000000], config: {} },
            {
              name: 'received',
              type: 'number',
              values: [3, null],
              labels: { channel: 'website' },
              config: { unit: 'short', displayName: 'الموقع الإلكتروني' },
            },
          ],
        },
      ],
    },
  },
};

describe('responseToFrames', () => {
  test('time series: one frame per group with a time field and the metric, types, units, labels and display names kept', () => {
    const { data, errors } = responseToFrames(timeSeries, ['A']);
    assert.deepEqual(errors, []);
    assert.equal(data.length, 2);
    const [whatsapp, website] = data;
    assert.equal(whatsapp.refId, 'A');
    assert.equal(whatsapp.name, 'واتساب');
    assert.equal(whatsapp.length, 2);
    assert.deepEqual(
      whatsapp.fields.map((f) => [f.name, f.type]),
      [
        ['time', 'time'],
        ['received', 'number'],
      ]
    );
    assert.deepEqual(whatsapp.fields[0].values, [1764374400000, 1764378000000]);
    assert.deepEqual(whatsapp.fields[1].values, [12, 7]);
    assert.deepEqual(whatsapp.fields[1].labels, { channel: 'whatsapp' });
    assert.equal(whatsapp.fields[1].config.unit, 'short');
    assert.equal(getFieldDisplayName(whatsapp.fields[1], whatsapp, data), 'واتساب');
    assert.deepEqual(website.fields[1].values, [3, null]);
  });

  test('table: string fields for the group and its code, a number field with percent unit and null where undefined', () => {
    const body = {
      results: {
        B: {
          frames: [
            {
              refId: 'B',
              fields: [
                {
                  name: 'zone',
                  type: 'string',
                  values: ['AL BARSHA FIRST', 'AL SAFA'],
                  config: { displayName: 'Zone' },
                },
                { name: 'zone_code', type: 'string', values: ['332', '343'], config: {} },
                {
                  name: 'on_time_pct',
                  type: 'number',
                  values: [91.5, null],
                  config: { unit: 'percent', displayName: 'On time %' },
                },
              ],
            },
          ],
        },
      },
    };
    const [frame] = responseToFrames(body, ['B']).data;
    assert.deepEqual(
      frame.fields.map((f) => f.type),
      ['string', 'string', 'number']
    );
    assert.equal(frame.fields[2].config.unit, 'percent');
    assert.deepEqual(frame.fields[2].values, [91.5, null]);
    assert.equal(getFieldDisplayName(frame.fields[2], frame, [frame]), 'On time %');
  });

  test('time fields sent as ISO text become epoch milliseconds (hot spots first_at/last_at)', () => {
    const body = {
      results: {
        C: { frames: [{ fields: [{ name: 'first_at', type: 'time', values: ['2026-11-01T10:00:00Z', null] }] }] },
      },
    };
    const [frame] = responseToFrames(body, ['C']).data;
    assert.equal(frame.refId, 'C');
    assert.deepEqual(frame.fields[0].values, [Date.parse('2026-11-01T10:00:00Z'), null]);
  });

  test('an unknown field type becomes "other" rather than breaking the panel', () => {
    const body = { results: { A: { frames: [{ fields: [{ name: 'x', type: 'weird', values: [1] }] }] } } };
    assert.equal(responseToFrames(body, ['A']).data[0].fields[0].type, 'other');
  });

  test('a refId missing from the answer is reported, not silently empty', () => {
    assert.deepEqual(responseToFrames({ results: {} }, ['A']).errors, [
      { refId: 'A', message: 'the aggregator sent no result for query A' },
    ]);
  });
});
