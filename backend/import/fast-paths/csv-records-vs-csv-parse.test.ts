// The import's hand-written CSV reader (csv-records.ts) checked against csv-parse on generated files: the
// same records, cell for cell, on any well-formed file (quotes, doubled quotes, commas and line breaks
// inside quotes, a BOM, LF and CRLF ends mixed, blank lines, empty fields, Arabic), fed in pieces of any
// size; each record on the line it starts on; and on broken quoting, the same records up to the first
// record csv-parse refuses, which the reader marks with an error.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { rng } from '../../../bench/csv-history.ts';
import { CsvRecordParser, type CsvRecord } from './csv-records.ts';

/** csv-parse as the import reads (csv-records.ts: blank lines skipped, any number of fields, LF or CRLF). */
const LIBRARY_OPTIONS = {
  bom: true,
  skip_empty_lines: true,
  relax_column_count: true,
  record_delimiter: ['\r\n', '\n'],
};

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const WORDS = [
  'bin',
  'حاوية ممتلئة',
  'Street 25',
  'نص عربي',
  '+971 50 123 4567',
  '2026-01-14T20:05:27.543Z',
  '55.250655',
  'a b',
  ' padded ',
  '😀',
];
const TRICKY = [',', '"', '""', '\n', '\r\n', '\r', ', again'];

/** A cell's value: empty, plain, or holding what forces quotes. */
function cellValue(random: Random): string {
  const r = random();
  if (r < 0.15) {
    return '';
  }
  if (r < 0.6) {
    return pick(random, WORDS);
  }
  let v = '';
  for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
    v += random() < 0.5 ? pick(random, WORDS) : pick(random, TRICKY);
  }
  return v;
}

/** The cell as a file writes it: quoted when it must be (and at times when it need not be). */
function written(value: string, random: Random, only: boolean): string {
  const must = /[",\r\n]/.test(value) || (only && value === '');
  return must || random() < 0.1 ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A well-formed file and the records in it, each with the line it starts on. */
function generatedFile(random: Random): { text: string; records: CsvRecord[] } {
  let text = random() < 0.3 ? '\ufeff' : '';
  let line = 1;
  const records: CsvRecord[] = [];
  const count = 1 + Math.floor(random() * 12);
  for (let n = 0; n < count; n++) {
    while (random() < 0.1) {
      text += pick(random, ['\n', '\r\n']);
      line++;
    }
    const cells = Array.from({ length: 1 + Math.floor(random() * 5) }, () => cellValue(random));
    const body = cells.map((c) => written(c, random, cells.length === 1)).join(',');
    records.push({ cells, line });
    text += body;
    line += (body.match(/\n/g) ?? []).length;
    if (n < count - 1 || random() < 0.5) {
      text += pick(random, ['\n', '\r\n']);
      line++;
    }
  }
  return { text, records };
}

/** The hand reader over the text fed in pieces of random sizes. */
function handRead(text: string, random: Random): CsvRecord[] {
  const parser = new CsvRecordParser();
  const out: CsvRecord[] = [];
  for (let at = 0; at < text.length;) {
    const size = 1 + Math.floor(random() * 40);
    out.push(...parser.push(text.slice(at, at + size)));
    at += size;
  }
  out.push(...parser.end());
  return out;
}

test("on generated well-formed files the reader gives csv-parse's records, each on the line it starts on", () => {
  const random = rng(20261206);
  for (let i = 0; i < 600; i++) {
    const { text, records } = generatedFile(random);
    const library = parse(text, LIBRARY_OPTIONS) as string[][];
    assert.deepEqual(
      library,
      records.map((r) => r.cells),
      `csv-parse, file ${i}: ${JSON.stringify(text)}`
    );
    assert.deepEqual(handRead(text, random), records, `reader, file ${i}: ${JSON.stringify(text)}`);
  }
});

/** Text of random pieces, quotes often where RFC 4180 allows none. */
function brokenText(random: Random): string {
  const pieces = ['a', 'نص', ' ', ',', '"', '""', '\n', '\r\n', 'x"y', '"q"', '"q" ', ' "q"'];
  let text = '';
  for (let k = 1 + Math.floor(random() * 16); k > 0; k--) {
    text += pick(random, pieces);
  }
  return text;
}

test("on broken quoting the reader gives csv-parse's records up to the first one csv-parse refuses, and marks that one", () => {
  const random = rng(7);
  let refused = 0;
  for (let i = 0; i < 2000; i++) {
    const text = brokenText(random);
    const library: string[][] = [];
    let failed = false;
    try {
      parse(text, {
        ...LIBRARY_OPTIONS,
        on_record: (record: string[]) => {
          library.push(record);
          return record;
        },
      });
    } catch {
      failed = true;
    }
    const hand = handRead(text, random);
    const context = `text ${i}: ${JSON.stringify(text)}`;
    const firstError = hand.findIndex((r) => r.error !== undefined);
    if (!failed) {
      assert.equal(firstError, -1, context);
      assert.deepEqual(
        hand.map((r) => r.cells),
        library,
        context
      );
      continue;
    }
    refused++;
    assert.equal(firstError, library.length, context);
    assert.deepEqual(
      hand.slice(0, firstError).map((r) => r.cells),
      library,
      context
    );
  }
  assert.ok(refused > 400, `${refused} texts refused`);
});
