import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { CsvRecordParser, CsvTooLargeError, csvRecords } from './csv-records.ts';

/** Parses text fed in pieces of `size` characters (to cross every boundary). */
function parseAll(text: string, size = text.length) {
  const p = new CsvRecordParser();
  const out = [];
  for (let i = 0; i < text.length; i += size) {
    out.push(...p.push(text.slice(i, i + size)));
  }
  out.push(...p.end());
  return out;
}

const SAMPLE = 'a,b,c\r\n1,"x, ""quoted""\nنص عربي",3\n\n4,,"6"\n"7",8,9';

test('reads plain and quoted fields, with commas, doubled quotes, line breaks and Arabic inside quotes', () => {
  assert.deepEqual(
    parseAll(SAMPLE).map((r) => r.cells),
    [
      ['a', 'b', 'c'],
      ['1', 'x, "quoted"\nنص عربي', '3'],
      ['4', '', '6'],
      ['7', '8', '9'],
    ]
  );
});

test('each record carries the line it starts on (blank lines skipped, counted)', () => {
  assert.deepEqual(
    parseAll(SAMPLE).map((r) => r.line),
    [1, 2, 5, 6]
  );
});

test('the same records whatever the chunk boundaries', () => {
  const whole = parseAll(SAMPLE);
  for (const size of [1, 2, 3, 5, 7, 11]) {
    assert.deepEqual(parseAll(SAMPLE, size), whole, `chunks of ${size}`);
  }
});

test('a byte order mark is dropped; a last line without a line break is read', () => {
  assert.deepEqual(
    parseAll('\ufeffa,b\n1,2').map((r) => r.cells),
    [
      ['a', 'b'],
      ['1', '2'],
    ]
  );
});

test('broken quoting is reported on the record and reading goes on', () => {
  const rows = parseAll('a,b\n"x"y,2\nz"q,3\n4,5\n');
  assert.equal(rows[1].error, 'text after the closing quote of field 1');
  assert.deepEqual(rows[1].cells, ['xy', '2']);
  assert.equal(rows[2].error, 'a quote inside unquoted field 1');
  assert.deepEqual(rows[3], { cells: ['4', '5'], line: 4 });
});

test('a quote never closed is reported at the end', () => {
  const rows = parseAll('a,b\n1,"open\n2,3\n');
  assert.equal(rows.length, 2);
  assert.equal(rows[1].error, 'a quoted field opened on line 2 is never closed');
});

test('a record longer than the limit stops the reading', () => {
  const p = new CsvRecordParser(10);
  assert.throws(() => p.push('a,"' + 'x'.repeat(20)), CsvTooLargeError);
});

test('csvRecords decodes UTF-8 split across chunks', async () => {
  const bytes = Buffer.from('a\nحاوية\n', 'utf8');
  const chunks = [bytes.subarray(0, 4), bytes.subarray(4)];
  const out = [];
  for await (const batch of csvRecords(
    (async function* () {
      yield* chunks;
    })()
  )) {
    out.push(...batch);
  }
  assert.deepEqual(
    out.map((r) => r.cells[0]),
    ['a', 'حاوية']
  );
});
