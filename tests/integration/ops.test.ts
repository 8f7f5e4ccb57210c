import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { startServer } from '../../backend/server.ts';
import { startScheduler } from '../../backend/jobs/scheduler.ts';
import { listMigrations } from '../../backend/db/migrate.ts';

let agg: TestAggregator;
beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  // Holidays defined far enough ahead on any date, so /readyz has no holiday warning here (holiday-horizon.test.ts has them).
  await agg.db.pool.query(`INSERT INTO holidays (calendar_code, day, name_en, name_ar)
    VALUES (NULL, make_date(extract(year FROM now())::int + 2, 6, 1), 'Far ahead', 'بعيد')`);
});
afterAll(async () => {
  await agg?.stop();
});

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The samples of a Prometheus text exposition (enough of the format for our own metrics). */
function parseMetrics(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) {
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(m, `not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1]] = l[2];
    }
    out.push({ name: m[1], labels, value: Number(m[4]) });
  }
  return out;
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  assert.ok(found.length <= 1, `${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0]?.value;
}

async function scrape(base = agg): Promise<Sample[]> {
  const res = await base.call('GET', '/metrics', undefined, null);
  assert.equal(res.status, 200, res.text);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
  return parseMetrics(res.text);
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('GET /readyz', () => {
  test('is ready on a migrated database with nothing waiting for the rollups', async () => {
    const res = await agg.call('GET', '/readyz', undefined, null);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, {
      status: 'ready',
      checks: { database: 'ok', migrations: 'current', rollup_lag_seconds: 0 },
    });
  });

  test('a rollup mark older than the bound leaves it ready (answers stay exact) and warns of the lag in plain words; the metric shows it', async () => {
    const created = await agg.call('POST', '/v1/requests', sampleRequest());
    assert.equal(created.status, 201, created.text);
    await agg.db.pool.query(
      `UPDATE rollup_pending SET marked_at = now() - interval '10 minutes' WHERE request_id = $1`,
      [created.body.id]
    );
    try {
      const res = await agg.call('GET', '/readyz', undefined, null);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'ready');
      assert.equal(res.body.checks.database, 'ok');
      assert.equal(res.body.checks.migrations, 'current');
      assert.ok(res.body.checks.rollup_lag_seconds >= 600 && res.body.checks.rollup_lag_seconds < 700, res.text);
      assert.deepEqual(
        res.body.warnings.map((d: { path: string }) => d.path),
        ['rollup_lag_seconds']
      );
      assert.match(
        res.body.warnings[0].message,
        /^the rollups lag 6\d\d s behind \(bound 300 s\); answers stay exact while they catch up$/
      );
      assert.equal(res.body.error, undefined);
      const lag = value(await scrape(), 's360_rollup_lag_seconds');
      assert.ok(lag !== undefined && lag >= 600 && lag < 700, `s360_rollup_lag_seconds ${lag}`);
    } finally {
      await agg.db.pool.query('DELETE FROM rollup_pending WHERE request_id = $1', [created.body.id]);
    }
  });

  test('a pending migration makes it 503, naming the file', async () => {
    const last = listMigrations().at(-1)!;
    const { rows } = await agg.db.pool.query(
      'DELETE FROM schema_migrations WHERE version = $1 RETURNING version, name, checksum, applied_at',
      [last.version]
    );
    try {
      const res = await agg.call('GET', '/readyz', undefined, null);
      assert.equal(res.status, 503, res.text);
      assert.equal(res.body.checks.migrations, 'pending');
      assert.deepEqual(res.body.details, [
        { path: 'migrations', message: `1 migration pending (${last.file}); run services360 migrate` },
      ]);
    } finally {
      await agg.db.pool.query(
        'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)',
        [rows[0].version, rows[0].name, rows[0].checksum, rows[0].applied_at]
      );
    }
    assert.equal((await agg.call('GET', '/readyz', undefined, null)).status, 200);
  });

  test('a database that does not answer: /readyz 503 "unreachable", /metrics still answers with s360_database_up 0', async () => {
    const server = await startServer(
      { port: 0, host: '127.0.0.1', jobs: 'off', connectTimeoutMs: 500 },
      'postgres://nobody:nothing@127.0.0.1:9/none'
    );
    try {
      const ready = await fetch(`${server.url}/readyz`);
      // Parsed in this realm (not Node's, as ready.json() would): a strict deepEqual with a literal checks prototypes.
      const body = JSON.parse(await ready.text());
      assert.equal(ready.status, 503);
      assert.equal(ready.headers.get('retry-after'), String(server.ctx.config.retryAfterSeconds));
      assert.deepEqual(body.checks, { database: 'unreachable', migrations: 'unknown', rollup_lag_seconds: null });
      assert.deepEqual(body.details, [{ path: 'database', message: 'the database does not answer' }]);
      const metrics = await fetch(`${server.url}/metrics`);
      assert.equal(metrics.status, 200);
      const samples = parseMetrics(await metrics.text());
      assert.equal(value(samples, 's360_database_up'), 0);
      assert.equal(value(samples, 's360_change_listener_connected'), 0);
      assert.ok(Number.isNaN(value(samples, 's360_rollup_lag_seconds')), 'the lag is unknown (NaN), not 0');
    } finally {
      await server.close();
    }
  });
});

