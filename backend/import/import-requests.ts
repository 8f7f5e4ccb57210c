// Imports a CSV of historical requests at COPY speed: the file is streamed and parsed, each row checked
// with the API's rules (bad rows go to the rejects file), good rows are COPYed by chunks into a
// temporary staging table and written by one INSERT … SELECT per chunk (sql/import/insert_staged.sql),
// each chunk in its own transaction. While the database writes one chunk, the next one is parsed.
// Idempotent: rows whose (source, external_id) is already present are skipped.
import { createReadStream, statSync } from 'node:fs';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from '../db/sql.ts';
import { ReferenceCache, type ReferenceIndex } from '../domain/reference.ts';
import { copyArray, copyLine, copyValue } from './copy-text.ts';
import { csvRecords, CsvTooLargeError } from './csv-records.ts';
import { compileMapping, type CompiledMapping, type Mapping } from './mapping.ts';
import type { ImportProgress } from './progress.ts';
import { RejectsFile } from './rejects.ts';
import { RowReader, type ImportRow } from './row-input.ts';

export type ImportOptions = {
  file: string;
  mapping: Mapping;
  rejectsFile: string;
  /** rows per transaction */
  chunkRows: number;
  maxDescriptionChars: number;
  progress?: ImportProgress | null;
  /** the reference data; loaded from the database when absent */
  reference?: ReferenceIndex;
  /**
   * 'auto' (default): when this role may, and no trigger but the foreign-key checks fires on the tables
   * written, each chunk locks and checks its references set-based and writes with row triggers off;
   * 'on': every row trigger fires (slower: some 30 foreign-key checks per request).
   */
  triggers?: 'auto' | 'on';
  /** told once the header is read: which columns are ignored and which mapped ones are missing */
  onHeader?: (mapping: CompiledMapping) => void;
};

export type ImportSummary = {
  /** data rows read (the header and blank lines not counted) */
  rows: number;
  loaded: number;
  /** already in the database, or repeated in the file */
  present: number;
  rejected: number;
  /** the rejects file, or null when no row was rejected */
  rejectsFile: string | null;
  seconds: number;
  rowsPerSecond: number;
  /** time spent writing chunks to the database (the rest: reading and checking rows, overlapping it) */
  writeSeconds: number;
  /** how references were checked: 'set-based' (bulk mode) or 'row triggers' */
  referenceChecks: 'set-based' | 'row triggers';
};

export class ImportError extends Error {}

/** Longest record accepted: longer ones mean a broken file (e.g. a quote never closed). */
const MAX_RECORD_CHARS = 1_000_000;

const shapeColumns = new Map<string, string>();

/** The staging table's line for a checked row. */
export function stagedLine(line: number, row: ImportRow): string {
  const r = row.request;
  const j = row.journey;
  const c = r.customer;
  const e = j.events;
  let constant = shapeColumns.get(j.shape);
  if (constant === undefined) {
    constant = [copyArray(e.map((x) => x.kind)), copyArray(e.map((x) => x.from_status)), copyArray(e.map((x) => x.to_status)),
      copyArray(e.map((x) => x.stage)), copyArray(e.map((x) => x.progress_pct))].join('\t');
    shapeColumns.set(j.shape, constant);
  }
  return copyLine([
    String(line), copyValue(r.source), copyValue(r.external_id), copyValue(r.channel), copyValue(r.category),
    copyValue(r.topic), copyValue(r.department), copyValue(r.priority), copyValue(r.description), copyValue(r.address),
    copyValue(r.lon), copyValue(r.lat), copyValue(r.zone_code), r.created_at,
    copyValue(c?.name), copyValue(c?.phone), copyValue(c?.email), copyValue(c?.national_id), copyValue(c?.language),
    j.status, j.stage, String(j.progress_pct), copyValue(j.first_response_at), copyValue(j.resolved_at),
    copyValue(j.closed_at), copyValue(j.cancelled_at), copyValue(j.satisfaction),
    constant, copyArray(e.map((x) => x.occurred_at)),
  ]);
}

/** True when this role may turn row triggers off and no trigger but the foreign-key checks would be skipped. */
async function bulkModeAllowed(client: pg.PoolClient): Promise<boolean> {
  const { rows: [probe] } = await client.query<{ allowed: boolean }>(sql('import/probe_bulk_mode'));
  if (!probe.allowed) return false;
  const { rows: [triggers] } = await client.query<{ others: number }>(sql('import/insert_triggers'));
  return triggers.others === 0;
}

type Chunk = { lines: string[]; first: number; last: number; repeats: number };

