import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCityFile } from './check-file.ts';
import { gregorianDatesOf, hijriOf } from './hijri.ts';

const DUBAI = readCityFile(
  readFileSync(join(fileURLToPath(import.meta.url), '../../../config/cities/dubai.yaml'), 'utf8'),
  'dubai.yaml'
);

test('1 Shawwal 1448 (Eid al-Fitr) is 9 March 2027 by Umm al-Qura', () => {
  assert.deepEqual(gregorianDatesOf(2027, 10, 1), ['2027-03-09']);
  assert.deepEqual(hijriOf('2027-03-09'), { year: 1448, month: 10, day: 1 });
});

test("the Dubai file's provisional 2027 holidays are the Umm al-Qura dates of the lunar holidays, and only those", () => {
  const lunar: Array<[string, number, number[]]> = [
    ['Eid al-Fitr', 10, [1, 2, 3]],
    ['Arafat Day', 12, [9]],
    ['Eid al-Adha', 12, [10, 11, 12]],
    ['Islamic New Year', 1, [1]],
    ["Prophet's Birthday", 3, [12]],
  ];
  const expected = lunar
    .flatMap(([name, month, days]) =>
      days.flatMap((d) => gregorianDatesOf(2027, month, d).map((date) => `${date} ${name}`))
    )
    .sort();
  const provisional = DUBAI.holidays
    .filter((h) => h.provisional)
    .map((h) => `${h.date} ${h.name.en}`)
    .sort();
  assert.deepEqual(provisional, expected);
  assert.equal(provisional.length, 9);
});

test('the Dubai file holds the fixed 2027 holidays, not provisional', () => {
  const fixed = DUBAI.holidays
    .filter((h) => h.date.startsWith('2027') && !h.provisional)
    .map((h) => `${h.date} ${h.name.en}`);
  assert.deepEqual(fixed, [
    "2027-01-01 New Year's Day",
    '2027-12-01 Commemoration Day',
    '2027-12-02 National Day',
    '2027-12-03 National Day',
  ]);
});
