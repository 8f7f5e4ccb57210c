// Bounded work per POST /v1/query (issue 17): the read-token query that exhausted memory (50 targets of the
// backlog by zone × advisor × topic as time series over the widest range) is refused with a 422 naming the
// limit, the target and how to narrow it; a long range never returns more than S360_QUERY_MAX_POINTS per
// series (buckets grow by calendar months and years) and its values still add up; each limit is named when
// hit; and while a heavy but allowed query runs, /healthz answers (target 100 ms; asserted < 1 s, printed) and
// the aggregator stays under 250 MB resident. The memory is the aggregator's own: it runs in a process of its own
// (`services360 serve`) and its peak is the kernel's high-water mark for that process (VmHWM), whatever the test
// runner holds.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { startAggregatorProcess, type AggregatorProcess } from '../../bench/aggregator-process.ts';
import { startServer } from '../../backend/server.ts';
import type { Config } from '../../backend/config.ts';
import { importGrid } from '../support/fixtures.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { bucketStarts, chooseBucket } from '../../backend/query/plan.ts';

const DAY = 86_400_000;
const REQUESTS = 3000;
const ADVISORS = 40;
const RSS_LIMIT_MB = 250;
const now = Date.now();
const iso = (t: number) => new Date(t).toISOString();
// The widest range the API accepts (backend/domain/instant.ts: 1970-01-01 to 9998-12-31 UTC).
const WIDEST = { from: '1970-01-01T00:00:00Z', to: '9998-12-31T23:59:59Z' };
const TWO_YEARS = { from: iso(now - 730 * DAY), to: iso(now) };

let agg: TestAggregator;
/** The aggregator whose memory is measured, over the same database. */
let served: AggregatorProcess;

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  const pool = agg.db.pool;
  await pool.query(
    `INSERT INTO advisors (code, name, department_code) SELECT 'adv-' || i, 'Advisor ' || i, 'waste' FROM generate_series(1, $1) i`,
    [ADVISORS]
  );
  // Requests over the last two years, open, each at a random zone (or none), advisor (or none) and topic: about
  // 2,000 of the 3,700 zone × advisor × topic combinations occur.
  await pool.query(
    `
    WITH t AS (SELECT array_agg(code ORDER BY code) AS codes, array_agg(department_code ORDER BY code) AS depts FROM topics),
    z AS (SELECT array_agg(id ORDER BY id) AS ids FROM zones),
    a AS (SELECT array_agg(id ORDER BY id) AS ids FROM advisors),
    picks AS (
      SELECT i, 1 + floor(random() * array_length(t.codes, 1))::int AS ti, floor(random() * (array_length(z.ids, 1) + 1))::int AS zi,
             floor(random() * (array_length(a.ids, 1) + 1))::int AS ai
      FROM generate_series(1, $1) i, t, z, a
    )
    INSERT INTO requests (source, external_id, channel_code, category_code, topic_code, department_code, zone_id, advisor_id, created_at)
    SELECT 'limits', 'r-' || p.i, 'website', 'complaint', t.codes[p.ti], t.depts[p.ti], z.ids[nullif(p.zi, 0)], a.ids[nullif(p.ai, 0)],
           now() - random() * interval '729 days'
    FROM picks p, t, z, a`,
    [REQUESTS]
  );
  await pool.query(`INSERT INTO rollup_pending (request_id) SELECT id FROM requests`);
  await applyPendingRollups(pool, 5000);
  const {
    rows: [c],
  } = await pool.query(`SELECT count(DISTINCT (zone_id, advisor_id, topic_code))::int AS combos FROM requests`);
  assert.ok(c.combos > 1000, `the data must hold more series than the default cap: ${c.combos}`);
  served = await startAggregatorProcess(agg.db.url, { S360_JOBS: 'off' });
  console.log(`RSS of the aggregator's process at start: ${served.rssMb().toFixed(0)} MB`);
});
afterAll(async () => {
  if (served) {
    console.log(`peak RSS of the aggregator's process: ${served.peakRssMb().toFixed(0)} MB`);
    await served.stop();
  }
  await agg?.stop();
});

type Caller = { url: string };
const query = async (body: Record<string, unknown>, target: Caller = agg) => {
  const res = await fetch(`${target.url}/v1/query`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { authorization: `Bearer ${agg.tokens.read}`, 'content-type': 'application/json' },
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) };
};