export async function importRequests(pool: pg.Pool, options: ImportOptions): Promise<ImportSummary> {
  const started = process.hrtime.bigint();
  const totalBytes = statSync(options.file).size;
  const ref = options.reference ?? await new ReferenceCache(pool, Number.MAX_SAFE_INTEGER).get();
  const rejects = new RejectsFile(options.rejectsFile);
  const summary: ImportSummary = { rows: 0, loaded: 0, present: 0, rejected: 0, rejectsFile: null, seconds: 0, rowsPerSecond: 0, writeSeconds: 0,
    referenceChecks: 'row triggers' };

  const input = createReadStream(options.file, { highWaterMark: 1 << 20 });
  const client = await pool.connect();
  const bulk = (options.triggers ?? 'auto') === 'auto' && await bulkModeAllowed(client);
  if (bulk) summary.referenceChecks = 'set-based';
  let failed: Error | null = null;
  let writing: Promise<void> | null = null;
  const write = async (chunk: Chunk) => {
    const began = process.hrtime.bigint();
    try {
      await client.query(sql('import/begin_chunk'));
      const copy = client.query(copyFrom(sql('import/copy_staging')));
      await new Promise<void>((resolve, reject) => {
        copy.on('finish', resolve);
        copy.on('error', reject);
        for (let i = 0; i < chunk.lines.length; i += 1000) copy.write(chunk.lines.slice(i, i + 1000).join(''));
        copy.end();
      });
      if (bulk) {
        const { rows: refs } = await client.query<{ missing: number }>(sql('import/lock_references'));
        // A reference gone since the start: the row triggers will name it.
        if (refs[0].missing === 0) await client.query(sql('import/bulk_mode'));
      }
      const { rows } = await client.query<{ staged: number; inserted: number }>(sql('import/insert_staged'));
      await client.query('COMMIT');
      summary.loaded += rows[0].inserted;
      summary.present += rows[0].staged - rows[0].inserted + chunk.repeats;
      summary.writeSeconds += Number(process.hrtime.bigint() - began) / 1e9;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw new ImportError(`lines ${chunk.first}–${chunk.last} could not be written (${(err as Error).message}); `
        + 'the rows before them are in; run the import again to resume (rows already in are skipped)');
    }
  };
  const startWrite = async (chunk: Chunk) => {
    if (writing) await writing;
    if (failed) throw failed;
    writing = write(chunk).catch((err) => { failed = err as Error; });
  };

  let reader: RowReader | null = null;
  let chunk: Chunk = { lines: [], first: 0, last: 0, repeats: 0 };
  let keys = new Set<string>();
  const progress = options.progress ?? null;
  try {
    await client.query(sql('import/create_staging'));
    progress?.start(totalBytes);
    for await (const batch of csvRecords(input, MAX_RECORD_CHARS)) {
      for (const r of batch) {
        if (failed) throw failed;
        if (!reader) {
          const mapping = compileMapping(options.mapping, r.cells, options.file);
          options.onHeader?.(mapping);
          reader = new RowReader(mapping, ref, options.maxDescriptionChars);
          await rejects.open(r.cells);
          continue;
        }
        summary.rows++;
        if (r.error) {
          await rejects.add(r.line, [{ path: 'row', message: `is not valid CSV: ${r.error}` }], r.cells);
          continue;
        }
        if (r.cells.length !== reader.columns) {
          await rejects.add(r.line, [{ path: 'row', message: `has ${r.cells.length} fields; the header has ${reader.columns}` }], r.cells);
          continue;
        }
        const result = reader.read(r.cells);
        if (result.problems) { await rejects.add(r.line, result.problems, r.cells); continue; }
        const key = `${result.row.request.source}\u0000${result.row.request.external_id}`;
        if (keys.has(key)) { chunk.repeats++; continue; }
        keys.add(key);
        if (!chunk.lines.length) chunk.first = r.line;
        chunk.last = r.line;
        chunk.lines.push(stagedLine(r.line, result.row));
        if (chunk.lines.length >= options.chunkRows) {
          await startWrite(chunk);
          chunk = { lines: [], first: 0, last: 0, repeats: 0 };
          keys = new Set();
        }
      }
      progress?.update(input.bytesRead, summary.rows);
    }
    if (!reader) throw new ImportError(`${options.file} is empty: no header line`);
    if (chunk.lines.length) await startWrite(chunk);
    else summary.present += chunk.repeats;
    if (writing) await writing;
    if (failed) throw failed;
    progress?.update(totalBytes, summary.rows);
  } catch (err) {
    if (writing) await writing;
    client.release(true);
    if (err instanceof CsvTooLargeError) throw new ImportError(`${options.file}: ${err.message}; nothing after it was read`);
    throw err;
  } finally {
    progress?.stop();
    summary.rejected = rejects.count;
    summary.rejectsFile = await rejects.close();
    input.destroy();
  }
  await client.query(sql('import/drop_staging')).catch(() => {});
  client.release();
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  summary.rowsPerSecond = summary.rows / Math.max(summary.seconds, 1e-9);
  return summary;
}
