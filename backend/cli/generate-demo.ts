import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { defaultZonesFile, fileSource, generatedCitySource } from '../demo/communities.ts';
import { BULK_MIN_REQUESTS, generateDemo } from '../demo/generate.ts';
import { demoProgress } from '../demo/progress.ts';
import { readyAfterLoad } from './after-load.ts';

const DEFAULT_PER_DAY = 2500;

const HELP = `usage: services360 generate-demo [options]
  A demo city with a history of requests. The same options and seed give the same data.
  --months N        months of history up to --end                    (default: 3)
  --seed S          letters, digits, - or _                           (default: 1)
  --zones FILE      communities GeoJSON, or "generated" for a made-up city
                    (default: the Dubai communities when present, else generated)
  --zone-code P --zone-name-en P --zone-name-ar P
                    property names in --zones FILE (default: recognised, or code/name_en/name_ar)
  --requests N      requests in all                                   (default: ${DEFAULT_PER_DAY} a day)
  --per-day N       requests a day when --requests is not given       (default: ${DEFAULT_PER_DAY})
  --end ISO         end of the period, e.g. 2026-11-29T12:00:00+04:00  (default: now)
  --checked         keep PostgreSQL's row-by-row foreign-key checks (slower; by default a superuser skips
                    them, the references being right by construction)
  --keep-indexes    never drop and rebuild secondary indexes (by default a run of ${BULK_MIN_REQUESTS.toLocaleString('en')}+ requests, at least
                    as many as the database holds, rebuilds them at the end; readers wait until it commits)
  --quiet           no progress output
At the end, the SLA clocks of the loaded requests are computed (as services360 sla-history does), then, when
more than S360_ROLLUP_BULK_MIN_PENDING requests are pending, the rollups are built in bulk (as services360
rollup-history does).
A second run with the same seed into the same database adds nothing (use another seed or a fresh database).`;

