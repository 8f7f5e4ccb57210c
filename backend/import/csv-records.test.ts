import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvTooLargeError, csvRecords, type CsvRecord } from './csv-records.ts';

/** Reads text fed in pieces of `size` characters (to cross every boundary). */
async function parseAll(text: string, size = text.length, maxRecordChars?: number): Promise<CsvRecord[]> {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  const out: CsvRecord[] = [];
  for await (const batch of csvRecords((async function* () { yield* pieces; })(), maxRecordChars)) out.push(...batch);
  return out;
}

const SAMPLE = 'a,b,c\r\n1,"x, ""quoted""\nنص عربي",3\n\n4,,"6"\n"7",8,9';

test('reads plain and quoted fields, with commas, doubled quotes, line breaks and Arabic inside quotes', async () => {
  assert.deepEqual((await parseAll(SAMPLE)).map((r) => r.cells), [
    ['a', 'b', 'c'], ['1', 'x, "quoted"\nنص عربي', '3'], ['4', '', '6'], ['7', '8', '9'],
  ]);
});

test('each record carries the line it starts on (blank lines skipped, counted)', async () => {
  assert.deepEqual((await parseAll(SAMPLE)).map((r) => r.line), [1, 2, 5, 6]);
});

test('the same records whatever the chunk boundaries', async () => {
  const whole = await parseAll(SAMPLE);
  for (const size of [1, 2, 3, 5, 7, 11]) assert.deepEqual(await parseAll(SAMPLE, size), whole, `chunks of ${size}`);
});

test('a byte order mark is dropped; a last line without a line break is read', async () => {
  assert.deepEqual((await parseAll('\ufeffa,b\n1,2')).map((r) => r.cells), [['a', 'b'], ['1', '2']]);
});

test('a quote where none belongs is kept as text and reading goes on', async () => {
  const rows = await parseAll('a,b\n"x"y,2\nz"q,3\n4,5\n');
  assert.deepEqual(rows.map((r) => r.cells), [['a', 'b'], ['"x"y', '2'], ['z"q', '3'], ['4', '5']]);
  assert.ok(rows.every((r) => r.error === undefined));
  assert.deepEqual(rows[3], { cells: ['4', '5'], line: 4 });
});

test('a quote never closed is reported at the end, on the line the record starts', async () => {
  const rows = await parseAll('a,b\n\n1,"open\n2,3\n');
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[1], { cells: [], line: 3, error: 'a quoted field opened on line 3 is never closed' });
});

test('a record longer than the limit stops the reading', async () => {
  await assert.rejects(parseAll(`a,"${'x'.repeat(20)}"\n`, undefined, 10), CsvTooLargeError);
});

test('csvRecords decodes UTF-8 split across chunks', async () => {
  const bytes = Buffer.from('a\nحاوية\n', 'utf8');
  const chunks = [bytes.subarray(0, 4), bytes.subarray(4)];
  const out = [];
  for await (const batch of csvRecords((async function* () { yield* chunks; })())) out.push(...batch);
  assert.deepEqual(out.map((r) => r.cells[0]), ['a', 'حاوية']);
});
