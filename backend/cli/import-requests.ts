import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { importRequests, type ImportSummary } from '../import/import-requests.ts';
import { IMPORT_FIELDS, loadMapping, MappingError, shippedMappings, withFlags } from '../import/mapping.ts';
import { progressFor } from '../import/progress.ts';
import { LocalTimeError, LocalTimeReader } from '../import/local-time.ts';
import { parsePlaceholder, PlaceholderPointError, type PlaceholderPoint } from '../import/placeholder-point.ts';
import { readyAfterLoad } from './after-load.ts';

const HELP = `usage: services360 import-requests FILE.csv [options]
  --mapping NAME|FILE   column mapping: ${shippedMappings().join(' | ')} (shipped), or a JSON file
                        (default: services360)
  --map COLUMN=FIELD    read FIELD from COLUMN (repeatable; on top of the mapping)
  --set FIELD=VALUE     value of FIELD where the file has no such column or the cell is empty
                        (repeatable; {file} stands for the file's name, e.g. --set source={file})
  --time-zone ZONE      times written without an offset (2026-03-08 02:30, 03/08/2026 2:30 AM) are
                        local times in ZONE, an IANA name (default: the city's zone, from config apply);
                        a local time skipped by daylight saving moves forward by the gap, one that
                        happens twice is the earlier
  --unknown-location LAT,LON
                        the point the file writes for "no location" (e.g. 0,0 or the city hall): a
                        row's point within 10 m of it is no location (its zone column may place it)
  --no-first-response   the source keeps no first-response data: its requests get no first-response
                        clock (no first-response due time, never met or breached); a column mapped to
                        first_response_clock (true/false) decides per row
  --rejects FILE        where bad rows go, with line number and every problem (default: FILE.csv.rejects.csv)
  --chunk-rows N        rows per transaction (default: S360_IMPORT_CHUNK_ROWS)
  --writers N           connections writing chunks side by side (default: S360_IMPORT_WRITERS)
  --keep-triggers       keep every row trigger on (by default, when this role may and no trigger but
                        the foreign-key checks exists, each chunk checks its references set-based and
                        writes with row triggers off: about twice as fast)
  --bulk                bulk history load, for filling a new installation with years of history:
                        the whole file is ONE transaction that drops the secondary indexes of
                        requests and request_events, COPYs every row and builds them again before
                        committing (less database work, not faster on 2 cores). All or nothing: on any failure nothing
                        of the file is in. It LOCKS requests and request_events against every other
                        session (ACCESS EXCLUSIVE) and customers against inserts until it commits:
                        the API's ingest, queries that read requests and the scheduled jobs wait
                        meanwhile. Bad rows still go to the rejects file; one writer (--writers ignored).
  --quiet               no progress output
At the end, the SLA clocks of the loaded requests are computed (as services360 sla-history does), then, when
more than S360_ROLLUP_BULK_MIN_PENDING requests are pending, the rollups are built in bulk (as services360
rollup-history does).
Fields: ${IMPORT_FIELDS.join(', ')}.
Good rows load while bad rows go to the rejects file; rows already present ((source, external_id)) are
skipped, so running an import again resumes it. Exit status: 0 all rows in, 3 some rows rejected,
2 bad usage or mapping, 1 failure.
e.g. services360 import-requests history.csv --mapping open311-bulk --set channel=call_centre`;

