// RowReader checks every row with the API's own zod schema (requestInputSchema): a broken cell is refused
// with the schema's reason under the file's column name, and a cell the schema trims comes out trimmed.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference } from '../domain/reference.ts';
import { CSV_COLUMNS, historyRow, rng, type BBox } from '../../bench/csv-history.ts';
import { compileMapping, loadMapping } from './mapping.ts';
import { RowReader } from './row-input.ts';

const MAX_DESCRIPTION = 4000;
const named = (code: string) => ({ code, name_en: code, name_ar: code });

function historyReader(): RowReader {
  const ref = indexReference({
    time_zone: 'Asia/Dubai',
    channels: ['website', 'social_media', 'call_centre', 'whatsapp', 'virtual_assistant', 'walk_in'].map(named),
    categories: ['inquiry', 'report', 'observation', 'complaint', 'service_request', 'suggestion'].map(named),
    departments: [{ ...named('waste'), calendar_code: 'field' }],
    topics: [
      'waste.overflowing_bin',
      'food_safety.hygiene',
      'buildings.violation',
      'drainage.blocked_drain',
      'parks.irrigation_leak',
      'environment.noise',
      'customer_service.general',
    ].map((code) => ({ ...named(code), department_code: 'waste', default_priority: 'normal' as const })),
    statuses: [],
    stages: [],
    advisors: [],
    zones: [
      { id: 7, code: '332', name_en: 'AL BARSHA FIRST', name_ar: 'البرشاء الأول', kind: 'community', population: null },
    ],
  });
  return new RowReader(
    compileMapping(loadMapping('services360'), CSV_COLUMNS, 'history.csv'),
    ref,
    MAX_DESCRIPTION,
    () => new Date('2026-11-29T10:00:00Z')
  );
}

test('a history row with one broken cell is refused naming that column', () => {
  const reader = historyReader();
  const bbox: BBox = [54.9, 24.75, 55.65, 25.35];
  const random = rng(7);
  // [column, a value the schema or the history checks refuse]
  const breakers: Array<[string, string]> = [
    ['source', 'bad source'],
    ['external_id', ' '],
    ['channel', 'fax'],
    ['topic', 'nope'],
    ['priority', 'LOW'],
    ['priority', 'soon'],
    ['lon', 'east'],
    ['lat', '91'],
    ['lat', '-90'],
    ['lat', '85.0512'],
    ['created_at', '2026-10-01'],
    ['created_at', '1999-01-01T00:00:00Z'],
    ['status', 'lost'],
    ['customer_phone', 'call me'],
    ['customer_email', 'a@b'],
    ['satisfaction', '9'],
    ['description', 'a'.repeat(MAX_DESCRIPTION + 1)],
  ];
  let good = 0;
  for (let i = 0; i < 600; i++) {
    const cells = historyRow(i, random, bbox, 'crm');
    const plain = reader.read(cells);
    if (plain.problems) {
      continue;
    }
    good++;
    const [column, value] = breakers[i % breakers.length];
    cells[CSV_COLUMNS.indexOf(column)] = value;
    const broken = reader.read(cells);
    assert.ok(
      broken.problems?.some((p) => p.path.split('/').includes(column)),
      `row ${i}, ${column} = ${value.slice(0, 20)}: ${JSON.stringify(broken)}`
    );
  }
  assert.ok(good > 300, `${good} good rows`);
});

test('cells the schema trims come out trimmed', () => {
  const reader = historyReader();
  const cells = historyRow(3, rng(11), [54.9, 24.75, 55.65, 25.35], 'crm');
  cells[CSV_COLUMNS.indexOf('address')] = '  Street 9, Dubai ';
  cells[CSV_COLUMNS.indexOf('customer_name')] = ' فاطمة ';
  const { row } = reader.read(cells);
  assert.equal(row?.request.address, 'Street 9, Dubai');
  assert.equal(row?.request.customer?.name, 'فاطمة');
});

test("a CSV row at latitude −90 is rejected naming lat and the map's limit; the limit itself is read", () => {
  const ref = indexReference({
    time_zone: 'Asia/Dubai',
    channels: ['website'].map(named),
    categories: ['complaint'].map(named),
    departments: [{ ...named('waste'), calendar_code: 'field' }],
    topics: [{ ...named('waste.overflowing_bin'), department_code: 'waste', default_priority: 'normal' as const }],
    statuses: [],
    stages: [],
    advisors: [],
    zones: [],
  });
  const mapping = compileMapping(loadMapping('services360'), CSV_COLUMNS, 'history.csv');
  const reader = new RowReader(mapping, ref, MAX_DESCRIPTION, () => new Date('2026-11-29T10:00:00Z'));
  const cells = historyRow(1, rng(3), [54.9, 24.75, 55.65, 25.35], 'crm');
  cells[CSV_COLUMNS.indexOf('channel')] = 'website';
  cells[CSV_COLUMNS.indexOf('category')] = 'complaint';
  cells[CSV_COLUMNS.indexOf('topic')] = 'waste.overflowing_bin';
  const at = (lat: string) => {
    const c = [...cells];
    c[CSV_COLUMNS.indexOf('lat')] = lat;
    return reader.read(c);
  };
  assert.deepEqual(at('-90'), {
    problems: [{ path: 'lat', message: "must be between -85.05112878 and 85.05112878 (the map's Web Mercator limit)" }],
  });
  assert.ok(at('-85.05112878').row, JSON.stringify(at('-85.05112878')));
});
