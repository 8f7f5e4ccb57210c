import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { checkPopulationRecord, PopulationCsvError, readPopulationCsv } from './population-csv.ts';

const read = (text: string, ...rest: Parameters<typeof readPopulationCsv> extends [unknown, ...infer R] ? R : never) =>
  readPopulationCsv(Readable.from([text]), ...rest);

test('reads rows with their line numbers, whatever the column order and case', async () => {
  const csv = await read('Year,ZONE_CODE,population\n2024,101,12000\n\n2025,101,12500\n');
  assert.deepEqual(csv.rows, [
    { line: 2, code: '101', population: 12000, year: 2024 },
    { line: 4, code: '101', population: 12500, year: 2025 },
  ]);
  assert.deepEqual(csv.problems, []);
});

test('names every bad row by line and reason, and keeps reading', async () => {
  const csv = await read(
    [
      'zone_code,population,year',
      ',10,2024',
      'A,-5,2024',
      'B,1.5,2024',
      'C,12 000,2024',
      'D,10,24',
      'E,10,1850',
      'F,10',
      'G,10,2024',
      'G,11,2024',
      'H,7,2024',
    ].join('\n')
  );
  assert.deepEqual(csv.problems, [
    { line: 2, reason: 'zone code is empty' },
    { line: 3, reason: 'population "-5" is not a whole number ≥ 0' },
    { line: 4, reason: 'population "1.5" is not a whole number ≥ 0' },
    { line: 5, reason: 'population "12 000" is not a whole number ≥ 0' },
    { line: 6, reason: 'year "24" is not a year between 1900 and 2100' },
    { line: 7, reason: 'year "1850" is not a year between 1900 and 2100' },
    { line: 8, reason: 'has 2 fields, the header has 3' },
    { line: 10, reason: 'zone "G", year 2024 repeats line 9' },
  ]);
  assert.deepEqual(
    csv.rows.map((r) => r.code),
    ['G', 'H']
  );
});

test('configurable column names and delimiter', async () => {
  const csv = await read(
    'Community;Residents;Census\n345;8000;2024\n',
    { code: 'community', population: 'residents', year: 'census' },
    ';'
  );
  assert.deepEqual(csv.rows, [{ line: 2, code: '345', population: 8000, year: 2024 }]);
});

test('a header without the named columns is refused, naming them', async () => {
  await assert.rejects(
    read('code,pop,year\n1,2,2024\n'),
    (e: unknown) =>
      e instanceof PopulationCsvError &&
      /no column "zone_code", "population"/.test(e.message) &&
      /it has: code, pop, year/.test(e.message)
  );
  await assert.rejects(read(''), /empty/);
});

test('broken CSV quoting is an error with its line', async () => {
  await assert.rejects(
    read('zone_code,population,year\n1,2,2024\n"2,3,2024\n'),
    (e: unknown) => e instanceof PopulationCsvError && /not readable CSV/.test(e.message)
  );
});

test('checkPopulationRecord accepts zero and refuses overflow', () => {
  assert.deepEqual(checkPopulationRecord('Z', '0', '2024'), { code: 'Z', population: 0, year: 2024 });
  assert.match(checkPopulationRecord('Z', '99999999999', '2024') as string, /not a whole number/);
  assert.equal(checkPopulationRecord('Z', '', '2024'), 'population is empty');
  assert.equal(checkPopulationRecord('Z', '5', undefined), 'year is empty');
});
