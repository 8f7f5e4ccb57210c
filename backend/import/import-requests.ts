// Imports a CSV of historical requests at COPY speed: the file is streamed and parsed, each row checked
// with the API's rules (bad rows go to the rejects file), good rows are COPYed by chunks straight into
// the final tables, each chunk in its own transaction (chunk-writer.ts), with the zone, SLA policy,
// customer, journey and rollup mark the API's INSERT would give them. While the database writes, the
// next chunk is read.
// Idempotent: rows whose (source, external_id) is already present are skipped.
// With `bulkLoad` the chunks all go into one transaction that drops and rebuilds the secondary indexes
// (bulk-load.ts): for loading years of history into a new installation, all or nothing.
import { createReadStream, statSync } from 'node:fs';
import type pg from 'pg';
import { ReferenceCache, type ReferenceIndex } from '../domain/reference.ts';
import { bulkModeAllowed, Chunk, ChunkWriteError, WriterPool } from './chunk-writer.ts';
import { csvRecords, CsvTooLargeError } from './fast-paths/csv-records.ts';
import { compileMapping, type CompiledMapping, type Mapping } from './mapping.ts';
import type { ImportProgress } from './progress.ts';
import { RejectsFile } from './rejects.ts';
import { LocalTimeReader } from './local-time.ts';
import type { PlaceholderPoint } from './placeholder-point.ts';
import { RowReader } from './row-input.ts';

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
  /** connections writing chunks side by side (default 1; a bulk load has one) */
  writers?: number;
  /**
   * One transaction for the whole file, the secondary indexes of requests and request_events dropped
   * before the COPYs and built again at the end (bulk-load.ts). Locks requests and request_events
   * against every other session (and customers against inserts) until it commits.
   */
  bulkLoad?: boolean;
  /** told once the header is read: which columns are ignored and which mapped ones are missing */
  onHeader?: (mapping: CompiledMapping, timeZone: string | null) => void;
  /**
   * The zone of times written without an offset (IANA name). Absent: the city's (city_settings); null:
   * such times are refused.
   */
  timeZone?: string | null;
  /**
   * The instant the SLA clocks of the loaded requests are computed at as they are written (sla/clocks-at-load.ts),
   * as the SLA pass after the load would; give that pass the same instant and it has nothing left to evaluate.
   * Absent: the clocks are left to the SLA pass (or the scheduled sweep).
   */
  slaAt?: Date;
  /** a placeholder point the file writes for "no location" (within a few metres) */
  unknownLocation?: PlaceholderPoint | null;
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
  /** time spent writing chunks to the database, summed over the writers (reading overlaps it) */
  writeSeconds: number;
  /** how references were checked: 'set-based' (bulk mode) or 'row triggers' */
  referenceChecks: 'set-based' | 'row triggers';
  /** 'chunks': one transaction per chunk; 'bulk load': one for the file, indexes rebuilt at the end */
  mode: 'chunks' | 'bulk load';
  /** a bulk load: seconds spent building the indexes again (part of `seconds`) */
  indexSeconds: number;
};

export class ImportError extends Error {}

/** Longest record accepted: longer ones mean a broken file (e.g. a quote never closed). */
const MAX_RECORD_CHARS = 1_000_000;