function positiveInt(name: string, raw: string | undefined, min: number): number | string {
  if (raw === undefined) {
    return `${name} is missing`;
  }
  const n = Number(raw);
  return Number.isInteger(n) && n >= min ? n : `${name} must be a whole number ≥ ${min}, got "${raw}"`;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      months: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      zones: { type: 'string' },
      'zone-code': { type: 'string' },
      'zone-name-en': { type: 'string' },
      'zone-name-ar': { type: 'string' },
      requests: { type: 'string' },
      'per-day': { type: 'string', default: String(DEFAULT_PER_DAY) },
      end: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      checked: { type: 'boolean', default: false },
      'keep-indexes': { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const problems: string[] = [];
  const months = positiveInt('--months', values.months, 1);
  const perDay = positiveInt('--per-day', values['per-day'], 0);
  const requests = values.requests === undefined ? null : positiveInt('--requests', values.requests, 0);
  for (const v of [months, perDay, requests]) {
    if (typeof v === 'string') {
      problems.push(v);
    }
  }
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(values.seed)) {
    problems.push('--seed must be 1–40 letters, digits, - or _');
  }
  let endAt = Math.floor(Date.now() / 60_000) * 60_000;
  if (values.end !== undefined) {
    endAt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(values.end)
      ? Date.parse(values.end)
      : NaN;
    if (Number.isNaN(endAt)) {
      problems.push('--end must be an ISO time with a zone, e.g. 2026-11-29T12:00:00+04:00');
    } else if (endAt > Date.now() + 5 * 60_000) {
      problems.push('--end is in the future');
    }
  }
  const zones = values.zones ?? defaultZonesFile() ?? 'generated';
  if (zones !== 'generated' && !existsSync(zones)) {
    problems.push(`--zones: no such file ${zones}`);
  }
  if (problems.length) {
    for (const p of problems) {
      console.error(p);
    }
    console.error(`\n${HELP}`);
    return 2;
  }

  const config = loadConfig();
  const source =
    zones === 'generated'
      ? generatedCitySource()
      : fileSource(zones, {
          ...(values['zone-code'] ? { code: values['zone-code'] } : {}),
          ...(values['zone-name-en'] ? { nameEn: values['zone-name-en'] } : {}),
          ...(values['zone-name-ar'] ? { nameAr: values['zone-name-ar'] } : {}),
        });
  // A batch load, not an API call: no per-statement limit (a loaded 2-core machine once took over 30 s to prepare the zones).
  const pool = createPool(databaseUrl(), { ...config, statementTimeoutMs: 0 });
  const progress = values.quiet ? null : demoProgress(process.stderr);
  // The instant the requests' SLA clocks are evaluated at, as they are written and by the pass after the load.
  const now = new Date();
  const started = performance.now();
  try {
    console.log(`demo: ${source.label}; seed ${values.seed}; ${months} months up to ${new Date(endAt).toISOString()}`);
    const r = await generateDemo(
      pool,
      {
        months: months as number,
        seed: values.seed,
        requests: requests as number | null,
        perDay: perDay as number,
        endAt,
        chunkRequests: config.demoChunkRows,
        source,
        subdivideVertices: config.zoneSubdivideVertices,
        checkRows: values.checked,
        bulkMinRequests: values['keep-indexes'] ? null : BULK_MIN_REQUESTS,
        slaAt: now,
      },
      progress?.update,
      (line) => console.log(`  ${line}`)
    );
    progress?.stop();
    const w = r.world;
    const [y0, y1] = w.populationYears;
    console.log(
      `zones: ${w.communities} communities, ${w.sites} public sites; synthetic population ${w.syntheticPopulation.toLocaleString('en')} ` +
        `(${y0 === y1 ? y1 : `${y0}–${y1}`}); ${w.advisors} advisors (${r.seconds.world.toFixed(1)} s)`
    );
    if (r.alreadyPresent) {
      console.log(
        `requests: this database already holds the demo requests of seed ${values.seed}; nothing added (use another --seed or a fresh database)`
      );
      return 0;
    }
    const rate = (n: number, s: number) => Math.round(n / Math.max(s, 0.001)).toLocaleString('en');
    console.log(
      `customers: ${r.customers.toLocaleString('en')} (${r.seconds.customers.toFixed(1)} s, ${rate(r.customers, r.seconds.customers)}/s)`
    );
    console.log(
      `requests: ${r.requests.toLocaleString('en')} with ${r.events.toLocaleString('en')} journey events, ${r.open.toLocaleString('en')} still open, ` +
        `${r.clusters} recurring spots, from ${r.period.start.slice(0, 10)} to ${r.period.end.slice(0, 16)}Z ` +
        `(${r.seconds.requests.toFixed(1)} s, ${rate(r.requests, r.seconds.requests)} requests/s, ${rate(r.requests + r.events, r.seconds.requests)} rows/s` +
        `${r.rowChecks ? '' : '; row-by-row foreign-key checks skipped'})`
    );
    console.log(
      `SLA clocks: ${r.sla.evaluated.toLocaleString('en')} requests evaluated as they were written, as of ${r.sla.at} ` +
        `(${r.sla.alerts.toLocaleString('en')} warnings and breaches recorded)`
    );
    if (r.rebuiltIndexes) {
      console.log(
        `indexes: ${r.rebuiltIndexes} secondary indexes dropped for the load and rebuilt (${r.seconds.indexes.toFixed(1)} s)`
      );
    }
    // The SLA pass at the instant the clocks were written at (it finds only what a journey changed since, if anything),
    // then (when large) the rollups in bulk rather than by the rollup job.
    await readyAfterLoad(pool, config, values.quiet, (line) => console.log(line), now);
    console.log(
      `total ${((performance.now() - started) / 1000).toFixed(1)} s (the demo data ${r.seconds.total.toFixed(1)} s, ` +
        'then the SLA pass and the rollups)'
    );
    return 0;
  } finally {
    progress?.stop();
    await pool.end();
  }
}
