// Every limit and tunable in one table, with its default beside it. Each can be overridden by the
// environment variable of the same name (S360_ prefix). Read once at start-up; fail fast on bad values.

import cron from 'node-cron';

type Setting = { env: string; default: number | string; doc: string; check?: (value: string) => string | null };

/** A job's schedule: a node-cron pattern with seconds, or `off`. */
const cronOrOff = (value: string): string | null =>
  value === 'off' || cron.validate(value)
    ? null
    : 'must be a node-cron pattern with seconds (e.g. "*/5 * * * * *") or off';

export const SETTINGS = {
  port: { env: 'PORT', default: 8360, doc: 'HTTP port of the aggregator' },
  host: { env: 'HOST', default: '0.0.0.0', doc: 'HTTP bind address' },
  readDatabaseUrl: {
    env: 'S360_READ_DATABASE_URL',
    default: '',
    doc:
      'PostgreSQL streaming replicas (hot standbys) that serve the read routes, comma-separated URLs; ' +
      'empty: every read goes to DATABASE_URL (README: which routes go where)',
  },
  replicaLagBoundSeconds: {
    env: 'S360_REPLICA_LAG_BOUND_S',
    default: 2,
    doc: 'a replica whose replay lag is above this is not read from (the primary answers): keeps "a request counts within 5 s"',
  },
  replicaCheckMs: {
    env: 'S360_REPLICA_CHECK_MS',
    default: 1000,
    doc: "how often each replica's replay lag is measured (in the background, one statement; a measurement older than 3 of these is not trusted)",
  },
  poolSize: { env: 'S360_POOL_SIZE', default: 10, doc: 'PostgreSQL connections in the pool' },
  statementTimeoutMs: { env: 'S360_STATEMENT_TIMEOUT_MS', default: 30000, doc: 'per-statement timeout' },
  connectTimeoutMs: { env: 'S360_CONNECT_TIMEOUT_MS', default: 3000, doc: 'database connect timeout' },
  maxBodyBytes: { env: 'S360_MAX_BODY_BYTES', default: 2_000_000, doc: 'largest accepted request body' },
  maxBodyDepth: {
    env: 'S360_MAX_BODY_DEPTH',
    default: 32,
    doc: 'deepest nesting of arrays and objects accepted in a JSON body or a query (deeper: 400)',
  },
  maxBatch: { env: 'S360_MAX_BATCH', default: 1000, doc: 'requests per POST /v1/requests/batch' },
  ingestGroupMax: {
    env: 'S360_INGEST_GROUP_MAX',
    default: 500,
    doc: 'single-request ingest: most requests arriving together written in one statement',
  },
  ingestWriters: {
    env: 'S360_INGEST_WRITERS',
    default: 2,
    doc: 'single-request ingest: writes in flight at once (the others queue and go together)',
  },
  maxDescriptionChars: { env: 'S360_MAX_DESCRIPTION_CHARS', default: 4000, doc: 'longest description' },
  tokenCacheMs: {
    env: 'S360_TOKEN_CACHE_MS',
    default: 60000,
    doc:
      'how long a checked token is trusted at most (a revocation drops it at once on every instance: ' +
      'NOTIFY; not trusted while the change listener is disconnected)',
  },
  tokenNegativeCacheMs: {
    env: 'S360_TOKEN_NEGATIVE_CACHE_MS',
    default: 5000,
    doc: 'how long an unknown token is remembered as unknown (a token created meanwhile is dropped from it at once: NOTIFY)',
  },
  tokenCacheSize: {
    env: 'S360_TOKEN_CACHE_SIZE',
    default: 10000,
    doc: 'most tokens remembered, known and unknown each (the oldest go first)',
  },
  referenceCacheMs: {
    env: 'S360_REFERENCE_CACHE_MS',
    default: 300000,
    doc: 'how long reference data is cached at most (a change reloads it at once on every instance: NOTIFY; an unknown code never reloads it)',
  },
  changeListenerRetryMs: {
    env: 'S360_CHANGE_LISTENER_RETRY_MS',
    default: 500,
    doc: 'wait before the change listener (LISTEN/NOTIFY connection) reconnects after losing its connection',
  },
  retryAfterSeconds: { env: 'S360_RETRY_AFTER_S', default: 5, doc: 'Retry-After when the database is down' },
  open311WindowDays: { env: 'S360_OPEN311_WINDOW_DAYS', default: 90, doc: 'Open311 GET requests default window' },
  open311PublicDescription: {
    env: 'S360_OPEN311_PUBLIC_DESCRIPTION',
    default: 'off',
    doc: 'Open311 GET requests shows the description (on | off; off: null — residents write names and phone numbers in it)',
  },
  open311PublicAddress: {
    env: 'S360_OPEN311_PUBLIC_ADDRESS',
    default: 'off',
    doc: 'Open311 GET requests shows the address (on | off)',
  },
  open311PublicPoint: {
    env: 'S360_OPEN311_PUBLIC_POINT',
    default: 'snapped',
    doc: 'Open311 GET requests shows lat/long: exact | snapped (rounded to S360_OPEN311_POINT_DECIMALS) | none',
  },
  open311PointDecimals: {
    env: 'S360_OPEN311_POINT_DECIMALS',
    default: 3,
    doc: 'decimals of a snapped Open311 point (3: about 110 m of latitude; 0–6)',
  },
  open311MaxResults: { env: 'S360_OPEN311_MAX_RESULTS', default: 1000, doc: 'Open311 GET requests limit' },
  importChunkRows: {
    env: 'S360_IMPORT_CHUNK_ROWS',
    default: 20000,
    doc: 'rows per CSV import transaction (up to writers + 1 chunks in memory)',
  },
  importProgressRows: {
    env: 'S360_IMPORT_PROGRESS_ROWS',
    default: 100000,
    doc: 'CSV import: a progress line every N rows when stderr is no terminal',
  },
  importWriters: { env: 'S360_IMPORT_WRITERS', default: 2, doc: 'CSV import: connections writing chunks side by side' },
  demoChunkRows: { env: 'S360_DEMO_CHUNK_ROWS', default: 20000, doc: 'generate-demo: requests per COPY chunk' },
  zoneSubdivideVertices: {
    env: 'S360_ZONE_SUBDIVIDE_VERTICES',
    default: 64,
    doc: 'ST_Subdivide size for point-in-zone',
  },
  maxTileFeatures: { env: 'S360_MAX_TILE_FEATURES', default: 10000, doc: 'features per vector tile' },
  tileCellsAbove: {
    env: 'S360_TILE_CELLS_ABOVE',
    default: 5000,
    doc:
      'a point tile (zoom 13-18, no filter, range over 35 days) holding more requests than this (at ' +
      'most the feature cap) is drawn as its zoom-18 cells, layer bins (5,000 points cost ~25 ms to send)',
  },
  tileBinMaxZoom: { env: 'S360_TILE_BIN_MAX_ZOOM', default: 13, doc: 'tiles at or below this zoom are binned' },
  tileMaxZoom: {
    env: 'S360_TILE_MAX_ZOOM',
    default: 16,
    doc:
      'the most detailed request tiles a map asks for (the TileJSON maxzoom; the zone map overzooms ' +
      'beyond, for fewer requests); deeper tiles, up to zoom 22, are still served',
  },
  tileBinGrid: { env: 'S360_TILE_BIN_GRID', default: 32, doc: 'bins per tile side (32: 8-px bins on a 256-px tile)' },
  tileExtent: { env: 'S360_TILE_EXTENT', default: 4096, doc: 'vector tile extent (units per side)' },
  tileBuffer: {
    env: 'S360_TILE_BUFFER',
    default: 64,
    doc: 'vector tile buffer (extent units) for points near an edge',
  },
  tileDefaultDays: {
    env: 'S360_TILE_DEFAULT_DAYS',
    default: 30,
    doc: 'tiles without from/to show this many days up to now',
  },
  tileCacheSeconds: { env: 'S360_TILE_CACHE_S', default: 60, doc: 'Cache-Control max-age of a vector tile (private)' },
  tileRandomPageCost: {
    env: 'S360_TILE_RANDOM_PAGE_COST',
    default: 1.1,
    doc: 'random_page_cost for tile queries (cached/SSD pages: lets small tiles use the space-time index)',
  },
  zonesSimplifyPixels: {
    env: 'S360_ZONES_SIMPLIFY_PX',
    default: 0.5,
    doc: 'zones GeoJSON simplification tolerance, in pixels of the zoom',
  },
  zonesFullDetailZoom: {
    env: 'S360_ZONES_FULL_DETAIL_ZOOM',
    default: 16,
    doc: 'zones GeoJSON at or above this zoom is not simplified',
  },
  hotspotEpsMetres: {
    env: 'S360_HOTSPOT_EPS_M',
    default: 100,
    doc: 'hot spots: DBSCAN distance between neighbouring reports',
  },
  hotspotMinPoints: {
    env: 'S360_HOTSPOT_MIN_POINTS',
    default: 3,
    doc: 'hot spots: fewest same-topic reports in a cluster',
  },
  hotspotWindowDays: { env: 'S360_HOTSPOT_WINDOW_DAYS', default: 30, doc: 'hot spots: the window ending at `to`' },
  hotspotSrid: {
    env: 'S360_HOTSPOT_SRID',
    default: 32640,
    doc: 'hot spots: metric projection for clustering (UTM 40N for Dubai)',
  },
  hotspotTableToleranceMs: {
    env: 'S360_HOTSPOT_TABLE_TOLERANCE_MS',
    default: 900000,
    doc: 'hot spots: a window this close to the refreshed one is read from the table',
  },
  recurrenceMaxTopN: {
    env: 'S360_RECURRENCE_MAX_TOP_N',
    default: 100,
    doc: 'most topics /v1/recurrence/topics returns',
  },
  hotspotMaxRows: {
    env: 'S360_HOTSPOT_MAX_ROWS',
    default: 1000,
    doc: 'most hot spots a route returns (largest first)',
  },
  rollupLagBoundSeconds: {
    env: 'S360_ROLLUP_LAG_BOUND_S',
    default: 300,
    doc: '/readyz warns past this rollup lag (it stays ready: answers are exact while the job catches up; the alert rule and s360_rollup_lag_seconds watch it)',
  },
  metricsToken: {
    env: 'S360_METRICS_TOKEN',
    default: '',
    doc: 'when set, GET /metrics requires Authorization: Bearer <this value>; unset: open (keep it on an internal network)',
  },
  rollupBatchSize: { env: 'S360_ROLLUP_BATCH', default: 20000, doc: 'requests applied to the rollups per transaction' },
  rollupWorkMemMb: {
    env: 'S360_ROLLUP_WORK_MEM_MB',
    default: 512,
    doc: 'work_mem of a rollup transaction (its grouping sets sort in memory)',
  },
  rollupHourDays: {
    env: 'S360_ROLLUP_HOUR_DAYS',
    default: 35,
    doc:
      'days of hour-level rollups kept for the cubes with zone or advisor (older parts of a range are ' +
      'answered from days and the per-request state); the lean cubes keep every hour',
  },
  rollupLeanBackfillDays: {
    env: 'S360_ROLLUP_LEAN_BACKFILL_DAYS',
    default: 7,
    doc: 'days of lean hour rows one rollup run rebuilds, once, where rollups predate migration 0030',
  },
  rollupMaxBatchesPerRun: {
    env: 'S360_ROLLUP_MAX_BATCHES',
    default: 200,
    doc: 'batches one rollup run applies at most',
  },
  rollupBulkMinPending: {
    env: 'S360_ROLLUP_BULK_MIN_PENDING',
    default: 10000,
    doc:
      'import-requests and generate-demo build the rollups in bulk (rollup-history) at their end, after ' +
      'the SLA first pass, when more requests than this are pending (0: never)',
  },
  rollupBulkBatchSize: {
    env: 'S360_ROLLUP_BULK_BATCH',
    default: 100000,
    doc: 'requests per transaction of the bulk build (rollup-history)',
  },
  slaSweepBatchSize: {
    env: 'S360_SLA_SWEEP_BATCH',
    default: 1000,
    doc: 'SLA sweep (the scheduled job): requests evaluated per transaction',
  },
  slaHistoryBatchSize: {
    env: 'S360_SLA_HISTORY_BATCH',
    default: 20000,
    doc: 'the SLA first pass over a history (import-requests, generate-demo, sla-history): requests evaluated per transaction',
  },
  slaHistoryWriters: {
    env: 'S360_SLA_HISTORY_WRITERS',
    default: 2,
    doc: 'the SLA first pass over a history: batches in flight at once, each on a connection of its own (the clocks of one are computed while another writes)',
  },
  jobs: { env: 'S360_JOBS', default: 'on', doc: 'run the scheduled jobs in this instance (on | off)' },
  jobRollupsCron: {
    env: 'S360_JOB_ROLLUPS_CRON',
    default: '*/5 * * * * *',
    check: cronOrOff,
    doc: 'when the rollup job runs (node-cron, seconds first; off: never in this instance)',
  },
  jobSlaSweepCron: {
    env: 'S360_JOB_SLA_SWEEP_CRON',
    default: '*/30 * * * * *',
    check: cronOrOff,
    doc: 'when the SLA sweep runs (node-cron, seconds first; off: never in this instance)',
  },
  jobRecurrenceCron: {
    env: 'S360_JOB_RECURRENCE_CRON',
    default: '0 */10 * * * *',
    check: cronOrOff,
    doc: 'when the hot spots are refreshed (node-cron, seconds first; off: never in this instance)',
  },
  jobRetentionCron: {
    env: 'S360_JOB_RETENTION_CRON',
    default: '0 30 3 * * *',
    check: cronOrOff,
    doc: 'when retention runs, UTC (node-cron, seconds first; off: never in this instance)',
  },
  jobForecastCron: {
    env: 'S360_JOB_FORECAST_CRON',
    default: '0 5-59/10 * * * *',
    check: cronOrOff,
    doc: 'when the forecast job looks whether today is fitted (node-cron, seconds first; off: never in this instance); it fits once per city-local day',
  },
  jobLogRetentionDays: { env: 'S360_JOB_LOG_RETENTION_DAYS', default: 30, doc: 'days of job_run_log kept' },
  piiRetentionDays: {
    env: 'S360_PII_RETENTION_DAYS',
    default: 1825,
    doc: 'days after a request ends before its customer data is erased',
  },
  alertingConnectionLimit: {
    env: 'S360_ALERTING_CONNECTION_LIMIT',
    default: 10,
    doc: 'grant-alerting-login: CONNECTION LIMIT of the alerting login',
  },
  alertingStatementTimeoutMs: {
    env: 'S360_ALERTING_STATEMENT_TIMEOUT_MS',
    default: 30000,
    doc: 'grant-alerting-login: statement_timeout of the alerting login',
  },
  queryMaxPoints: {
    env: 'S360_QUERY_MAX_POINTS',
    default: 2000,
    doc: 'most points (buckets) one series of a time series returns: buckets grow with the range to stay under it',
  },
  queryMaxSeries: {
    env: 'S360_QUERY_MAX_SERIES',
    default: 1000,
    doc: 'most series (time series) or rows (table) one query target returns; more is refused (422)',
  },
  queryMaxTargetPoints: {
    env: 'S360_QUERY_MAX_TARGET_POINTS',
    default: 100000,
    doc: 'most values one query target returns (series × buckets); more is refused (422)',
  },
  queryMaxCallPoints: {
    env: 'S360_QUERY_MAX_CALL_POINTS',
    default: 500000,
    doc: 'most values one POST /v1/query returns over all its targets; more is refused (422)',
  },
  queryMaxRows: {
    env: 'S360_QUERY_MAX_ROWS',
    default: 250000,
    doc: 'most grouped rows one statement of a query target reads from the database (it stops at one more); more is refused (422)',
  },
  queryTimeoutMs: {
    env: 'S360_QUERY_TIMEOUT_MS',
    default: 20000,
    doc:
      'time budget of the statements of one POST /v1/query (each runs under what the earlier ones left; ' +
      '0: none); past it the statement is cancelled and the call refused (422)',
  },
  forecastHistoryDays: {
    env: 'S360_FORECAST_HISTORY_DAYS',
    default: 364,
    doc: 'forecast job: days of history (up to yesterday) each series is fitted on',
  },
  forecastHorizonDays: {
    env: 'S360_FORECAST_HORIZON_DAYS',
    default: 14,
    doc: 'forecast job: days forecast, from today on',
  },
  forecastMinModelDays: {
    env: 'S360_FORECAST_MIN_MODEL_DAYS',
    default: 56,
    doc: 'forecast job: days of history a series needs for the MSTL + ETS model (fewer: seasonal-naive; fewer than 14: no forecast)',
  },
  forecastMinModelMean: {
    env: 'S360_FORECAST_MIN_MODEL_MEAN',
    default: 3,
    doc: 'forecast job: requests a day (mean of the last 28 days) a series needs for the model (fewer: seasonal-naive)',
  },
  forecastZoneTopicMinMean: {
    env: 'S360_FORECAST_ZONE_TOPIC_MIN_MEAN',
    default: 0.5,
    doc: 'forecast job: requests a day (mean of the last 28 days) a zone × topic needs to be forecast at all',
  },
  forecastHoldoutWeeks: {
    env: 'S360_FORECAST_HOLDOUT_WEEKS',
    default: 3,
    doc: "forecast job: weeks of rolling-origin holdout behind each fit (each series' accuracy, and whether each level uses the model)",
  },
  forecastAboveMinCount: {
    env: 'S360_FORECAST_ABOVE_MIN_COUNT',
    default: 5,
    doc: 'running_above_forecast: fewest requests so far today for a series to count as running above (the alerting view uses 5)',
  },
  quarantineMaxRows: {
    env: 'S360_QUARANTINE_MAX_ROWS',
    default: 1000,
    doc: 'most rows GET /v1/ops/quarantine returns (limit)',
  },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;
export type Config = { [K in SettingName]: (typeof SETTINGS)[K]['default'] extends number ? number : string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, number | string> = {};
  for (const [name, s] of Object.entries(SETTINGS) as Array<[SettingName, Setting]>) {
    const raw = env[s.env];
    if (raw === undefined || raw === '') {
      out[name] = s.default;
      continue;
    }
    if (typeof s.default === 'number') {
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) {
        throw new ConfigError(`${s.env} must be a non-negative number, got "${raw}"`);
      }
      out[name] = n;
    } else {
      const problem = s.check?.(raw);
      if (problem) {
        throw new ConfigError(`${s.env} ${problem}, got "${raw}"`);
      }
      out[name] = raw;
    }
  }
  return out as Config;
}

/** The read replicas' URLs (S360_READ_DATABASE_URL, comma-separated); none: every read goes to the primary. */
export function readDatabaseUrls(config: Pick<Config, 'readDatabaseUrl'>): string[] {
  const urls = config.readDatabaseUrl
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  urls.forEach((u, i) => {
    let ok = false;
    try {
      ok = /^postgres(ql)?:$/.test(new URL(u).protocol);
    } catch {
      /* not a URL */
    }
    // The value is not repeated: it holds a password.
    if (!ok) {
      throw new ConfigError(`S360_READ_DATABASE_URL: entry ${i + 1} is not a postgres:// URL`);
    }
  });
  return urls;
}

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new ConfigError('DATABASE_URL is not set (e.g. postgres://user:pass@127.0.0.1:5432/services360)');
  }
  return url;
}
