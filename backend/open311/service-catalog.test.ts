import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference, type ReferenceData } from '../domain/reference.ts';
import { serviceDefinition, serviceList } from './service-catalog.ts';

const ref = indexReference({
  time_zone: 'Asia/Dubai',
  channels: [],
  statuses: [],
  stages: [],
  advisors: [],
  zones: [],
  categories: [
    { code: 'report', name_en: 'Report', name_ar: 'بلاغ' },
    { code: 'complaint', name_en: 'Complaint', name_ar: 'شكوى' },
  ],
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
} satisfies ReferenceData);

test('a topic becomes a service grouped by its department', () => {
  assert.deepEqual(serviceList(ref, 'en'), [
    {
      service_code: 'waste.overflowing_bin',
      service_name: 'Overflowing bin',
      description: 'Overflowing bin: handled by Waste Management.',
      metadata: true,
      type: 'realtime',
      keywords: 'Overflowing bin, Waste Management, waste, overflowing bin',
      group: 'Waste Management',
    },
  ]);
});

test('names follow the language', () => {
  const [s] = serviceList(ref, 'ar');
  assert.equal(s.service_name, 'حاوية نفايات ممتلئة');
  assert.equal(s.group, 'إدارة النفايات');
});

test('the definition lists our categories and the external_id attribute', () => {
  const def = serviceDefinition(ref, 'waste.overflowing_bin', 'en')!;
  assert.deepEqual(
    def.attributes.map((a) => [a.code, a.datatype, a.order]),
    [
      ['category', 'singlevaluelist', 1],
      ['external_id', 'string', 2],
    ]
  );
  assert.deepEqual(def.attributes[0].values, [
    { key: 'report', name: 'Report' },
    { key: 'complaint', name: 'Complaint' },
  ]);
  assert.equal(serviceDefinition(ref, 'waste.nothing', 'en'), null);
});