export function formatSummary(s: ImportSummary): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    `loaded ${n(s.loaded)}, already present ${n(s.present)}, rejected ${n(s.rejected)}` +
      ` — ${n(s.rows)} rows in ${s.seconds.toFixed(1)} s (${n(Math.round(s.rowsPerSecond))} rows/s; references checked ${s.referenceChecks}` +
      `${s.mode === 'bulk load' ? `; bulk load, indexes built again in ${s.indexSeconds.toFixed(1)} s` : ''})`,
    ...(s.rejectsFile ? [`rejected rows (line, reason, original row): ${s.rejectsFile}`] : []),
  ].join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      mapping: { type: 'string', default: 'services360' },
      map: { type: 'string', multiple: true, default: [] },
      set: { type: 'string', multiple: true, default: [] },
      rejects: { type: 'string' },
      'chunk-rows': { type: 'string' },
      writers: { type: 'string' },
      'keep-triggers': { type: 'boolean' },
      'time-zone': { type: 'string' },
      'unknown-location': { type: 'string' },
      'no-first-response': { type: 'boolean' },
      bulk: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(HELP);
    return values.help ? 0 : 2;
  }
  const file = positionals[0];
  if (!existsSync(file)) {
    console.error(`no file ${file}`);
    return 2;
  }
  const config = loadConfig();
  const chunkRows = values['chunk-rows'] !== undefined ? Number(values['chunk-rows']) : config.importChunkRows;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    console.error('--chunk-rows must be a positive whole number');
    return 2;
  }
  const writers = values.writers !== undefined ? Number(values.writers) : config.importWriters;
  if (!Number.isInteger(writers) || writers < 1) {
    console.error('--writers must be a positive whole number');
    return 2;
  }
  let mapping;
  let unknownLocation: PlaceholderPoint | null = null;
  try {
    if (values['time-zone'] !== undefined) {
      new LocalTimeReader(values['time-zone']);
    }
    if (values['unknown-location'] !== undefined) {
      unknownLocation = parsePlaceholder(values['unknown-location']);
    }
    const sets = values['no-first-response'] ? ['first_response_clock=false', ...values.set] : values.set;
    mapping = withFlags(loadMapping(values.mapping), values.map, sets);
  } catch (err) {
    if (err instanceof MappingError || err instanceof LocalTimeError || err instanceof PlaceholderPointError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  const bulkLoad = values.bulk ?? false;
  // The import's writers, then the SLA first pass's (sla-history), and a connection for the locks.
  const pool = createPool(databaseUrl(), {
    ...config,
    poolSize: Math.max(bulkLoad ? 1 : writers, config.slaHistoryWriters) + 1,
    statementTimeoutMs: 0,
  });
  try {
    // The instant the SLA clocks are computed at, as the rows are written and by the pass after the load.
    const now = new Date();
    const summary = await importRequests(pool, {
      slaAt: now,
      file,
      mapping,
      chunkRows,
      writers,
      bulkLoad,
      triggers: values['keep-triggers'] ? 'on' : 'auto',
      maxDescriptionChars: config.maxDescriptionChars,
      rejectsFile: values.rejects ?? `${file}.rejects.csv`,
      timeZone: values['time-zone'],
      unknownLocation,
      progress: values.quiet ? null : progressFor(process.stderr, config.importProgressRows),
      onHeader: (m, zone) => {
        if (values.quiet) {
          return;
        }
        console.error(
          `times without an offset are read as local times in ${zone}${values['time-zone'] ? '' : " (the city's zone; --time-zone to change)"}`
        );
        if (m.missing.length) {
          console.error(`columns the mapping names but the file lacks: ${m.missing.join(', ')}`);
        }
        if (m.ignored.length) {
          console.error(`columns ignored: ${m.ignored.join(', ')}`);
        }
        if (!m.fields.first_response_at && !m.fields.first_response_clock) {
          console.error(
            "no first-response column: each request's first response is its start of work; if the source keeps no first-response data, give --no-first-response"
          );
        }
      },
    });
    console.log(formatSummary(summary));
    // The SLA clocks of the history, then (when large) its rollups in bulk rather than by the rollup job a batch at a time.
    await readyAfterLoad(pool, config, values.quiet ?? false, (line) => console.log(line), now);
    return summary.rejected > 0 ? 3 : 0;
  } catch (err) {
    if (err instanceof MappingError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  } finally {
    await pool.end();
  }
}
