import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { NO_NAMES, valueNames } from './value-names.ts';

/** A GET /v1/catalog body as the aggregator sends it (backend/catalog/document.ts), cut to what the panel reads. */
const named = (code: string, name_en: string, name_ar: string) => ({ code, name_en, name_ar });
const CATALOG = {
  version: 'v1',
  time_zone: 'Asia/Dubai',
  languages: ['en', 'ar'],
  metrics: [],
  dimensions: [named('category', 'Category', 'الفئة'), named('topic', 'Topic', 'الموضوع')],
  values: {
    category: [named('complaint', 'Complaint', 'شكوى'), named('service_request', 'Service request', 'طلب خدمة')],
    topic: [named('public_health.pest_control', 'Pest control', 'مكافحة الآفات')],
  },
};

describe('names of codes from the catalogue', () => {
  test('a category code is named in Arabic or English, as the catalogue names it', () => {
    assert.equal(valueNames(CATALOG, 'ar').value('category', 'service_request'), 'طلب خدمة');
    assert.equal(valueNames(CATALOG, 'en').value('category', 'service_request'), 'Service request');
    assert.equal(valueNames(CATALOG, 'ar').value('topic', 'public_health.pest_control'), 'مكافحة الآفات');
  });

  test("the property itself is named from the catalogue's dimensions", () => {
    assert.equal(valueNames(CATALOG, 'ar').property('category'), 'الفئة');
    assert.equal(valueNames(CATALOG, 'en').property('topic'), 'Topic');
  });

  test('a code or property the catalogue does not hold has no name (the caller shows the code)', () => {
    const names = valueNames(CATALOG, 'ar');
    assert.equal(names.value('category', 'unheard_of'), undefined);
    assert.equal(names.value('sla_state', 'warning'), undefined);
    assert.equal(names.property('sla_state'), undefined);
    assert.equal(NO_NAMES.value('category', 'complaint'), undefined);
  });

  test('an Arabic name left empty falls back to the English one', () => {
    const body = { ...CATALOG, values: { category: [named('report', 'Report', '')] } };
    assert.equal(valueNames(body, 'ar').value('category', 'report'), 'Report');
  });

  test('a body that is not a catalogue is refused', () => {
    assert.throws(() => valueNames({ error: 'not found' }, 'en'), /no catalogue/);
  });
});
