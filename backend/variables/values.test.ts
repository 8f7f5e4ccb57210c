import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference, type ReferenceData } from '../domain/reference.ts';
import { ValidationError } from '../http/errors.ts';
import { parseVariableFilters } from './filters.ts';
import { referenceValues, zoneValues } from './values.ts';

const named = (code: string, en: string, ar: string) => ({ code, name_en: en, name_ar: ar });
const ref = indexReference({
  channels: [named('website', 'Website', 'الموقع الإلكتروني'), named('whatsapp', 'WhatsApp', 'واتساب')],
  categories: [named('inquiry', 'Inquiry', 'استفسار'), named('complaint', 'Complaint', 'شكوى')],
  departments: [
    { ...named('waste', 'Waste Management', 'إدارة النفايات'), calendar_code: 'field' },
    { ...named('buildings', 'Buildings', 'المباني'), calendar_code: 'field' },
  ],
  topics: [
    {
      ...named('waste.overflowing_bin', 'Overflowing bin', 'حاوية نفايات ممتلئة'),
      department_code: 'waste',
      default_priority: 'normal',
    },
    {
      ...named('waste.illegal_dumping', 'Illegal dumping', 'رمي النفايات بشكل غير قانوني'),
      department_code: 'waste',
      default_priority: 'high',
    },
    {
      ...named('buildings.violation', 'Building violation', 'مخالفة بناء'),
      department_code: 'buildings',
      default_priority: 'normal',
    },
  ],
  statuses: [
    { ...named('received', 'Received', 'تم الاستلام'), status_class: 'open' },
    { ...named('in_progress', 'In progress', 'قيد التنفيذ'), status_class: 'open' },
    { ...named('closed', 'Closed', 'مغلق'), status_class: 'closed' },
    { ...named('cancelled', 'Cancelled', 'ملغى'), status_class: 'cancelled' },
  ],
  stages: [
    { ...named('received', 'Received', 'تم الاستلام'), status_code: 'received', progress_pct: 0 },
    { ...named('field_visit', 'Field visit', 'زيارة ميدانية'), status_code: 'in_progress', progress_pct: 55 },
    { ...named('work_done', 'Work completed', 'اكتمال العمل'), status_code: 'in_progress', progress_pct: 85 },
    { ...named('closed', 'Closed', 'مغلق'), status_code: 'closed', progress_pct: 100 },
  ],
  advisors: [
    { id: 1, code: 'A2', name: 'Zayed', department_code: 'waste' },
    { id: 2, code: 'A1', name: 'Amna', department_code: 'waste' },
    { id: 3, code: 'B1', name: 'Omar', department_code: 'buildings' },
  ],
  zones: [
    { id: 1, code: '332', name_en: 'AL BARSHA FIRST', name_ar: 'البرشاء الأولى', kind: 'community', population: null },
  ],
} as ReferenceData);

const filters = (query: Record<string, string>) => parseVariableFilters(query, ref);
const codes = (
  dim: Parameters<typeof referenceValues>[0],
  query: Record<string, string> = {},
  lang: 'en' | 'ar' = 'en'
) => referenceValues(dim, ref, filters(query), lang).map((v) => v.value);

test('channels keep the reference order and carry names in the language', () => {
  assert.deepEqual(referenceValues('channel', ref, filters({}), 'ar'), [
    { value: 'website', text: 'الموقع الإلكتروني' },
    { value: 'whatsapp', text: 'واتساب' },
  ]);
});

test('the topics of a department, sorted by name', () => {
  assert.deepEqual(codes('topic', { department: 'waste' }), ['waste.illegal_dumping', 'waste.overflowing_bin']);
  assert.deepEqual(codes('topic', { department: 'waste,buildings' }).length, 3);
});

test('"all", "$__all" and empty mean no filter', () => {
  for (const all of ['all', '$__all', '']) {
    assert.equal(codes('topic', { department: all }).length, 3);
  }
});

test('the departments of a topic, and of an advisor', () => {
  assert.deepEqual(codes('department', { topic: 'buildings.violation' }), ['buildings']);
  assert.deepEqual(codes('department', { advisor: 'A1' }), ['waste']);
});

test('the advisors of a department, sorted by name', () => {
  assert.deepEqual(referenceValues('advisor', ref, filters({ department: 'waste' }), 'en'), [
    { value: 'A1', text: 'Amna' },
    { value: 'A2', text: 'Zayed' },
  ]);
});

test('statuses of a class, stages of a status, classes of a stage', () => {
  assert.deepEqual(codes('status', { status_class: 'open' }), ['received', 'in_progress']);
  assert.deepEqual(codes('stage', { status: 'in_progress' }), ['field_visit', 'work_done']);
  assert.deepEqual(codes('stage', { status_class: 'closed' }), ['closed']);
  assert.deepEqual(codes('status_class', { stage: 'work_done' }), ['open']);
  assert.deepEqual(codes('status', { stage: 'closed', status_class: 'open' }), []);
});

test('a filter that does not relate narrows nothing', () => {
  assert.equal(codes('channel', { department: 'waste', zone: '332' }).length, 2);
});

test('priorities and status classes in their fixed order, in Arabic', () => {
  assert.deepEqual(
    referenceValues('priority', ref, filters({}), 'ar').map((v) => v.text),
    ['منخفضة', 'عادية', 'عالية', 'عاجلة']
  );
  assert.deepEqual(codes('status_class'), ['open', 'closed', 'cancelled']);
});

test('zones sort by name in the language', () => {
  const rows = [
    { code: '2', name_en: 'Zabeel', name_ar: 'زعبيل' },
    { code: '1', name_en: 'Al Barsha 2', name_ar: 'البرشاء' },
    { code: '3', name_en: 'Al Barsha 10', name_ar: 'بر دبي' },
  ];
  assert.deepEqual(
    zoneValues(rows, 'en').map((v) => v.value),
    ['1', '3', '2']
  );
  assert.deepEqual(
    zoneValues(rows, 'ar').map((v) => v.text),
    ['البرشاء', 'بر دبي', 'زعبيل']
  );
});

test('an unknown code is a 400 naming the parameter and the code', () => {
  assert.throws(
    () => filters({ department: 'waste,nope' }),
    (err) =>
      err instanceof ValidationError &&
      err.details.length === 1 &&
      err.details[0].path === 'query.department' &&
      /"nope"/.test(err.details[0].message)
  );
  assert.throws(
    () => filters({ kind: 'park' }),
    (err) => err instanceof ValidationError && err.details[0].path === 'query.kind'
  );
  assert.throws(
    () => filters({ parent: '999' }),
    (err) => err instanceof ValidationError && err.details[0].path === 'query.parent'
  );
});
