// A streaming CSV reader (RFC 4180: comma-separated, fields optionally in double quotes, "" for a quote
// inside one, quoted fields may hold commas and line breaks; LF or CRLF line ends; a UTF-8 BOM is
// dropped; blank lines are skipped). Each record carries the line it starts on. A record that breaks the
// rules is still returned, with `error` saying what is wrong, and reading goes on with the next one.
//
// The import's one hand-written hot path (issue 12: such a path stays only where it buys 20 % of the
// import's wall time). Measured on the bench's 200,000-row history file: 2.5–4 µs of CPU a row here against
// 19–22 µs with csv-parse (its stream, or write() with on_record): the importer reads, checks and stages a
// row in ~62 µs of CPU with it against ~78 with csv-parse, a fifth, and the importer's CPU is as large as
// PostgreSQL's (65–87 µs a row, spread over two connections): on 2 cores it is half of what bounds the import. csv-records-vs-csv-parse.test.ts checks
// it against csv-parse on generated files: the same records on well-formed input, and on broken quoting
// the same records up to the first one csv-parse refuses, which this marks with `error`.
// A line without a quote is split natively; only lines with quotes go through the character loop.

export type CsvRecord = { cells: string[]; line: number; error?: string };

export class CsvTooLargeError extends Error {}

const QUOTE = 34,
  COMMA = 44,
  LF = 10,
  CR = 13;

export class CsvRecordParser {
  private rest = '';
  private line = 1;
  private started = false;

  constructor(private readonly maxRecordChars = 1_000_000) {}

  /** Parses the records complete in text (with what was left of the previous call). */
  push(text: string): CsvRecord[] {
    let buf = this.rest + text;
    if (!this.started && buf.length) {
      if (buf.charCodeAt(0) === 0xfeff) {
        buf = buf.slice(1);
      }
      this.started = true;
    }
    const out: CsvRecord[] = [];
    const used = this.parse(buf, out, false);
    this.rest = buf.slice(used);
    if (this.rest.length > this.maxRecordChars) {
      throw new CsvTooLargeError(
        `the record starting on line ${this.line} is longer than ${this.maxRecordChars} characters (a quote never closed?)`
      );
    }
    return out;
  }

  /** The last record, when the text does not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.rest.length) {
      this.parse(this.rest, out, true);
    }
    this.rest = '';
    return out;
  }

  /** Parses records from buf into out; returns how many characters were consumed. */
  private parse(buf: string, out: CsvRecord[], final: boolean): number {
    let i = 0;
    const n = buf.length;
    let quote = buf.indexOf('"'); // the next quote at or after i (-1: none left); found once, not per line
    while (i < n) {
      const nl = buf.indexOf('\n', i);
      if (quote >= 0 && quote < i) {
        quote = buf.indexOf('"', i);
      }
      if (quote < 0 || (nl >= 0 && quote > nl)) {
        // Fast path: no quote before the line end.
        if (nl < 0 && !final) {
          return i;
        }
        const endAt = nl < 0 ? n : nl;
        let lineEnd = endAt;
        if (lineEnd > i && buf.charCodeAt(lineEnd - 1) === CR) {
          lineEnd--;
        }
        const text = buf.slice(i, lineEnd);
        if (text.length) {
          out.push({ cells: text.split(','), line: this.line });
        }
        this.line++;
        i = nl < 0 ? n : nl + 1;
        continue;
      }
      const next = this.slow(buf, i, out, final);
      if (next < 0) {
        return i;
      }
      i = next;
    }
    return i;
  }

  /** The character loop for a record holding quotes; returns where the next record starts, or -1 if incomplete. */
  private slow(buf: string, start: number, out: CsvRecord[], final: boolean): number {
    const cells: string[] = [];
    const n = buf.length;
    let i = start;
    let lines = 0;
    let error: string | undefined;
    for (;;) {
      // One field.
      let value = '';
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        const openedOn = this.line + lines;
        for (;;) {
          const q = buf.indexOf('"', j);
          if (q < 0) {
            if (!final) {
              return -1;
            }
            value += buf.slice(j);
            lines += countBreaks(buf, j, n);
            error ??= `a quoted field opened on line ${openedOn} is never closed`;
            i = n;
            break;
          }
          lines += countBreaks(buf, j, q);
          value += buf.slice(j, q);
          if (q + 1 < n && buf.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            j = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) {
            return -1;
          }
          i = q + 1;
          break;
        }
        // After the closing quote: a separator, a line end, or text that should not be there (kept as is).
        if (i < n) {
          const c = buf.charCodeAt(i);
          if (c !== COMMA && c !== LF && c !== CR) {
            error ??= `text after the closing quote of field ${cells.length + 1}`;
            let k = i;
            while (k < n) {
              const d = buf.charCodeAt(k);
              if (d === COMMA || d === LF || d === CR) {
                break;
              }
              k++;
            }
            if (k >= n && !final) {
              return -1;
            }
            value += buf.slice(i, k);
            i = k;
          }
        }
      } else {
        let k = i;
        while (k < n) {
          const d = buf.charCodeAt(k);
          if (d === COMMA || d === LF || d === CR) {
            break;
          }
          k++;
        }
        if (k >= n && !final) {
          return -1;
        }
        value = buf.slice(i, k);
        if (value.includes('"')) {
          error ??= `a quote inside unquoted field ${cells.length + 1}`;
        }
        i = k;
      }
      cells.push(value);
      if (i >= n) {
        if (!final) {
          return -1;
        }
        break;
      }
      const c = buf.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      // A line end: LF, CRLF or CR.
      if (c === CR && i + 1 >= n && !final) {
        return -1;
      }
      i += c === CR && buf.charCodeAt(i + 1) === LF ? 2 : 1;
      break;
    }
    out.push(error ? { cells, line: this.line, error } : { cells, line: this.line });
    this.line += lines + 1;
    return i;
  }
}

function countBreaks(buf: string, from: number, to: number): number {
  let count = 0;
  for (let k = buf.indexOf('\n', from); k >= 0 && k < to; k = buf.indexOf('\n', k + 1)) {
    count++;
  }
  return count;
}

/** Reads records from a text stream, a batch at a time. */
export async function* csvRecords(
  stream: AsyncIterable<string | Buffer>,
  maxRecordChars?: number
): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvRecordParser(maxRecordChars);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const batch = parser.push(text);
    if (batch.length) {
      yield batch;
    }
  }
  const tail = parser.push(decoder.decode());
  const last = parser.end();
  if (tail.length || last.length) {
    yield [...tail, ...last];
  }
}