/** Another aggregator over the same database with other limits (the test's tokens work there too). */
async function withLimits(overrides: Partial<Config>, fn: (other: Caller) => Promise<void>): Promise<void> {
  const other = await startServer(
    { port: 0, host: '127.0.0.1', tokenCacheMs: 0, referenceCacheMs: 0, jobs: 'off', ...overrides },
    agg.db.url
  );
  try {
    await fn(other);
  } finally {
    await other.close();
  }
}
const backlogWide = (i: number) => ({
  refId: `A${i}`,
  metric: 'backlog',
  groupBy: ['zone', 'advisor', 'topic'],
  format: 'time_series',
});

describe('the query that exhausted memory', () => {
  for (const [label, range] of [
    ['the widest range', WIDEST],
    ['30 days', { from: iso(now - 30 * DAY), to: iso(now) }],
  ] as const) {
    test(`50 targets of the backlog by zone × advisor × topic over ${label}: 422 naming the series limit and the target`, async () => {
      const res = await query({ ...range, targets: Array.from({ length: 50 }, (_, i) => backlogWide(i)) }, served);
      assert.equal(res.status, 422, res.text.slice(0, 300));
      assert.match(
        res.body.error,
        /^target "A0" \(targets\[0\]\) would return [\d,]+ or more series .*S360_QUERY_MAX_SERIES.*group by fewer dimensions or add a filter/
      );
      assert.deepEqual(
        res.body.details.map((d: any) => d.path),
        ['targets[0].groupBy']
      );
      assert.ok(served.peakRssMb() < RSS_LIMIT_MB, `peak RSS of the aggregator ${served.peakRssMb()} MB`);
    });
  }
});

describe('points per series stay under S360_QUERY_MAX_POINTS however long the range', () => {
  test('the widest range, no maxDataPoints: at most 2,000 buckets, and every request counted once', async () => {
    const res = await query({ ...WIDEST, targets: [{ refId: 'A', metric: 'received' }] });
    assert.equal(res.status, 200, res.text.slice(0, 300));
    const [time, value] = res.body.results.A.frames[0].fields;
    assert.ok(time.values.length <= 2000 && time.values.length > 100, String(time.values.length));
    assert.equal(
      value.values.reduce((a: number, v: number) => a + v, 0),
      REQUESTS
    );
  });

  test('with the cap at 7, two years come as ≤ 7 calendar buckets (the ones the planner makes) that add up', async () => {
    await withLimits({ queryMaxPoints: 7 }, async (small) => {
      const res = await query(
        {
          ...TWO_YEARS,
          intervalMs: 60_000,
          maxDataPoints: 5000,
          targets: [{ refId: 'A', metric: 'received', groupBy: ['zone'] }],
        },
        small
      );
      assert.equal(res.status, 200, res.text.slice(0, 300));
      const {
        rows: [city],
      } = await agg.db.pool.query<{ time_zone: string }>('SELECT time_zone FROM city_settings');
      const expected = bucketStarts(
        Date.parse(TWO_YEARS.from),
        Date.parse(TWO_YEARS.to),
        chooseBucket(730 * DAY, 60_000, 5000, 7),
        city.time_zone
      );
      assert.ok(expected.length <= 7);
      let total = 0;
      for (const f of res.body.results.A.frames) {
        assert.deepEqual(f.fields[0].values, expected);
        total += f.fields[1].values.reduce((a: number, v: number) => a + v, 0);
      }
      const {
        rows: [c],
      } = await agg.db.pool.query(
        `SELECT count(*)::int AS n FROM requests WHERE created_at >= $1 AND created_at < $2`,
        [TWO_YEARS.from, TWO_YEARS.to]
      );
      assert.equal(total, c.n);
    });
  });
});

