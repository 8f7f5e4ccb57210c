// The import's light check (request-check.ts) against the API's zod schema: on every input here it
// accepts exactly what the schema accepts and returns what the schema returns; and RowReader gives the
// same result, good or bad, with it as with the schema alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexReference } from '../domain/reference.ts';
import { requestInputSchema } from '../ingest/request-input.ts';
import { CSV_COLUMNS, historyRow, rng, type BBox } from '../../bench/csv-history.ts';
import { compileMapping, loadMapping } from './mapping.ts';
import { checkedTime, quickRequestInput } from './request-check.ts';
import { RowReader } from './row-input.ts';

const MAX_DESCRIPTION = 4000;
const schema = requestInputSchema(MAX_DESCRIPTION);
const iso = (ms: number) => new Date(ms).toISOString();

const BASE = {
  source: 'crm', external_id: 'c-1', channel: 'website', category: 'complaint', topic: 'waste.overflowing_bin',
  description: 'Bin overflowing', address: 'Street 1, Dubai', location: { lon: 55.2, lat: 25.1 }, customer: { name: 'Fatima', phone: '+971 50 123 4567' },
  created_at: '2026-10-01T10:00:00Z',
};

/** field → values to try in place of BASE's (undefined: the field left out). */
const VARIANTS: Record<string, unknown[]> = {
  source: [undefined, 'crm', '', 'a'.repeat(100), 'a'.repeat(101), 'bad source', 'x/y', ' crm', 'crm ', 'é', 'a.b:c-d_e', 5],
  external_id: [undefined, 'x', '', '   ', ' padded ', 'a'.repeat(200), 'a'.repeat(201), ` ${'a'.repeat(200)} `, 'حاوية', '\t x\n'],
  channel: [undefined, 'website', '', ' website', 7],
  category: [undefined, 'complaint', ''],
  topic: [undefined, 'x', '', 3],
  priority: [undefined, 'low', 'normal', 'high', 'urgent', 'LOW', '', 'normal ', 'critical'],
  description: [undefined, '', ' x ', 'a'.repeat(MAX_DESCRIPTION), 'a'.repeat(MAX_DESCRIPTION + 1), 'حاوية\nممتلئة', 12],
  address: [undefined, '', ' ', ' Street 1 ', 'a'.repeat(500), 'a'.repeat(501), ` ${'a'.repeat(500)} `],
  location: [undefined, { lon: 55, lat: 25 }, { lon: -180, lat: 90 }, { lon: 180, lat: -90 }, { lon: 180.0001, lat: 0 }, { lon: 0, lat: -90.1 }, { lon: 0, lat: 85.05112878 }, { lon: 0, lat: -85.05112878 }, { lon: 0, lat: -85.0512 },
    { lon: 'east', lat: 1 }, { lon: Number.NaN, lat: 1 }, { lon: Number.POSITIVE_INFINITY, lat: 1 }, { lon: 1 }, { lon: 1, lat: 2, alt: 3 }, null, 'here'],
  zone: [undefined, '332', ''],
  customer: [undefined, { name: 'F' }, { name: ' ' }, { name: ' Fatima ' }, { name: 'a'.repeat(200) }, { name: 'a'.repeat(201) },
    { phone: '+971 50 123 4567' }, { phone: ' 12345 ' }, { phone: '1234' }, { phone: `+${'1'.repeat(20)}` }, { phone: '1'.repeat(21) },
    { phone: '(050) 123-4567' }, { phone: 'call me' }, { email: 'a@b.co' }, { email: ' a@b.co' }, { email: 'a@b' }, { email: 'first.last@sub.example.com' },
    { email: `${'x'.repeat(245)}@b.example` }, { email: `${'x'.repeat(250)}@b.example` }, { email: 'x..y@b.co' }, { email: "o'neil+tag@example.ae" },
    { national_id: 'a'.repeat(40) }, { national_id: 'a'.repeat(41) }, { national_id: ' ' }, { language: 'en' }, { language: 'ar' }, { language: 'fr' },
    {}, { name: 'x', extra: 1 }, { name: 'x', phone: 'bad' }, { name: 'F', phone: '+971 50 123 4567', email: 'f@example.com', national_id: '784', language: 'ar' },
    null, 'Fatima'],
  created_at: [undefined, '2026-10-01T10:00:00Z', '2026-10-01T10:00Z', '2026-10-01T10:00:00.123456+04:00', '2026-10-01T10:00:00.1234567Z',
    '2026-10-01T10:00:00+0400', '2026-10-01T10:00:00+04', '2026-10-01 10:00:00Z', '1999-12-31T23:59:59Z', '2000-01-01T00:00:00Z',
    '1999-12-31T23:59:59-01:00', '2026-02-30T10:00:00Z', '2026-13-01T10:00:00Z', '2026-10-01T25:00:00Z', iso(Date.now() + 3_600_000),
    iso(Date.now() + 60_000), '', ' 2026-10-01T10:00:00Z', 20261001],
  due_at: [undefined, '2026-10-05T10:00:00Z', iso(Date.now() + 30 * 86_400_000), '2026-10-05T23:59:59.999-05:00', '1999-12-31T23:59:59Z',
    '2026-02-30T10:00:00Z', '2026-10-05 10:00', '2026-10-05', '', 20261005],
  first_response_clock: [undefined, true, false, 'false', 0, null],
  media_url: [undefined, 'https://example.com/a.jpg'],
  unknown_field: [undefined, 'x'],
};

