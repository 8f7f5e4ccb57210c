import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference } from '../domain/reference.ts';
import { compileMapping, loadMapping, withFlags, type Mapping } from './mapping.ts';
import { normaliseTime, RowReader } from './row-input.ts';

const named = (code: string) => ({ code, name_en: code, name_ar: code });
const ref = indexReference({
  time_zone: 'Asia/Dubai',
  channels: ['website', 'whatsapp', 'import'].map(named),
  categories: ['complaint', 'report'].map(named),
  departments: [{ ...named('waste'), calendar_code: 'field' }],
  topics: [{ ...named('waste.overflowing_bin'), department_code: 'waste', default_priority: 'normal' }],
  statuses: [],
  stages: [],
  advisors: [],
  zones: [
    { id: 7, code: '332', name_en: 'AL BARSHA FIRST', name_ar: 'البرشاء الأول', kind: 'community', population: null },
  ],
});

function reader(header: string[], mapping: Mapping = loadMapping('services360')) {
  return new RowReader(compileMapping(mapping, header, 'crm.csv'), ref, 4000, () => new Date('2026-11-29T10:00:00Z'));
}
const HEADER = [
  'external_id',
  'channel',
  'category',
  'topic',
  'lon',
  'lat',
  'zone',
  'created_at',
  'status',
  'closed_at',
  'customer_phone',
  'satisfaction',
];

test('a good row becomes the request the API would write, with its journey', () => {
  const r = reader(HEADER).read([
    'c-1',
    'whatsapp',
    'complaint',
    'waste.overflowing_bin',
    '55.27',
    '25.19',
    '332',
    '2026-10-01 10:00:00+04',
    'closed',
    '2026-10-02T10:00:00+04:00',
    '+971 50 123 4567',
    '5',
  ]);
  assert.ok(r.row, JSON.stringify(r.problems));
  assert.equal(r.row.request.source, 'crm');
  assert.equal(r.row.request.department, 'waste');
  assert.equal(r.row.request.created_at, '2026-10-01T06:00:00.000Z');
  assert.equal(r.row.request.zone_code, null, 'the zone column counts only without a point');
  assert.deepEqual(r.row.request.customer, { phone: '+971 50 123 4567' });
  assert.equal(r.row.journey.status, 'closed');
  assert.equal(r.row.journey.satisfaction, 5);
});

test("problems name the file's columns and use the API's messages; a row gets every problem it has", () => {
  const r = reader(HEADER).read([
    'c-2',
    'fax',
    'complaint',
    '',
    'east',
    '25.19',
    '',
    '2026-10-01T10:00:00',
    'closed',
    '',
    'call me',
    '9',
  ]);
  assert.deepEqual(r.problems, [
    { path: 'lon', message: 'must be a number' },
    { path: 'customer_phone', message: 'must be a phone number (digits, spaces, +, -, parentheses)' },
    { path: 'created_at', message: 'must be an ISO 8601 time with a zone, e.g. 2026-11-29T10:00:00+04:00' },
    { path: 'channel', message: 'unknown channel "fax"; valid: website, whatsapp, import' },
    { path: 'satisfaction', message: 'must be a whole number 1–5' },
    { path: 'closed_at', message: 'is required when the status is "closed"' },
  ]);
});

test('unknown codes and history contradictions are problems too', () => {
  const bad = reader(HEADER).read([
    'c-3',
    'fax',
    'complaint',
    '',
    '',
    '',
    '',
    '2026-10-01T10:00:00Z',
    'closed',
    '',
    '',
    '',
  ]);
  assert.deepEqual(
    bad.problems?.map((p) => p.path),
    ['channel', 'closed_at']
  );
  const late = reader(HEADER).read([
    'c-4',
    'website',
    'complaint',
    '',
    '',
    '',
    '999',
    '2026-10-01T10:00:00Z',
    'closed',
    '',
    '',
    '',
  ]);
  assert.deepEqual(late.problems, [
    { path: 'zone', message: 'unknown zone "999"' },
    { path: 'closed_at', message: 'is required when the status is "closed"' },
  ]);
  const noClose = reader(HEADER).read([
    'c-5',
    'website',
    'complaint',
    '',
    '',
    '',
    '',
    '2026-10-01T10:00:00Z',
    'closed',
    '',
    '',
    '',
  ]);
  assert.deepEqual(noClose.problems, [{ path: 'closed_at', message: 'is required when the status is "closed"' }]);
});

test('an import needs created_at (it keeps the original time rather than now)', () => {
  const r = reader(HEADER).read(['c-6', 'website', 'complaint', '', '', '', '', '', '', '', '', '']);
  assert.deepEqual(r.problems, [{ path: 'created_at', message: 'required (an import keeps the original time)' }]);
});

test('Open311 bulk rows: status open/closed mapped, updated_datetime is the close time only when closed', () => {
  const header = [
    'service_request_id',
    'status',
    'service_code',
    'requested_datetime',
    'updated_datetime',
    'lat',
    'long',
    'agency_responsible',
  ];
  const r = reader(header, loadMapping('open311-bulk'));
  const closed = r.read([
    '638344',
    'closed',
    'waste.overflowing_bin',
    '2026-10-01T10:00:00+04:00',
    '2026-10-02T10:00:00+04:00',
    '25.19',
    '55.27',
    'DM',
  ]);
  assert.ok(closed.row, JSON.stringify(closed.problems));
  assert.deepEqual(
    [closed.row.request.channel, closed.row.request.category, closed.row.request.lon],
    ['import', 'report', 55.27]
  );
  assert.equal(closed.row.journey.closed_at, '2026-10-02T10:00:00+04:00');
  const open = r.read([
    '638345',
    'open',
    'waste.overflowing_bin',
    '2026-10-01T10:00:00+04:00',
    '2026-10-02T10:00:00+04:00',
    '',
    '',
    '',
  ]);
  assert.ok(open.row, JSON.stringify(open.problems));
  assert.equal(open.row.journey.status, 'received');
  assert.equal(open.row.journey.closed_at, null);
});

test('--set fills a field for every row', () => {
  const m = withFlags(loadMapping('services360'), [], ['category=report']);
  const r = reader(['external_id', 'created_at'], m).read(['x', '2026-10-01T10:00:00Z']);
  assert.equal(r.row?.request.category, 'report');
});

test("PostgreSQL's text form of a time is accepted", () => {
  assert.equal(normaliseTime('2026-10-01 10:00:00.5+04'), '2026-10-01T10:00:00.5+04:00');
  assert.equal(normaliseTime('2026-10-01T10:00:00Z'), '2026-10-01T10:00:00Z');
  assert.equal(normaliseTime('yesterday'), 'yesterday');
});
