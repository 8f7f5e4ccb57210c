// Reads a CSV stream with csv-parse, in batches of records, each with the line it starts on (RFC 4180:
// comma-separated, fields optionally in double quotes, "" for a quote inside one, quoted fields may hold
// commas and line breaks; LF, CRLF or CR line ends, even mixed; a UTF-8 BOM is dropped; blank lines are
// skipped). A quote where RFC 4180 allows none is kept as text (csv-parse's relax_quotes: past a record
// it refuses, the library cannot find where the next one starts); a quote never closed makes the last
// record one with `error`; a record longer than the limit stops the reading (CsvTooLargeError).
//
// A hand-written reader did this until issue 12: csv-parse costs some 17 µs of CPU a row more (21 against
// 4), under a tenth of the import's time a row, below the 20 % a hand-written hot path has to buy.
import { parse, type CsvError } from 'csv-parse';

export type CsvRecord = { cells: string[]; line: number; error?: string };

export class CsvTooLargeError extends Error {}

/** Reads records from a byte or text stream, a batch per piece of the stream. */
export async function* csvRecords(stream: AsyncIterable<string | Buffer>, maxRecordChars = 1_000_000): AsyncGenerator<CsvRecord[]> {
  let batch: CsvRecord[] = [];
  // The line after the previous record and the blank lines counted by then: a record starts after
  // those and the blank lines since. (Counted from the cells: csv-parse's own count takes a CRLF inside
  // quotes for two lines.)
  let nextLine = 1, blankBefore = 0;
  const parser = parse({
    bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: maxRecordChars, skip_records_with_error: true,
    // Records are taken here as they are parsed (null: the stream passes none on).
    on_record: (cells: string[]) => {
      const line = nextLine + parser.info.empty_lines - blankBefore;
      batch.push({ cells, line });
      nextLine = line + lineBreaks(cells) + 1;
      blankBefore = parser.info.empty_lines;
      return null;
    },
    on_skip: (err: CsvError | undefined) => {
      const line = nextLine + parser.info.empty_lines - blankBefore;
      if (err?.code === 'CSV_MAX_RECORD_SIZE') {
        throw new CsvTooLargeError(`the record starting on line ${line} is longer than ${maxRecordChars} characters (a quote never closed?)`);
      }
      const error = err?.code === 'CSV_QUOTE_NOT_CLOSED' ? `a quoted field opened on line ${line} is never closed` : err?.message ?? 'unreadable';
      batch.push({ cells: [], line, error });
    },
  });
  let failure: Error | null = null;
  parser.on('error', (err: Error) => { failure = err; });
  for await (const piece of stream) {
    parser.write(piece);
    if (failure) throw failure;
    if (batch.length) { yield batch; batch = []; }
  }
  await new Promise<void>((resolve) => parser.end(resolve));
  if (failure) throw failure;
  if (batch.length) yield batch;
}

/** Line breaks inside the cells (LF, CRLF or a lone CR, as records end). */
function lineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.includes('\n') || c.includes('\r')) n += c.match(/\r\n|\n|\r/g)!.length;
  return n;
}
