import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference } from '../domain/reference.ts';
import { toOpen311Request, type RequestRow } from './request-view.ts';
import { open311Privacy, SHOW_ALL } from './privacy.ts';
import { loadConfig } from '../config.ts';

const ref = indexReference({
  time_zone: 'Asia/Dubai',
  channels: [],
  categories: [],
  advisors: [],
  zones: [],
  departments: [{ code: 'waste', name_en: 'Waste Management', name_ar: 'إدارة النفايات', calendar_code: 'field' }],
  topics: [
    {
      code: 'waste.overflowing_bin',
      name_en: 'Overflowing bin',
      name_ar: 'حاوية نفايات ممتلئة',
      department_code: 'waste',
      default_priority: 'normal',
    },
  ],
  statuses: [
    { code: 'in_progress', name_en: 'In progress', name_ar: 'قيد التنفيذ', status_class: 'open' },
    { code: 'cancelled', name_en: 'Cancelled', name_ar: 'ملغى', status_class: 'cancelled' },
  ],
  stages: [
    {
      code: 'field_visit',
      status_code: 'in_progress',
      name_en: 'Field visit',
      name_ar: 'زيارة ميدانية',
      progress_pct: 55,
    },
    { code: 'cancelled', status_code: 'cancelled', name_en: 'Cancelled', name_ar: 'ملغى', progress_pct: null },
  ],
});

const row = (over: Partial<RequestRow> = {}): RequestRow => ({
  reference: 'S360-000000007',
  status: 'in_progress',
  stage: 'field_visit',
  topic_code: 'waste.overflowing_bin',
  department_code: 'waste',
  description: 'Bin overflowing',
  address: null,
  media_url: null,
  lon: 55.15,
  lat: 25.15,
  created_at: new Date('2026-11-29T06:00:00Z'),
  updated_at: new Date('2026-11-29T07:30:00Z'),
  resolution_due_at: null,
  first_response_minutes: 240,
  resolution_minutes: 2400,
  calendar_name_en: 'Field working hours',
  calendar_name_ar: 'ساعات العمل الميداني',
  ...over,
});

test('an open request in a field visit', () => {
  assert.deepEqual(toOpen311Request(row(), ref, 'en', SHOW_ALL), {
    service_request_id: 'S360-000000007',
    status: 'open',
    status_notes: 'In progress — Field visit',
    service_name: 'Overflowing bin',
    service_code: 'waste.overflowing_bin',
    description: 'Bin overflowing',
    agency_responsible: 'Waste Management',
    service_notice:
      'Waste Management. Target: first response within 4 hours, resolution within 40 hours (Field working hours).',
    requested_datetime: '2026-11-29T06:00:00Z',
    updated_datetime: '2026-11-29T07:30:00Z',
    expected_datetime: null,
    address: null,
    lat: 25.15,
    long: 55.15,
    media_url: null,
  });
});

test('a cancelled request is closed, and says so', () => {
  const r = toOpen311Request(
    row({ status: 'cancelled', stage: 'cancelled', resolution_due_at: new Date('2026-12-01T06:00:00Z') }),
    ref,
    'en',
    SHOW_ALL
  );
  assert.equal(r.status, 'closed');
  assert.equal(r.status_notes, 'Cancelled');
  assert.equal(r.expected_datetime, '2026-12-01T06:00:00Z');
});

test('Arabic names throughout', () => {
  const r = toOpen311Request(row(), ref, 'ar', SHOW_ALL);
  assert.equal(r.status_notes, 'قيد التنفيذ — زيارة ميدانية');
  assert.equal(r.service_name, 'حاوية نفايات ممتلئة');
  assert.equal(r.agency_responsible, 'إدارة النفايات');
  assert.match(r.service_notice!, /ساعات العمل الميداني/);
});

test('by default (no S360_OPEN311_PUBLIC_* set) the public view holds no description, no address and a point snapped to 3 decimals', () => {
  const privacy = open311Privacy(loadConfig({}));
  const r = toOpen311Request(
    row({ address: '12 Al Wasl Road, villa 7', lat: 25.123456, lon: 55.987654 }),
    ref,
    'en',
    privacy
  );
  assert.deepEqual([r.description, r.address, r.lat, r.long], [null, null, 25.123, 55.988]);
  const none = open311Privacy(
    loadConfig({
      S360_OPEN311_PUBLIC_POINT: 'none',
      S360_OPEN311_PUBLIC_DESCRIPTION: 'on',
      S360_OPEN311_PUBLIC_ADDRESS: 'on',
    })
  );
  const shown = toOpen311Request(row({ address: 'Al Wasl Road' }), ref, 'en', none);
  assert.deepEqual(
    [shown.description, shown.address, shown.lat, shown.long],
    ['Bin overflowing', 'Al Wasl Road', null, null]
  );
  assert.throws(() => open311Privacy(loadConfig({ S360_OPEN311_PUBLIC_POINT: 'fuzzy' })), /exact, snapped or none/);
  assert.throws(() => open311Privacy(loadConfig({ S360_OPEN311_PUBLIC_ADDRESS: 'yes' })), /on or off/);
});
