// The import's CSV reader (csv-records.ts) on generated files: every record, cell for cell, on the line it
// starts on, on any well-formed file (quotes, doubled quotes, commas and line breaks inside quotes, a BOM,
// LF and CRLF ends mixed, blank lines, empty fields, Arabic and emoji), its bytes fed in pieces of any size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rng } from '../../bench/csv-history.ts';
import { csvRecords, type CsvRecord } from './csv-records.ts';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const WORDS = ['bin', 'حاوية ممتلئة', 'Street 25', 'نص عربي', '+971 50 123 4567', '2026-01-14T20:05:27.543Z', '55.250655', 'a b', ' padded ', '😀'];
const TRICKY = [',', '"', '""', '\n', '\r\n', '\r', ', again'];

/** A cell's value: empty, plain, or holding what forces quotes. */
function cellValue(random: Random): string {
  const r = random();
  if (r < 0.15) return '';
  if (r < 0.6) return pick(random, WORDS);
  let v = '';
  for (let k = 1 + Math.floor(random() * 3); k > 0; k--) v += random() < 0.5 ? pick(random, WORDS) : pick(random, TRICKY);
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
    while (random() < 0.1) { text += pick(random, ['\n', '\r\n']); line++; }
    const cells = Array.from({ length: 1 + Math.floor(random() * 5) }, () => cellValue(random));
    const body = cells.map((c) => written(c, random, cells.length === 1)).join(',');
    records.push({ cells, line });
    text += body;
    // Line breaks inside quotes count as lines too: LF, CRLF or a lone CR (as the reader ends records).
    line += (body.match(/\r\n|\n|\r/g) ?? []).length;
    if (n < count - 1 || random() < 0.5) { text += pick(random, ['\n', '\r\n']); line++; }
  }
  return { text, records };
}

/** The reader over the file's bytes in pieces of random sizes (as a file stream gives them: characters split too). */
async function read(text: string, random: Random): Promise<CsvRecord[]> {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(random() * 40);
    pieces.push(bytes.subarray(at, at + size));
    at += size;
  }
  const out: CsvRecord[] = [];
  for await (const batch of csvRecords((async function* () { yield* pieces; })())) out.push(...batch);
  return out;
}

test('on generated well-formed files the reader gives every record, cell for cell, on the line it starts on', async () => {
  const random = rng(20261206);
  for (let i = 0; i < 600; i++) {
    const { text, records } = generatedFile(random);
    assert.deepEqual(await read(text, random), records, `file ${i}: ${JSON.stringify(text)}`);
  }
});
