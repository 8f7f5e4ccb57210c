// A city's own export read as it is (issue 11, item 6): local times, a target date, a placeholder point,
// values mapped with "*", the department and the zone by name, no first-response data, every problem.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference } from '../domain/reference.ts';
import { LocalTimeReader } from './local-time.ts';
import { compileMapping, mappingSchema, withFlags } from './mapping.ts';
import { parsePlaceholder } from './placeholder-point.ts';
import { RowReader } from './row-input.ts';

const named = (code: string, en = code, ar = code) => ({ code, name_en: en, name_ar: ar });
const ref = indexReference({
  time_zone: 'America/Chicago',
  channels: ['phone', 'import'].map((c) => named(c)),
  categories: ['service_request', 'report'].map((c) => named(c)),
  departments: [
    { ...named('streets', 'Streets and Sanitation', 'الشوارع'), calendar_code: 'weekday' },
    { ...named('water', 'Water Management', 'المياه'), calendar_code: 'weekday' },
  ],
  topics: [
    { ...named('streets.pothole'), department_code: 'streets', default_priority: 'normal' },
    { ...named('general.other'), department_code: 'streets', default_priority: 'low' },
  ],
  statuses: [],
  stages: [],
  advisors: [],
  zones: [{ id: 3, code: 'W12', name_en: 'Ward 12', name_ar: 'الدائرة 12', kind: 'community', population: null }],
});

const HEADER = [
  'SR Number',
  'SR Type',
  'Status',
  'Created Date',
  'Closed Date',
  'Target Date',
  'Department',
  'Ward',
  'Latitude',
  'Longitude',
];
const mapping = mappingSchema.parse({
  columns: {
    external_id: 'SR Number',
    topic: 'SR Type',
    status: 'Status',
    created_at: 'Created Date',
    closed_at: { column: 'Closed Date', when_status: ['closed'] },
    due_at: 'Target Date',
    department: 'Department',
    zone: 'Ward',
    lat: 'Latitude',
    lon: 'Longitude',
  },
  defaults: { source: 'lakeport-311', channel: 'import', category: 'service_request' },
  values: {
    status: { open: 'received', 'in progress': 'in_progress', closed: 'closed' },
    topic: { 'Pothole in Street': 'streets.pothole', 'Test Ticket': null, '*': 'general.other' },
  },
});

function reader(options = {}) {
  const m = withFlags(mapping, [], ['first_response_clock=false']);
  return new RowReader(compileMapping(m, HEADER, 'export.csv'), ref, 4000, () => new Date('2026-12-01T00:00:00Z'), {
    localTimes: new LocalTimeReader('America/Chicago'),
    unknownLocation: parsePlaceholder('0,0'),
    ...options,
  });
}

test('local times (one in the spring gap), a target date, a mixed-case status and the department as given', () => {
  const r = reader().read([
    'SR-1',
    'Pothole in Street',
    'Closed',
    '03/08/2026 02:30:00 AM',
    '03/09/2026 04:15:00 PM',
    '03/10/2026',
    'Water Management',
    '',
    '41.88',
    '-87.63',
  ]);
  assert.ok(r.row, JSON.stringify(r.problems));
  const q = r.row.request;
  assert.equal(q.created_at, '2026-03-08T08:30:00.000Z', '02:30 never happened that night: 03:30 CDT');
  assert.equal(r.row.journey.closed_at, '2026-03-09T21:15:00.000Z');
  assert.equal(q.due_at, '2026-03-11T04:59:59.999Z', 'the end of 10 March in Chicago');
  assert.equal(q.first_response_clock, false);
  assert.equal(r.row.journey.first_response_at, null, 'the start of work is no first response the source reported');
  assert.deepEqual(
    [q.topic, q.department],
    ['streets.pothole', 'water'],
    "the department column overrides the topic's"
  );
  assert.equal(r.row.journey.status, 'closed');
});

test('an unknown service type goes to "*", a listed one to none; a status in capitals is still known', () => {
  const other = reader().read([
    'SR-2',
    'Alley Light Out',
    'OPEN',
    '2026-11-01 01:30:00',
    '',
    '',
    '',
    'Ward 12',
    '0',
    '0',
  ]);
  assert.ok(other.row, JSON.stringify(other.problems));
  assert.equal(other.row.request.topic, 'general.other');
  assert.equal(other.row.request.created_at, '2026-11-01T06:30:00.000Z', '01:30 happened twice: the earlier (CDT)');
  assert.equal(other.row.journey.status, 'received');
  const none = reader().read(['SR-3', 'Test Ticket', 'In Progress', '2026-11-02 10:00', '', '', '', '', '', '']);
  assert.ok(none.row, JSON.stringify(none.problems));
  assert.equal(none.row.request.topic, null);
  assert.equal(none.row.journey.status, 'in_progress');
});

test('the placeholder point is no location, and the zone is found by its name', () => {
  const r = reader().read([
    'SR-4',
    'Pothole in Street',
    'open',
    '2026-11-02 10:00',
    '',
    '',
    '',
    'ward 12',
    '0.00001',
    '-0.00002',
  ]);
  assert.ok(r.row, JSON.stringify(r.problems));
  assert.deepEqual([r.row.request.lon, r.row.request.lat, r.row.request.zone_code], [null, null, 'W12']);
  const real = reader({ unknownLocation: null }).read([
    'SR-5',
    'Pothole in Street',
    'open',
    '2026-11-02 10:00',
    '',
    '',
    '',
    'Ward 12',
    '0',
    '0',
  ]);
  assert.deepEqual([real.row?.request.lon, real.row?.request.zone_code], [0, null], 'without the flag 0,0 is a point');
});

test('a rejected row lists every problem it has', () => {
  const r = reader().read([
    'SR-6',
    'Pothole in Street',
    'Closed',
    '2026-03-08 02:30',
    '',
    'soon',
    'Parks',
    'Ward 99',
    '',
    '',
  ]);
  assert.deepEqual(r.problems, [
    { path: 'Department', message: 'unknown department "Parks"; valid: streets, water' },
    { path: 'Target Date', message: 'must be an ISO 8601 time with a zone, e.g. 2026-11-29T10:00:00+04:00' },
    { path: 'Ward', message: 'unknown zone "Ward 99"' },
    { path: 'Closed Date', message: 'is required when the status is "closed"' },
  ]);
});

test('without --time-zone a local time is refused, as the API refuses it', () => {
  const r = reader({ localTimes: null }).read([
    'SR-7',
    'Pothole in Street',
    'open',
    '2026-11-02 10:00',
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  assert.deepEqual(
    r.problems?.map((p) => p.path),
    ['Created Date']
  );
});