function compare(input: Record<string, unknown>, what: string) {
  const quick = quickRequestInput(input, MAX_DESCRIPTION);
  const exact = schema.safeParse(input);
  if (quick) {
    assert.ok(exact.success, `${what}: the light check accepts what the schema refuses (${JSON.stringify(exact.error?.issues)})`);
    assert.deepEqual(quick, exact.data, `${what}: not the schema's output`);
  } else if (input.media_url === undefined) {
    // Not needed for correctness (refused inputs go to the schema), but good rows should take the light path.
    assert.ok(!exact.success, `${what}: the schema accepts it but the light check does not`);
  }
}

test('the light check accepts exactly what the API schema accepts, field by field and at the bounds', () => {
  let n = 0;
  for (const [field, values] of Object.entries(VARIANTS)) {
    for (const value of values) {
      const input: Record<string, unknown> = { ...BASE };
      if (value === undefined) delete input[field]; else input[field] = value;
      compare(input, `${field} = ${JSON.stringify(value)}`);
      n++;
    }
  }
  assert.ok(n > 120, `${n} inputs`);
});

test('… and on random mixes of good and bad values', () => {
  const random = rng(42);
  const fields = Object.keys(VARIANTS);
  for (let i = 0; i < 3000; i++) {
    const input: Record<string, unknown> = {};
    for (const f of fields) {
      const values = VARIANTS[f];
      const value = values[Math.floor(random() * values.length)];
      if (value !== undefined) input[f] = value;
    }
    compare(input, JSON.stringify(input));
  }
});

test('checkedTime accepts exactly the schema\'s times', () => {
  for (const t of VARIANTS.created_at) {
    const exact = schema.shape.created_at.safeParse(t);
    assert.equal(checkedTime(t) !== undefined, exact.success && t !== undefined, JSON.stringify(t));
  }
});

