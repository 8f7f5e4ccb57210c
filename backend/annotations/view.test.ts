import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference, type ReferenceData } from '../domain/reference.ts';
import { ValidationError } from '../http/errors.ts';
import { parseAnnotationQuery } from './params.ts';
import { annotationOf, duration, policyChangeOf, type PolicyChangeRow } from './view.ts';

const ref = indexReference({
  channels: [],
  departments: [],
  topics: [],
  statuses: [],
  stages: [],
  advisors: [],
  categories: [{ code: 'complaint', name_en: 'Complaint', name_ar: 'شكوى' }],
  zones: [
    { id: 7, code: '332', name_en: 'AL BARSHA FIRST', name_ar: 'البرشاء الأولى', kind: 'community', population: null },
  ],
} as unknown as ReferenceData);

const policy: PolicyChangeRow = {
  id: 9,
  code: 'complaint',
  version: 2,
  category_code: 'complaint',
  topic_code: null,
  priority: 'high',
  first_response_minutes: 120,
  resolution_minutes: 1530,
  warning_pct: 80,
  valid_from: new Date('2026-06-01T00:00:00Z'),
  valid_to: null,
  calendar_code: 'field',
  calendar_name_en: 'Field working hours',
  calendar_name_ar: 'ساعات العمل الميداني',
  previous_version: 1,
};

test('an SLA policy version coming into force reads as a sentence in English', () => {
  const a = policyChangeOf(policy, ref, 'en');
  assert.equal(a.time, Date.parse('2026-06-01T00:00:00Z'));
  assert.equal(a.timeEnd, null);
  assert.equal(a.title, 'SLA policy complaint v2 in force');
  assert.equal(
    a.text,
    'First response within 2 h, resolution within 25 h 30 min (Field working hours). ' +
      'Applies to category Complaint, priority High. Warning at 80% of a target. Replaces v1.'
  );
  assert.deepEqual(a.tags, ['policy_change', 'sla', 'sla_policy:complaint']);
});

test('and in Arabic', () => {
  const a = policyChangeOf({ ...policy, category_code: null, priority: null, previous_version: null }, ref, 'ar');
  assert.equal(a.title, 'سريان سياسة مستوى الخدمة complaint الإصدار 2');
  assert.match(a.text, /ساعات العمل الميداني/);
  assert.match(a.text, /جميع الطلبات/);
});

test('durations', () => {
  assert.equal(duration(45, 'en'), '45 min');
  assert.equal(duration(240, 'en'), '4 h');
  assert.equal(duration(90, 'ar'), '1 ساعة 30 دقيقة');
});

test('a table row carries its kind among its tags once, and its zone in the language', () => {
  const a = annotationOf(
    {
      id: 1,
      kind: 'incident',
      title_en: 'Flooding',
      title_ar: 'فيضانات',
      text: null,
      starts_at: new Date(1000),
      ends_at: new Date(5000),
      tags: ['incident', 'rain'],
      zone_code: '332',
      zone_name_en: 'AL BARSHA FIRST',
      zone_name_ar: 'البرشاء الأولى',
    },
    'ar'
  );
  assert.deepEqual(a, {
    time: 1000,
    timeEnd: 5000,
    title: 'فيضانات',
    text: '',
    tags: ['incident', 'rain'],
    kind: 'incident',
    zone: { code: '332', name: 'البرشاء الأولى' },
  });
});

test('the query: kinds, zones to ids, "all" means every value', () => {
  const q = parseAnnotationQuery(
    { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', kind: 'incident,campaign', zone: '332' },
    ref
  );
  assert.deepEqual(q.kinds, ['incident', 'campaign']);
  assert.deepEqual(q.zoneIds, [7]);
  const all = parseAnnotationQuery({ from: '0', to: '1000', kind: '$__all', zone: 'all' }, ref);
  assert.equal(all.kinds, null);
  assert.equal(all.zoneIds, null);
});

test('five years is the longest range; from must be before to; kinds and zones are checked', () => {
  assert.ok(parseAnnotationQuery({ from: '2021-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, ref));
  const fails = (query: Record<string, string>, path: string) =>
    assert.throws(
      () => parseAnnotationQuery(query, ref),
      (err) => err instanceof ValidationError && err.details[0].path === path
    );
  fails({ from: '2021-01-01T00:00:00Z', to: '2026-01-01T00:00:01Z' }, 'query.to');
  fails({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'query.from');
  fails({ from: '0', to: '1000', kind: 'incident,party' }, 'query.kind');
  fails({ from: '0', to: '1000', zone: '999' }, 'query.zone');
});