describe('GET /metrics', () => {
  test('counts requests created and resubmitted, batches, events and Open311 posts', async () => {
    const before = await scrape();
    const count = (samples: Sample[], labels: Record<string, string>) =>
      value(samples, 's360_ingest_requests_total', labels) ?? 0;
    const one = sampleRequest();
    assert.equal((await agg.call('POST', '/v1/requests', one)).status, 201);
    assert.equal((await agg.call('POST', '/v1/requests', one)).status, 200);
    const batch = await agg.call('POST', '/v1/requests/batch', { requests: [sampleRequest(), sampleRequest(), one] });
    assert.equal(batch.status, 201, batch.text);
    assert.equal((await agg.call('POST', '/v1/requests', { ...one, channel: 'fax' })).status, 400);
    const event = await agg.call('POST', `/v1/requests/${batch.body.results[0].reference}/events`, {
      status: 'assigned',
    });
    assert.equal(event.status, 201, event.text);
    const posted = await agg.call(
      'POST',
      '/open311/v2/requests.json',
      form({ api_key: agg.tokens.ingest, service_code: 'waste.overflowing_bin', lat: '25.15', long: '55.15' }),
      null,
      { 'content-type': 'application/x-www-form-urlencoded' }
    );
    assert.equal(posted.status, 201, posted.text);

    const now = await scrape();
    assert.equal(count(now, { api: 'v1', result: 'created' }) - count(before, { api: 'v1', result: 'created' }), 3);
    assert.equal(count(now, { api: 'v1', result: 'existing' }) - count(before, { api: 'v1', result: 'existing' }), 2);
    assert.equal(
      count(now, { api: 'open311', result: 'created' }) - count(before, { api: 'open311', result: 'created' }),
      1
    );
    assert.equal((value(now, 's360_ingest_events_total') ?? 0) - (value(before, 's360_ingest_events_total') ?? 0), 1);
  });

  test('HTTP latency is labelled by route pattern and status, never by the raw URL', async () => {
    const created = await agg.call('POST', '/v1/requests', sampleRequest());
    await agg.call('GET', `/v1/requests/${created.body.reference}`);
    await agg.call('GET', '/v1/requests/12345678');
    await agg.call('GET', `/open311/v2/requests/${created.body.reference}.json`, undefined, null);
    await agg.call('GET', '/v1/no/such/route/S360-000000777');
    await agg.call('GET', '/v1/whoami', undefined, null);
    const samples = await scrape();
    const counts = samples.filter((s) => s.name === 's360_http_request_duration_seconds_count');
    const has = (method: string, route: string, status: string) =>
      counts.some(
        (s) => s.labels.method === method && s.labels.route === route && s.labels.status === status && s.value >= 1
      );
    assert.ok(has('POST', '/v1/requests', '201'));
    assert.ok(has('GET', '/v1/requests/:id', '200'));
    assert.ok(has('GET', '/v1/requests/:id', '404'));
    assert.ok(has('GET', '/open311/v2/requests/:id', '200'));
    assert.ok(has('GET', '<unmatched>', '404'));
    assert.ok(has('GET', '/v1/whoami', '401'));
    for (const s of counts) {
      assert.doesNotMatch(s.labels.route, /S360-|\d{5,}|\.json$/, `a raw URL became a label: ${s.labels.route}`);
    }
    const buckets = samples.filter(
      (s) => s.name === 's360_http_request_duration_seconds_bucket' && s.labels.route === '/v1/requests'
    );
    assert.ok(buckets.some((s) => s.labels.le === '+Inf'));
  });

  test('rollup lag and backlog come from rollup_pending at scrape time', async () => {
    await agg.db.pool.query('DELETE FROM rollup_pending');
    let samples = await scrape();
    assert.equal(value(samples, 's360_database_up'), 1);
    assert.equal(value(samples, 's360_change_listener_connected'), 1);
    assert.equal(value(samples, 's360_rollup_pending_requests'), 0);
    assert.equal(value(samples, 's360_rollup_lag_seconds'), 0);
    const created = await agg.call('POST', '/v1/requests', sampleRequest());
    await agg.db.pool.query(
      `UPDATE rollup_pending SET marked_at = now() - interval '90 seconds' WHERE request_id = $1`,
      [created.body.id]
    );
    samples = await scrape();
    assert.equal(value(samples, 's360_rollup_pending_requests'), 1);
    const lag = value(samples, 's360_rollup_lag_seconds')!;
    assert.ok(lag >= 90 && lag < 150, String(lag));
  });

  test('pool use: connections, idle, waiting and the pool size', async () => {
    const samples = await scrape();
    const total = value(samples, 's360_db_pool_connections')!;
    const idle = value(samples, 's360_db_pool_idle_connections')!;
    assert.ok(total >= 1 && idle <= total, `${total} ${idle}`);
    assert.equal(value(samples, 's360_db_pool_waiting_clients'), 0);
    assert.equal(value(samples, 's360_db_pool_max_connections'), agg.server.ctx.config.poolSize);
  });

  test("job runs, failures and durations from this instance's scheduler, last runs from job_runs", async () => {
    const ctx = agg.server.ctx;
    let fail = true;
    ctx.scheduler = startScheduler(
      ctx,
      [
        { name: 'ops-test-ok', cron: '* * * * * *', run: async () => 1 },
        {
          name: 'ops-test-failing',
          cron: '* * * * * *',
          run: async () => {
            if (fail) {
              throw new Error('planned failure');
            }
            return 0;
          },
        },
      ],
      () => {}
    );
    try {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const s = ctx.scheduler.stats;
        if ((s.get('ops-test-ok')?.runs ?? 0) >= 1 && (s.get('ops-test-failing')?.failures ?? 0) >= 1) {
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      fail = false;
      const samples = await scrape();
      const stats = ctx.scheduler.stats;
      assert.ok((value(samples, 's360_job_runs_total', { job: 'ops-test-ok' }) ?? 0) >= 1);
      assert.ok((value(samples, 's360_job_failures_total', { job: 'ops-test-failing' }) ?? 0) >= 1);
      assert.ok(value(samples, 's360_job_skips_total', { job: 'ops-test-ok' }) !== undefined);
      assert.ok(value(samples, 's360_job_run_seconds_total', { job: 'ops-test-ok' })! >= 0);
      assert.ok(value(samples, 's360_job_last_duration_seconds', { job: 'ops-test-ok' })! >= 0);
      assert.ok(value(samples, 's360_job_runs_total', { job: 'ops-test-ok' })! <= stats.get('ops-test-ok')!.runs);
      const lastRun = value(samples, 's360_job_last_run_timestamp_seconds', { job: 'ops-test-ok' })!;
      assert.ok(Math.abs(lastRun - Date.now() / 1000) < 30, String(lastRun));
      assert.equal(value(samples, 's360_job_last_run_failed', { job: 'ops-test-ok' }), 0);
    } finally {
      await ctx.scheduler.stop();
      ctx.scheduler = undefined;
    }
  });

  test('with S360_METRICS_TOKEN set, only that bearer token may scrape', async () => {
    const guarded = await startServer(
      { port: 0, host: '127.0.0.1', jobs: 'off', tokenCacheMs: 0, metricsToken: 'scrape-secret-4711' },
      agg.db.url
    );
    try {
      for (const token of [undefined, 'wrong', agg.tokens.all]) {
        const res = await fetch(`${guarded.url}/metrics`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        const body = await res.json();
        assert.equal(res.status, 401, `${token}: ${res.status}`);
        assert.equal(res.headers.get('www-authenticate'), 'Bearer');
        assert.equal(typeof body.error, 'string');
        assert.ok(Array.isArray(body.details));
      }
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret-4711' } });
      assert.equal(ok.status, 200);
      assert.match(await ok.text(), /^# HELP s360_/m);
    } finally {
      await guarded.close();
    }
  });
});