test('RowReader gives the same rows and the same reasons with the light check as with the schema alone', () => {
  const named = (code: string) => ({ code, name_en: code, name_ar: code });
  const ref = indexReference({
    time_zone: 'Asia/Dubai',
    channels: ['website', 'social_media', 'call_centre', 'whatsapp', 'virtual_assistant', 'walk_in'].map(named),
    categories: ['inquiry', 'report', 'observation', 'complaint', 'service_request', 'suggestion'].map(named),
    departments: [{ ...named('waste'), calendar_code: 'field' }],
    topics: ['waste.overflowing_bin', 'food_safety.hygiene', 'buildings.violation', 'drainage.blocked_drain', 'parks.irrigation_leak',
      'environment.noise', 'customer_service.general'].map((code) => ({ ...named(code), department_code: 'waste', default_priority: 'normal' as const })),
    statuses: [], stages: [], advisors: [], zones: [{ id: 7, code: '332', name_en: 'AL BARSHA FIRST', name_ar: 'البرشاء الأول', kind: 'community', population: null }],
  });
  const mapping = compileMapping(loadMapping('services360'), CSV_COLUMNS, 'history.csv');
  const now = () => new Date('2026-11-29T10:00:00Z');
  const light = new RowReader(mapping, ref, MAX_DESCRIPTION, now);
  const exact = new RowReader(mapping, ref, MAX_DESCRIPTION, now, true);
  const bbox: BBox = [54.9, 24.75, 55.65, 25.35];
  const random = rng(7);
  // Cells to break rows with: [column, value].
  const breakers: [string, string][] = [['source', 'bad source'], ['external_id', ' '], ['channel', 'fax'], ['category', ''], ['topic', 'nope'],
    ['priority', 'LOW'], ['priority', 'urgent'], ['lon', 'east'], ['lat', '91'], ['lat', '-90'], ['lat', '85.0512'], ['zone', '332'], ['created_at', '2026-10-01'],
    ['created_at', '1999-01-01T00:00:00Z'], ['created_at', '2026-10-01 10:00:00+04'], ['status', 'lost'], ['first_response_at', '2020-01-01T00:00:00Z'],
    ['closed_at', 'soon'], ['customer_phone', 'call me'], ['customer_email', 'a@b'], ['customer_email', ' a@b.co '], ['customer_name', ' F '],
    ['satisfaction', '9'], ['address', ' x '], ['description', 'a'.repeat(MAX_DESCRIPTION + 1)]];
  let good = 0, bad = 0;
  for (let i = 0; i < 3000; i++) {
    const cells = historyRow(i, random, bbox, 'crm');
    if (i % 3 === 0) {
      const [column, value] = breakers[Math.floor(random() * breakers.length)];
      cells[CSV_COLUMNS.indexOf(column)] = value;
    }
    const a = light.read(cells), b = exact.read(cells);
    assert.deepEqual(a, b, `row ${i}: ${cells.join(',')}`);
    if (a.row) good++; else bad++;
  }
  assert.ok(good > 1000 && bad > 300, `${good} good, ${bad} bad`);
});

test('a CSV row at latitude −90 is rejected naming lat and the map\'s limit; the limit itself is read', () => {
  const named = (code: string) => ({ code, name_en: code, name_ar: code });
  const ref = indexReference({
    time_zone: 'Asia/Dubai',
    channels: ['website'].map(named), categories: ['complaint'].map(named), departments: [{ ...named('waste'), calendar_code: 'field' }],
    topics: [{ ...named('waste.overflowing_bin'), department_code: 'waste', default_priority: 'normal' as const }],
    statuses: [], stages: [], advisors: [], zones: [],
  });
  const mapping = compileMapping(loadMapping('services360'), CSV_COLUMNS, 'history.csv');
  const reader = new RowReader(mapping, ref, MAX_DESCRIPTION, () => new Date('2026-11-29T10:00:00Z'));
  const cells = historyRow(1, rng(3), [54.9, 24.75, 55.65, 25.35], 'crm');
  cells[CSV_COLUMNS.indexOf('channel')] = 'website';
  cells[CSV_COLUMNS.indexOf('category')] = 'complaint';
  cells[CSV_COLUMNS.indexOf('topic')] = 'waste.overflowing_bin';
  const at = (lat: string) => { const c = [...cells]; c[CSV_COLUMNS.indexOf('lat')] = lat; return reader.read(c); };
  assert.deepEqual(at('-90'), { problems: [{ path: 'lat', message: "must be between -85.05112878 and 85.05112878 (the map's Web Mercator limit)" }] });
  assert.ok(at('-85.05112878').row, JSON.stringify(at('-85.05112878')));
});
