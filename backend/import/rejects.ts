// The rejects file: one CSV line per bad row — its line number in the input, the problem(s) (field and
// message) and the original cells under the original header, so it can be fixed and imported again
// (the import ignores the three leading columns).
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ErrorDetail } from '../http/errors.ts';

export const REJECT_COLUMNS = ['reject_line', 'reject_field', 'reject_message'] as const;
/** Joins several problems of one row. */
export const PROBLEM_SEPARATOR = ' | ';

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

export class RejectsFile {
  private out: WriteStream | null = null;
  private header: readonly string[] = [];
  count = 0;

  constructor(readonly path: string) {}

  /** Starts the file (replacing one left by an earlier run). */
  async open(header: readonly string[]): Promise<void> {
    this.header = header;
    this.out = createWriteStream(this.path, { encoding: 'utf8' });
    await once(this.out, 'open');
    this.out.write(csvLine([...REJECT_COLUMNS, ...header]));
  }

  /** Records a bad row; resolves when the file can take more. */
  async add(line: number, problems: readonly ErrorDetail[], cells: readonly string[]): Promise<void> {
    if (!this.out) {
      throw new Error('the rejects file is not open');
    }
    this.count++;
    const field = problems.map((p) => p.path).join(PROBLEM_SEPARATOR);
    const message = problems.map((p) => p.message).join(PROBLEM_SEPARATOR);
    if (!this.out.write(csvLine([String(line), field, message, ...cells]))) {
      await once(this.out, 'drain');
    }
  }

  /** Finishes the file; removes it when no row was rejected. Returns the path, or null when removed. */
  async close(): Promise<string | null> {
    if (!this.out) {
      return null;
    }
    const out = this.out;
    this.out = null;
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (this.count === 0) {
      rmSync(this.path, { force: true });
      return null;
    }
    return this.path;
  }

  get columns(): readonly string[] {
    return this.header;
  }
}
