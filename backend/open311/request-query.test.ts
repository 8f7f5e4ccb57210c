import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference } from '../domain/reference.ts';
import { HttpError } from '../http/errors.ts';
import { readRequestQuery, type QueryLimits } from './request-query.ts';

const ref = indexReference({
  time_zone: 'Asia/Dubai',
  channels: [],
  categories: [],
  departments: [],
  statuses: [],
  stages: [],
  advisors: [],
  zones: [],
  topics: [
    {
      code: 'waste.overflowing_bin',
      name_en: 'Overflowing bin',
      name_ar: 'حاوية',
      department_code: 'waste',
      default_priority: 'normal',
    },
  ],
});
const limits: QueryLimits = { windowDays: 90, maxResults: 1000, now: new Date('2026-11-29T06:00:00Z') };
const read = (q: Record<string, unknown>) => readRequestQuery(q, ref, limits);
function rejected(q: Record<string, unknown>): string[] {
  try {
    read(q);
  } catch (err) {
    assert.ok(err instanceof HttpError && err.status === 400);
    return err.details.map((d) => d.path);
  }
  assert.fail('the query was accepted');
}

test('no arguments: the last 90 days, everything, first page of 1,000', () => {
  assert.deepEqual(read({}), {
    kind: 'window',
    start: '2026-08-31T06:00:00.000Z',
    end: 'infinity',
    serviceCodes: null,
    statusClasses: null,
    page: 1,
    pageSize: 1000,
  });
});

test('service_request_id overrides every other argument', () => {
  assert.deepEqual(read({ service_request_id: 'S360-000000001, S360-000000002', status: 'nonsense' }), {
    kind: 'ids',
    references: ['S360-000000001', 'S360-000000002'],
  });
});

test('one date opens a 90-day window from it', () => {
  const q = read({ start_date: '2026-01-01T00:00:00Z' });
  assert.equal(q.kind === 'window' && q.end, '2026-04-01T00:00:00.000Z');
  const r = read({ end_date: '2026-04-01' });
  assert.equal(r.kind === 'window' && r.start, '2026-01-01T23:59:59.999Z');
});

test('status and service_code take comma lists and repeats; closed includes cancelled', () => {
  const q = read({ status: ['open', 'closed'], service_code: 'waste.overflowing_bin,' });
  assert.ok(q.kind === 'window');
  assert.deepEqual(q.statusClasses, ['open', 'closed', 'cancelled']);
  assert.deepEqual(q.serviceCodes, ['waste.overflowing_bin']);
  const c = read({ status: 'closed', service_code: '' });
  assert.ok(c.kind === 'window');
  assert.deepEqual(c.statusClasses, ['closed', 'cancelled']);
  assert.equal(c.serviceCodes, null);
});

test('bad arguments are 400s naming each', () => {
  assert.deepEqual(rejected({ status: 'pending' }), ['status']);
  assert.deepEqual(rejected({ service_code: 'potholes' }), ['service_code']);
  assert.deepEqual(rejected({ start_date: '2026-11-29T10:00:00' }), ['start_date']);
  assert.deepEqual(rejected({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }), ['end_date']);
  assert.deepEqual(rejected({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }), ['end_date']);
  assert.deepEqual(rejected({ page: '0', page_size: '1001' }), ['page', 'page_size']);
  assert.deepEqual(rejected({ service_request_id: Array.from({ length: 1001 }, (_, i) => `S360-${i}`).join(',') }), [
    'service_request_id',
  ]);
});
