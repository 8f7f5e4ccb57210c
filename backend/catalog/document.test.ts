import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { indexReference, type ReferenceData } from '../domain/reference.ts';
import { FILTER_DIMENSIONS } from '../geo/request-filters.ts';
import { METRICS, METRIC_NAMES } from '../query/metrics.ts';
import { targetSchema } from '../query/request-schema.ts';
import { DIMENSIONS } from '../rollups/cubes.ts';
import { buildCatalog, catalogDefinitions } from './document.ts';
import { catalogSchema } from './schema.ts';
import { servedCatalog } from './served.ts';
import { FALLBACK_PATH, fallbackText } from './write-fallback.ts';

const named = (code: string, en: string, ar: string) => ({ code, name_en: en, name_ar: ar });
const data: ReferenceData = {
  time_zone: 'America/Chicago',
  languages: ['en', 'ar', 'es'],
  channels: [
    { ...named('website', 'Website', 'الموقع الإلكتروني'), digital: true },
    { ...named('fax', 'Fax', 'الفاكس'), retired: true },
  ],
  categories: [named('complaint', 'Complaint', 'شكوى')],
  departments: [{ ...named('streets', 'Streets', 'الشوارع'), calendar_code: 'field' }],
  topics: [
    {
      ...named('streets.pothole', 'Pothole', 'حفرة في الطريق'),
      department_code: 'streets',
      default_priority: 'normal',
    },
    {
      ...named('streets.old', 'Old topic', 'موضوع قديم'),
      department_code: 'streets',
      default_priority: 'low',
      retired: true,
    },
  ],
  statuses: [{ ...named('received', 'Received', 'تم الاستلام'), status_class: 'open' }],
  priorities: [
    named('low', 'Low', 'منخفضة'),
    named('normal', 'Normal', 'عادية'),
    named('high', 'High', 'عالية'),
    named('urgent', 'Urgent', 'عاجلة'),
  ],
  stages: [],
  advisors: [{ id: 7, code: 'A7', name: 'Amna', department_code: 'streets' }],
  zones: [{ id: 1, code: 'Z1', name_en: 'Downtown', name_ar: 'وسط المدينة', kind: 'community', population: 1000 }],
};

test('the document has the published shape (the zod schema the OpenAPI document is made from)', () => {
  assert.doesNotThrow(() => catalogSchema.parse(buildCatalog(indexReference(data))));
});

test('its metrics and dimensions are the ones the query validation reads, in their order, with their names and units', () => {
  const doc = buildCatalog(indexReference(data));
  assert.deepEqual(
    doc.metrics.map((m) => m.code),
    METRIC_NAMES
  );
  assert.deepEqual(
    doc.dimensions.map((d) => d.code),
    [...DIMENSIONS]
  );
  assert.equal(FILTER_DIMENSIONS, DIMENSIONS, "the request filters take the rollups' dimension list itself");
  const onTime = doc.metrics.find((m) => m.code === 'on_time_pct')!;
  assert.deepEqual(
    [onTime.name_en, onTime.name_ar, onTime.unit, onTime.decimals],
    [METRICS.on_time_pct.en, METRICS.on_time_pct.ar, 'percent', 1]
  );
  for (const m of doc.metrics) {
    const target = targetSchema.safeParse({ metric: m.code, format: m.formats[0], groupBy: m.group_by.slice(0, 1) });
    assert.ok(target.success, `${m.code} as the catalogue offers it is a valid target`);
    assert.ok(
      m.description_en && /[\u0600-\u06FF]/.test(m.description_ar),
      `${m.code} is described in English and Arabic`
    );
  }
});

test('the ranked tables are table-only, take top N and no group-by; the series take every format and dimension', () => {
  const doc = buildCatalog(indexReference(data));
  const of = (code: string) => doc.metrics.find((m) => m.code === code)!;
  for (const code of ['recurring_topics', 'hotspots']) {
    assert.deepEqual([of(code).formats, of(code).group_by, of(code).options], [['table'], [], ['top_n']]);
  }
  assert.deepEqual(
    [of('received').formats, of('received').group_by, of('received').filters],
    [['time_series', 'table'], [...DIMENSIONS], [...DIMENSIONS]]
  );
});

test("values: every code a filter accepts, named in English and Arabic; retired ones flagged; the city's zone and languages", () => {
  const doc = buildCatalog(indexReference(data));
  assert.equal(doc.time_zone, 'America/Chicago');
  assert.deepEqual(doc.languages, ['en', 'ar', 'es']);
  assert.deepEqual(doc.values.topic, [
    { code: 'streets.pothole', name_en: 'Pothole', name_ar: 'حفرة في الطريق' },
    { code: 'streets.old', name_en: 'Old topic', name_ar: 'موضوع قديم', retired: true },
  ]);
  assert.deepEqual(
    doc.values.channel?.map((c) => [c.code, c.retired ?? false]),
    [
      ['website', false],
      ['fax', true],
    ]
  );
  // A channel value says whether the city file marks it digital (false when the reference data does not).
  assert.deepEqual(
    doc.values.channel?.map((c) => [c.code, c.digital]),
    [
      ['website', true],
      ['fax', false],
    ]
  );
  assert.equal(
    doc.values.topic?.some((v) => 'digital' in v),
    false
  );
  assert.deepEqual(doc.values.zone, [{ code: 'Z1', name_en: 'Downtown', name_ar: 'وسط المدينة' }]);
  assert.deepEqual(doc.values.advisor, [{ code: 'A7', name_en: 'Amna', name_ar: 'Amna' }]);
  assert.deepEqual(
    doc.values.status_class?.map((v) => v.code),
    ['open', 'closed', 'cancelled']
  );
  assert.deepEqual(
    doc.values.priority?.map((v) => v.name_ar),
    ['منخفضة', 'عادية', 'عالية', 'عاجلة']
  );
});

test('the version changes exactly when the content does', () => {
  const a = buildCatalog(indexReference(data));
  assert.equal(buildCatalog(indexReference(structuredClone(data))).version, a.version);
  const more = structuredClone(data);
  more.topics.push({
    ...named('streets.light', 'Street light out', 'إنارة شارع معطلة'),
    department_code: 'streets',
    default_priority: 'normal',
  });
  assert.notEqual(buildCatalog(indexReference(more)).version, a.version);
  const renamed = structuredClone(data);
  renamed.channels[0].name_ar = 'الموقع';
  assert.notEqual(buildCatalog(indexReference(renamed)).version, a.version);
});

test('served: built once per load of the reference data, its ETag the version', () => {
  const ref = indexReference(data);
  const served = servedCatalog(ref);
  assert.equal(servedCatalog(ref), served);
  assert.equal(served.etag, `"catalog-${served.version}"`);
  assert.equal(JSON.parse(served.body.toString()).version, served.version);
});

test("the plugin's compiled copy is the one this writes (npm run catalog-fallback)", () => {
  assert.equal(
    readFileSync(FALLBACK_PATH, 'utf8'),
    fallbackText(),
    'src/datasource/catalog/fallback.ts is stale: run npm run catalog-fallback'
  );
  assert.ok(fallbackText().includes(JSON.stringify(catalogDefinitions(), null, 2)));
});
