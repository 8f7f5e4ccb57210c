import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference, type ReferenceData } from '../domain/reference.ts';
import { column, frameName, seriesFrames } from './frames.ts';
import { METRICS } from './metrics.ts';

const ref = indexReference({
  channels: [{ code: 'whatsapp', name_en: 'WhatsApp', name_ar: 'واتساب' }],
  categories: [],
  departments: [],
  topics: [],
  statuses: [],
  stages: [],
  advisors: [],
  zones: [],
} as unknown as ReferenceData);

test('a column is named for people in the target language, its name for machines stays', () => {
  assert.deepEqual(column('ar', 'count', 'number', [3], 'Requests', 'العدد', { unit: 'short' }), {
    name: 'count',
    type: 'number',
    values: [3],
    config: { displayName: 'العدد', unit: 'short' },
  });
  assert.equal(column('en', 'count', 'number', [3], 'Requests', 'العدد').config.displayName, 'Requests');
});

test('a frame takes the metric name in the target language', () => {
  assert.equal(frameName('ar', METRICS.received), 'الطلبات المستلمة');
  assert.equal(frameName('en', METRICS.received), 'Requests received');
});

test('without grouping there is one series even when nothing happened, at the fill', () => {
  const [frame] = seriesFrames({
    refId: 'A',
    metricName: 'received',
    metric: METRICS.received,
    lang: 'en',
    groupBy: [],
    series: [],
    buckets: [0, 3_600_000],
    ref,
    fill: 0,
  });
  assert.deepEqual(
    frame.fields.map((f) => f.values),
    [
      [0, 3_600_000],
      [0, 0],
    ]
  );
});

test('a grouped table names its rows and columns in Arabic, largest first', () => {
  const [frame] = seriesFrames({
    refId: 'A',
    metricName: 'received',
    metric: METRICS.received,
    lang: 'ar',
    groupBy: ['channel'],
    series: [
      { dims: [null], values: new Map([[null, 1]]) },
      { dims: ['whatsapp'], values: new Map([[null, 5]]) },
    ],
    buckets: null,
    ref,
    fill: 0,
  });
  assert.equal(frame.name, 'الطلبات المستلمة');
  assert.deepEqual(
    frame.fields.map((f) => f.config.displayName),
    ['القناة', 'القناة (رمز)', 'الطلبات المستلمة']
  );
  assert.deepEqual(frame.fields[0].values, ['واتساب', 'لا يوجد']);
  assert.deepEqual(frame.fields[2].values, [5, 1]);
});