describe('each limit is named when hit', () => {
  test('values per target: zone × topic by 12 hours over two years', async () => {
    const res = await query({
      ...TWO_YEARS,
      maxDataPoints: 2000,
      targets: [{ refId: 'Z', metric: 'received', groupBy: ['zone', 'topic'] }],
    });
    assert.equal(res.status, 422, res.text.slice(0, 300));
    assert.match(
      res.body.error,
      new RegExp(
        String.raw`^target "Z" \(targets\[0\]\) would return [\d,]+ values \([\d,]+ series × 1,461 buckets\)` +
          String.raw`.*S360_QUERY_MAX_TARGET_POINTS.*shorten the range or set a larger interval`
      )
    );
  });

  test('values per call: ten targets that each fit', async () => {
    const targets = Array.from({ length: 10 }, (_, i) => ({
      refId: `T${i}`,
      metric: 'received',
      groupBy: ['zone', 'topic'],
    }));
    const res = await query({ ...TWO_YEARS, maxDataPoints: 1000, targets });
    assert.equal(res.status, 422, res.text.slice(0, 300));
    assert.match(
      res.body.error,
      /^the call would return [\d,]+ or more values over its targets, reached at target "T\d" \(targets\[\d\]\).*S360_QUERY_MAX_CALL_POINTS.*send fewer targets/
    );
  });

  test('rows per statement and the statement timeout', async () => {
    await withLimits({ queryMaxRows: 100 }, async (tight) => {
      const body = {
        ...TWO_YEARS,
        maxDataPoints: 1000,
        targets: [{ refId: 'R', metric: 'received', groupBy: ['topic'] }],
      };
      const rows = await query(body, tight);
      assert.equal(rows.status, 422, rows.text.slice(0, 300));
      assert.match(
        rows.body.error,
        /^target "R" \(targets\[0\]\) reads more than 100 grouped rows.*S360_QUERY_MAX_ROWS/
      );
    });
    await withLimits({ queryTimeoutMs: 1 }, async (slow) => {
      // 1 ms: no statement reading two years of state by zone × advisor finishes in time.
      const timedOut = await query(
        { ...TWO_YEARS, targets: [{ refId: 'S', metric: 'received', groupBy: ['zone', 'advisor'], format: 'table' }] },
        slow
      );
      assert.equal(timedOut.status, 422, timedOut.text.slice(0, 300));
      assert.match(
        timedOut.body.error,
        /^target "S" \(targets\[0\]\) was cancelled: the call ran out of its 1 ms \(S360_QUERY_TIMEOUT_MS\)/
      );
    });
  });
});

describe('while a heavy but allowed query runs', () => {
  test("/healthz answers (target 100 ms) and the aggregator's process stays under 250 MB", async () => {
    // Five targets of zone × topic by day over two years: about 330,000 values, some 8 MB of JSON.
    const targets = Array.from({ length: 5 }, (_, i) => ({
      refId: `H${i}`,
      metric: 'received',
      groupBy: ['zone', 'topic'],
    }));
    let done = false;
    const started = performance.now();
    // The answer is read as bytes while it arrives and parsed after, so the probes below keep going meanwhile.
    const heavy = (async () => {
      const res = await fetch(`${served.url}/v1/query`, {
        method: 'POST',
        body: JSON.stringify({ ...TWO_YEARS, maxDataPoints: 1000, targets }),
        headers: { authorization: `Bearer ${agg.tokens.read}`, 'content-type': 'application/json' },
      });
      const chunks: Buffer[] = [];
      for await (const chunk of res.body!) {
        chunks.push(Buffer.from(chunk));
      }
      return { status: res.status, bytes: Buffer.concat(chunks) };
    })().finally(() => {
      done = true;
    });
    const latencies: number[] = [];
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${served.url}/healthz`);
      await res.text();
      assert.equal(res.status, 200);
      latencies.push(performance.now() - t0);
      // Back to back: a probe is always in flight, so no stall of the event loop falls between two of them.
    }
    const answer = await heavy;
    const took = performance.now() - started;
    assert.equal(answer.status, 200, answer.bytes.toString('utf8', 0, 300));
    const res = { body: JSON.parse(answer.bytes.toString('utf8')), text: answer.bytes };
    const values = Object.values(res.body.results as Record<string, { frames: any[] }>)
      .flatMap((r) => r.frames)
      .reduce((a, f) => a + f.fields[1].values.length, 0);
    assert.ok(values > 100_000, String(values));
    const worst = Math.max(...latencies);
    console.log(
      `heavy query: ${values} values, ${(res.text.length / 1048576).toFixed(1)} MB of JSON in ${took.toFixed(0)} ms; ` +
        `/healthz answered ${latencies.length} times meanwhile, median ` +
        `${latencies.sort((a, b) => a - b)[latencies.length >> 1].toFixed(1)} ms, worst ${worst.toFixed(1)} ms (target 100 ms); ` +
        `peak RSS of the aggregator so far ${served.peakRssMb().toFixed(0)} MB`
    );
    assert.ok(latencies.length >= 1);
    assert.ok(worst < 1000, `/healthz took ${worst} ms during the heavy query`);
    assert.ok(served.peakRssMb() < RSS_LIMIT_MB, `peak RSS of the aggregator ${served.peakRssMb()} MB`);
  });
});