export async function importRequests(pool: pg.Pool, options: ImportOptions): Promise<ImportSummary> {
  const started = process.hrtime.bigint();
  const totalBytes = statSync(options.file).size;
  const ref = options.reference ?? (await new ReferenceCache(pool, Number.MAX_SAFE_INTEGER).get());
  const zone = options.timeZone === undefined ? ref.time_zone : options.timeZone;
  const localTimes = zone === null ? null : new LocalTimeReader(zone);
  const rejects = new RejectsFile(options.rejectsFile);
  const summary: ImportSummary = {
    rows: 0,
    loaded: 0,
    present: 0,
    rejected: 0,
    rejectsFile: null,
    seconds: 0,
    rowsPerSecond: 0,
    writeSeconds: 0,
    referenceChecks: 'row triggers',
    mode: options.bulkLoad ? 'bulk load' : 'chunks',
    indexSeconds: 0,
  };

  const bulk = (options.triggers ?? 'auto') === 'auto' && (await bulkModeAllowed(pool));
  if (bulk) {
    summary.referenceChecks = 'set-based';
  }
  const writers = await WriterPool.open(
    pool,
    Math.max(1, options.writers ?? 1),
    bulk,
    ref,
    (r) => {
      summary.loaded += r.inserted;
      summary.present += r.staged - r.inserted + r.repeats;
      summary.writeSeconds += r.seconds;
    },
    options.bulkLoad ?? false,
    options.slaAt ?? null
  );
  const input = createReadStream(options.file, { highWaterMark: 1 << 16 });

  let reader: RowReader | null = null;
  let chunk = new Chunk();
  /** the chunk's keys: source → external ids */
  let keys = new Map<string, Set<string>>();
  const progress = options.progress ?? null;
  try {
    progress?.start(totalBytes);
    for await (const batch of csvRecords(input, MAX_RECORD_CHARS)) {
      for (const r of batch) {
        if (writers.failed) {
          throw writers.failed;
        }
        if (!reader) {
          const mapping = compileMapping(options.mapping, r.cells, options.file);
          options.onHeader?.(mapping, zone);
          reader = new RowReader(mapping, ref, options.maxDescriptionChars, undefined, {
            localTimes,
            unknownLocation: options.unknownLocation ?? null,
          });
          await rejects.open(r.cells);
          continue;
        }
        summary.rows++;
        if (r.error) {
          await rejects.add(r.line, [{ path: 'row', message: `is not valid CSV: ${r.error}` }], r.cells);
          continue;
        }
        if (r.cells.length !== reader.columns) {
          await rejects.add(
            r.line,
            [{ path: 'row', message: `has ${r.cells.length} fields; the header has ${reader.columns}` }],
            r.cells
          );
          continue;
        }
        const result = reader.read(r.cells);
        if (result.problems) {
          await rejects.add(r.line, result.problems, r.cells);
          continue;
        }
        const { source, external_id: externalId } = result.row.request;
        let ofSource = keys.get(source);
        if (!ofSource) {
          keys.set(source, (ofSource = new Set()));
        }
        if (ofSource.has(externalId)) {
          chunk.repeats++;
          continue;
        }
        ofSource.add(externalId);
        chunk.add(r.line, result.row);
        if (chunk.size >= options.chunkRows) {
          await writers.submit(chunk);
          chunk = new Chunk();
          keys = new Map();
        }
      }
      progress?.update(input.bytesRead, summary.rows);
    }
    if (!reader) {
      throw new ImportError(`${options.file} is empty: no header line`);
    }
    if (chunk.size) {
      await writers.submit(chunk);
    } else {
      summary.present += chunk.repeats;
    }
    summary.indexSeconds = await writers.finish();
    progress?.update(totalBytes, summary.rows);
  } catch (err) {
    if (err instanceof CsvTooLargeError) {
      throw new ImportError(`${options.file}: ${err.message}; nothing after it was read`);
    }
    if (err instanceof ChunkWriteError && options.bulkLoad) {
      throw new ImportError(`${err.message}; the bulk load was rolled back: nothing of this file is in`);
    }
    if (err instanceof ChunkWriteError) {
      throw new ImportError(
        `${err.message}; other chunks may be in: run the import again to resume (rows already in are skipped)`
      );
    }
    throw err;
  } finally {
    await writers.close();
    progress?.stop();
    summary.rejected = rejects.count;
    summary.rejectsFile = await rejects.close();
    input.destroy();
  }
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  summary.rowsPerSecond = summary.rows / Math.max(summary.seconds, 1e-9);
  return summary;
}
