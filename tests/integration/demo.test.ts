import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { loadConfig } from '../../backend/config.ts';
import { DUBAI_GEOJSON, hasDubai } from '../support/fixtures.ts';
import { fileSource, generatedCitySource, type CommunitySource } from '../../backend/demo/communities.ts';
import { generateDemo, type DemoOptions, type DemoReport } from '../../backend/demo/generate.ts';
import { applyEvent, type EventChange, type RequestState } from '../../backend/domain/journey.ts';
import type { Stage } from '../../backend/domain/reference.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const DAY = 86_400_000;
// A fixed end, the same on every date the file runs (and in the past, as generate-demo's --end must be): the figures
// below are statistics of ONE generated month, and the end decides which month. With the end at yesterday's midnight
// (UTC) the data changed every day, and "evening > 1.1 × mid-afternoon" failed for 9 of 127 ends tried on the Dubai
// communities (2026-12-11: 1.057, 2026-12-12: 1.091, 2027-01-24: 1.060, …) and 2 on the generated city (2027-12-02:
// 1.020); every other bound held at all of them. This end gives 1.26 (Dubai) and 1.40 (generated city).
const END = Date.parse('2026-12-02T00:00:00Z');
const REQUESTS = 3000;
const SEED = 'itest';

const options = (source: CommunitySource, over: Partial<DemoOptions> = {}): DemoOptions => ({
  months: 1,
  seed: SEED,
  requests: REQUESTS,
  perDay: 0,
  endAt: END,
  chunkRequests: 700,
  source,
  subdivideVertices: 64,
  checkRows: false,
  ...over,
});
const rows = async (pool: pg.Pool, text: string, values: unknown[] = []) => (await pool.query(text, values)).rows;
const one = async (pool: pg.Pool, text: string, values: unknown[] = []) => (await rows(pool, text, values))[0];

let db: TestDatabase;
let report: DemoReport;
let communities: number;
beforeAll(async () => {
  const dubai = hasDubai();
  if (!dubai) {
    console.log(`# note: ${DUBAI_GEOJSON} is absent; the demo tests run on the generated city`);
  }
  communities = dubai ? 222 : 224;
  db = await freshDatabase();
  report = await generateDemo(db.pool, options(dubai ? fileSource(DUBAI_GEOJSON) : generatedCitySource()));
});
afterAll(async () => {
  await db?.drop();
});

describe('the demo city', () => {
  test('has about 320 zones: the communities plus about 100 public sites', async () => {
    const r = await one(
      db.pool,
      `SELECT count(*) FILTER (WHERE kind = 'community')::int AS communities,
      count(*) FILTER (WHERE kind = 'public_site')::int AS sites FROM zones`
    );
    assert.equal(r.communities, communities);
    assert.ok(r.sites >= 90 && r.sites <= 100, `${r.sites} sites`);
    assert.equal(report.world.zones, r.communities + r.sites);
    assert.ok(report.world.zones >= 300 && report.world.zones <= 340);
  });

  test('public sites are parks, beaches and markets inside their parent community, named in both languages', async () => {
    const sites = await rows(
      db.pool,
      `SELECT s.code, s.name_en, s.name_ar, p.code AS parent, ST_CoveredBy(s.geom, p.geom) AS inside,
        ST_Area(s.geom::geography) AS m2
      FROM zones s LEFT JOIN zones p ON p.code = s.parent_code AND p.kind = 'community' WHERE s.kind = 'public_site'`
    );
    for (const s of sites) {
      assert.ok(s.parent, `${s.code} has a parent community`);
      assert.equal(s.inside, true, `${s.code} lies inside ${s.parent}`);
      assert.ok(s.m2 > 1000 && s.m2 < 2_000_000, `${s.code} is small (${Math.round(s.m2)} m²)`);
      assert.match(s.name_en, / (Park|Beach|Market)( \d+)?$/);
      assert.match(s.name_ar, /^(حديقة|شاطئ|سوق) /);
    }
    const types = new Set(sites.map((s) => /(Park|Beach|Market)/.exec(s.name_en)![1]));
    assert.deepEqual([...types].sort(), ['Beach', 'Market', 'Park']);
    const overlaps = await one(
      db.pool,
      `SELECT count(*)::int AS n FROM zones a JOIN zones b ON a.id < b.id
      AND a.kind = 'public_site' AND b.kind = 'public_site' AND ST_Intersects(a.geom, b.geom)`
    );
    assert.equal(overlaps.n, 0, 'sites do not overlap');
  });

  test('communities carry a synthetic population; public sites none', async () => {
    const r = await one(
      db.pool,
      `SELECT
        count(*) FILTER (WHERE kind = 'community' AND population > 0 AND population_synthetic AND population_year IS NOT NULL)::int AS populated,
        count(*) FILTER (WHERE kind = 'public_site' AND population IS NULL)::int AS sites_without,
        count(*) FILTER (WHERE kind = 'public_site')::int AS sites,
        sum(population) FILTER (WHERE kind = 'community')::int AS total,
        (SELECT bool_and(synthetic) FROM zone_population) AS all_synthetic FROM zones`
    );
    assert.equal(r.populated, communities);
    assert.equal(r.sites_without, r.sites);
    assert.equal(r.all_synthetic, true);
    assert.ok(r.total > 1_000_000 && r.total < 5_000_000, `total ${r.total}`);
  });

  test('every department has advisors; customers have fake Arabic and English names and UAE phones', async () => {
    const d = await one(
      db.pool,
      `SELECT count(*)::int AS n FROM departments d WHERE NOT EXISTS (SELECT 1 FROM advisors a WHERE a.department_code = d.code)`
    );
    assert.equal(d.n, 0);
    const c = await one(
      db.pool,
      `SELECT count(*)::int AS n,
        count(*) FILTER (WHERE language = 'ar' AND name ~ '^[\u0600-\u06FF ]+$')::int AS arabic,
        count(*) FILTER (WHERE language = 'en' AND name ~ '^[A-Za-z'' ]+$')::int AS english,
        count(*) FILTER (WHERE phone ~ '^\\+971 5[024568] [0-9]{3} [0-9]{4}$')::int AS phones,
        count(*) FILTER (WHERE email IS NOT NULL AND email !~ '@example\\.(com|net|org)$')::int AS real_looking_emails,
        count(*) FILTER (WHERE national_id IS NOT NULL AND national_id !~ '^784-[0-9]{4}-[0-9]{7}-[0-9]$')::int AS bad_ids
      FROM customers`
    );
    assert.equal(c.n, report.customers);
    assert.ok(c.arabic > c.n * 0.4 && c.english > c.n * 0.3, JSON.stringify(c));
    assert.equal(c.arabic + c.english, c.n);
    assert.equal(c.phones, c.n);
    assert.equal(c.real_looking_emails, 0);
    assert.equal(c.bad_ids, 0);
  });
});

describe('the demo requests', () => {
  test("are all there, marked for the rollups, with their SLA clocks as of the period's end", async () => {
    const r = await one(
      db.pool,
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM rollup_pending) AS pending,
      count(*) FILTER (WHERE resolution_due_at IS NOT NULL AND sla_evaluated_at = $1)::int AS clocked,
      (SELECT count(*)::int FROM sla_alerts) AS alerts
      FROM requests`,
      [new Date(END)]
    );
    assert.deepEqual(r, { n: REQUESTS, pending: REQUESTS, clocked: REQUESTS, alerts: report.sla.alerts });
    assert.ok(report.sla.alerts > 100, `${report.sla.alerts} warnings and breaches`);
    assert.deepEqual(report.sla, { at: new Date(END).toISOString(), evaluated: REQUESTS, alerts: r.alerts });
    assert.equal(report.requests, REQUESTS);
    assert.equal((await one(db.pool, 'SELECT count(*)::int AS n FROM request_events')).n, report.events);
  });

  test('every reference holds (foreign keys, checked set-wise)', async () => {
    const fks = await rows(
      db.pool,
      `SELECT c.conrelid::regclass::text AS tbl, a.attname AS col, c.confrelid::regclass::text AS ref, f.attname AS refcol
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.conrelid::regclass::text IN ('requests', 'request_events', 'customers', 'rollup_pending')`
    );
    assert.ok(fks.length >= 15);
    for (const fk of fks) {
      const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
      const r = await one(
        db.pool,
        `SELECT count(*)::int AS n FROM ${ident(fk.tbl)} t WHERE t.${ident(fk.col)} IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ${ident(fk.ref)} r WHERE r.${ident(fk.refcol)} = t.${ident(fk.col)})`
      );
      assert.equal(r.n, 0, `${fk.tbl}.${fk.col} → ${fk.ref}.${fk.refcol}`);
    }
  });

  test('each lies inside its zone, and the point-in-zone lookup finds that same zone', async () => {
    const r = await one(
      db.pool,
      `SELECT count(*)::int AS n,
        count(*) FILTER (WHERE r.zone_id IS NULL)::int AS unzoned,
        count(*) FILTER (WHERE r.zone_id IS NOT NULL AND NOT ST_Intersects(r.location, z.geom))::int AS outside,
        count(*) FILTER (WHERE r.zone_id IS DISTINCT FROM (SELECT p.zone_id FROM zone_parts p WHERE ST_Intersects(p.geom, r.location)
                                                           ORDER BY p.area_km2, p.zone_id LIMIT 1))::int AS other_zone
      FROM requests r LEFT JOIN zones z ON z.id = r.zone_id`
    );
    assert.equal(r.outside, 0);
    assert.equal(r.other_zone, 0);
    assert.ok(r.unzoned < REQUESTS * 0.02, `${r.unzoned} unzoned`);
  });

  test('follow the weekly rhythm: Saturdays and Sundays are quieter', async () => {
    const days = await rows(
      db.pool,
      `SELECT (created_at AT TIME ZONE 'Asia/Dubai')::date AS day, extract(isodow FROM created_at AT TIME ZONE 'Asia/Dubai')::int AS dow,
      count(*)::int AS n FROM requests GROUP BY 1, 2 ORDER BY 1`
    );
    const full = days.slice(1, -1); // the first and last days may be partial
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const weekend = mean(full.filter((d) => d.dow >= 6).map((d) => d.n));
    const weekday = mean(full.filter((d) => d.dow <= 4).map((d) => d.n));
    assert.ok(weekend < weekday * 0.8, `weekend ${weekend.toFixed(0)} a day vs weekday ${weekday.toFixed(0)}`);
  });

  test('follow the daily rhythm: a late-morning peak, an evening one, quiet nights', async () => {
    const hours = new Map(
      (
        await rows(
          db.pool,
          `SELECT extract(hour FROM created_at AT TIME ZONE 'Asia/Dubai')::int AS h, count(*)::int AS n
      FROM requests GROUP BY 1`
        )
      ).map((r) => [r.h, r.n])
    );
    const sum = (hs: number[]) => hs.reduce((a, h) => a + (hours.get(h) ?? 0), 0);
    assert.ok(sum([10, 11, 12]) > 5 * sum([2, 3, 4]), 'late morning ≫ night');
    assert.ok(sum([19, 20, 21]) > 1.1 * sum([14, 15, 16]), 'evening > mid-afternoon');
  });

  test('use every channel and category; each topic goes to the department that owns it', async () => {
    const r = await one(
      db.pool,
      `SELECT
        (SELECT count(*)::int FROM channels c WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.channel_code = c.code)) AS missing_channels,
        (SELECT count(*)::int FROM categories c WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.category_code = c.code)) AS missing_categories,
        (SELECT count(*)::int FROM requests r JOIN topics t ON t.code = r.topic_code
          WHERE r.department_code IS DISTINCT FROM t.department_code) AS wrong_department,
        (SELECT count(*)::int FROM requests WHERE topic_code IS NULL) AS no_topic`
    );
    assert.deepEqual(r, { missing_channels: 0, missing_categories: 0, wrong_department: 0, no_topic: 0 });
  });

  test('come from communities in proportion to their population, and from public sites by their kind', async () => {
    const zones = await rows(
      db.pool,
      `SELECT z.population, count(r.id)::int AS n FROM zones z LEFT JOIN requests r ON r.zone_id = z.id
      WHERE z.kind = 'community' GROUP BY z.id`
    );
    const xs = zones.map((z) => z.population),
      ys = zones.map((z) => z.n);
    const mx = xs.reduce((a, b) => a + b) / xs.length,
      my = ys.reduce((a, b) => a + b) / ys.length;
    const cov = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
    const corr = cov / Math.sqrt(xs.reduce((a, x) => a + (x - mx) ** 2, 0) * ys.reduce((a, y) => a + (y - my) ** 2, 0));
    assert.ok(corr > 0.8, `population vs requests correlation ${corr.toFixed(2)}`);
    const sites = await rows(
      db.pool,
      `SELECT substring(z.name_en FROM '(Park|Beach|Market)') AS kind, r.topic_code, count(*)::int AS n
      FROM requests r JOIN zones z ON z.id = r.zone_id WHERE z.kind = 'public_site' GROUP BY 1, 2`
    );
    const top = (kind: string) => sites.filter((s) => s.kind === kind).sort((a, b) => b.n - a.n)[0]?.topic_code;
    assert.equal(top('Beach'), 'environment.beach_cleanliness');
    assert.match(top('Park'), /^parks\./);
    assert.match(top('Market'), /^food_safety\./);
  });

  test('carry the SLA policy ingestion would choose', async () => {
    const r = await one(
      db.pool,
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE r.sla_policy_id IS DISTINCT FROM (
        SELECT s.id FROM sla_policies s
        WHERE (s.category_code IS NULL OR s.category_code = r.category_code) AND (s.topic_code IS NULL OR s.topic_code = r.topic_code)
          AND (s.priority IS NULL OR s.priority = r.priority) AND s.valid_from <= r.created_at AND (s.valid_to IS NULL OR s.valid_to > r.created_at)
        ORDER BY (s.topic_code IS NOT NULL) DESC, (s.priority IS NOT NULL) DESC, (s.category_code IS NOT NULL) DESC, s.version DESC LIMIT 1))::int AS different,
        count(DISTINCT r.sla_policy_id)::int AS policies
      FROM requests r`
    );
    assert.equal(r.different, 0);
    assert.ok(r.policies >= 5, `${r.policies} distinct policies in use`);
  });

  test('some meet their resolution target and some breach it', async () => {
    const r = await one(
      db.pool,
      `SELECT
        count(*) FILTER (WHERE r.resolved_at - r.created_at <= make_interval(mins => s.resolution_minutes))::int AS met,
        count(*) FILTER (WHERE r.resolved_at - r.created_at > make_interval(mins => s.resolution_minutes))::int AS breached,
        count(*) FILTER (WHERE r.first_response_at - r.created_at > make_interval(mins => s.first_response_minutes))::int AS late_first_response
      FROM requests r JOIN sla_policies s ON s.id = r.sla_policy_id WHERE r.resolved_at IS NOT NULL`
    );
    const share = r.breached / (r.met + r.breached);
    assert.ok(r.met > 0 && r.breached > 0 && share > 0.05 && share < 0.4, JSON.stringify(r));
    assert.ok(r.late_first_response > 0);
  });

  // The last day of the period, not its last hours: END is midnight UTC, night in Dubai, so the last six hours hold
  // a handful of requests (2–15 across 180 ends tried), and two closed among eight (Dubai, 2026-12-06) put the share
  // at 0.75, under the bound. The last day holds 55–191 of them, of which 89–98 % are open.
  test('recent requests are still open, older ones mostly closed, some cancelled, some reopened', async () => {
    const r = await one(
      db.pool,
      `SELECT
        count(*) FILTER (WHERE created_at > $1::timestamptz - interval '1 day' AND status NOT IN ('closed', 'cancelled'))::int AS recent_open,
        count(*) FILTER (WHERE created_at > $1::timestamptz - interval '1 day')::int AS recent,
        count(*) FILTER (WHERE created_at < $1::timestamptz - interval '20 days' AND status = 'closed')::int AS old_closed,
        count(*) FILTER (WHERE created_at < $1::timestamptz - interval '20 days')::int AS old,
        count(*) FILTER (WHERE status = 'cancelled' AND cancelled_at IS NOT NULL)::int AS cancelled,
        (SELECT count(DISTINCT request_id)::int FROM request_events WHERE kind = 'reopened') AS reopened,
        count(*) FILTER (WHERE satisfaction IS NOT NULL)::int AS rated
      FROM requests`,
      [new Date(END)]
    );
    assert.ok(r.recent >= 30 && r.recent_open / r.recent > 0.75, JSON.stringify(r));
    assert.ok(r.old_closed / r.old > 0.8, JSON.stringify(r));
    assert.ok(r.cancelled > 0 && r.reopened > 0 && r.rated > 0, JSON.stringify(r));
  });

  test('have journeys the state machine accepts, in time order, matching the request', async () => {
    const stages = new Map<string, Stage>(
      (await rows(db.pool, 'SELECT code, status_code, progress_pct, name_en, name_ar FROM stages')).map((s) => [
        s.code,
        s,
      ])
    );
    const requests = await rows(
      db.pool,
      `SELECT id, status, stage, progress_pct, advisor_id, created_at, first_response_at, resolved_at, closed_at,
      cancelled_at, satisfaction, updated_at FROM requests ORDER BY id`
    );
    const events = await rows(db.pool, 'SELECT * FROM request_events ORDER BY request_id, occurred_at, id');
    const byRequest = new Map<number, typeof events>();
    for (const e of events) {
      const l = byRequest.get(e.request_id) ?? [];
      l.push(e);
      byRequest.set(e.request_id, l);
    }
    const iso = (d: Date | null) => (d === null ? null : d.toISOString());
    let onHold = 0;
    for (const r of requests) {
      const [first, ...rest] = byRequest.get(r.id)!;
      assert.equal(first.kind, 'received');
      assert.equal(first.occurred_at.getTime(), r.created_at.getTime());
      let state: RequestState = {
        status: 'received',
        stage: 'received',
        progress_pct: 0,
        created_at: iso(r.created_at)!,
        first_response_at: null,
        last_event_at: iso(r.created_at)!,
      };
      const seen = {
        resolved: null as string | null,
        closed: null as string | null,
        cancelled: null as string | null,
        satisfaction: null as number | null,
      };
      for (const e of rest) {
        assert.equal(e.from_status, state.status, `request ${r.id}: from_status`);
        assert.ok(e.occurred_at.getTime() <= END && e.recorded_at >= e.occurred_at);
        const change: EventChange =
          e.kind === 'first_response'
            ? { first_response: true, occurred_at: iso(e.occurred_at)! }
            : { status: e.to_status, stage: stages.get(e.stage)!, occurred_at: iso(e.occurred_at)! };
        const o = applyEvent(state, change); // throws on an illegal transition or an event out of order
        assert.deepEqual(
          [o.kind, o.to_status, o.stage, o.progress_pct],
          [e.kind, e.to_status, e.stage, e.progress_pct],
          `request ${r.id}`
        );
        if (o.resolved_at !== undefined) {
          seen.resolved = o.resolved_at;
        }
        if (o.closed_at !== undefined) {
          seen.closed = o.closed_at;
        }
        if (o.cancelled_at !== undefined) {
          seen.cancelled = o.cancelled_at;
        }
        if (e.kind === 'on_hold') {
          onHold++;
        }
        state = {
          ...state,
          status: o.to_status,
          stage: o.stage,
          progress_pct: o.progress_pct,
          first_response_at: o.first_response_at,
          last_event_at: iso(e.occurred_at)!,
        };
      }
      assert.deepEqual(
        [
          r.status,
          r.stage,
          r.progress_pct,
          iso(r.first_response_at),
          iso(r.resolved_at),
          iso(r.closed_at),
          iso(r.cancelled_at),
        ],
        [
          state.status,
          state.stage,
          state.progress_pct,
          state.first_response_at,
          seen.resolved,
          seen.closed,
          seen.cancelled,
        ],
        `request ${r.id}`
      );
      if (r.satisfaction !== null) {
        assert.ok(['closed', 'in_progress', 'resolved'].includes(r.status), `request ${r.id} rated while ${r.status}`);
      }
      assert.ok(r.updated_at >= first.occurred_at);
    }
    assert.ok(onHold > 0, 'some journeys wait on the customer');
  });

  test('include recurring reports: the same topic within 50 m, many times within a few weeks', async () => {
    const r = await one(
      db.pool,
      `SELECT count(*)::int AS n FROM requests a WHERE a.zone_id IS NOT NULL AND (
        SELECT count(*) FROM requests b WHERE b.id <> a.id AND b.topic_code = a.topic_code
          AND ST_DWithin(a.location, b.location, 0.001) AND ST_DWithin(a.location::geography, b.location::geography, 50)
          AND b.created_at BETWEEN a.created_at - interval '28 days' AND a.created_at + interval '28 days') >= 4`
    );
    assert.ok(report.clusters >= 5, `${report.clusters} clusters planned`);
    assert.ok(r.n >= 50, `${r.n} requests have at least 4 neighbours of the same topic within 50 m`);
  });
});

describe('determinism and re-runs', () => {
  let other: TestDatabase;
  beforeAll(async () => {
    other = await freshDatabase();
  });
  afterAll(async () => {
    await other?.drop();
  });

  // The command computes the SLA clocks at the end, at the time it runs (the generated data is the same).
  const SLA_COLUMNS =
    'first_response_due_at,resolution_due_at,sla_state,sla_evaluated_at,sla_next_check_at,sla_recorded_at';
  const fingerprint = async (pool: pg.Pool) =>
    one(
      pool,
      `SELECT
      (SELECT md5(string_agg((to_jsonb(t) - '{${SLA_COLUMNS}}'::text[])::text, E'\\n' ORDER BY t.id)) FROM requests t) AS requests,
      (SELECT md5(string_agg(t::text, E'\\n' ORDER BY t.id)) FROM request_events t) AS events,
      (SELECT md5(string_agg(t::text, E'\\n' ORDER BY t.id)) FROM customers t) AS customers,
      (SELECT md5(string_agg(t.code || t.name_en || t.name_ar || ST_AsEWKT(t.geom) ||
        coalesce(t.population::text, ''), E'\\n' ORDER BY t.code)) FROM zones t) AS zones`
    );

  test('the command with the same seed writes byte-identical data into another database', async () => {
    const args = [
      'bin/services360.js',
      'generate-demo',
      '--months',
      '1',
      '--seed',
      SEED,
      '--requests',
      String(REQUESTS),
      '--end',
      new Date(END).toISOString(),
      '--quiet',
    ];
    if (!hasDubai()) {
      args.push('--zones', 'generated');
    }
    const run = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: other.url, S360_DEMO_CHUNK_ROWS: '1000' },
      timeout: 120_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`requests: ${REQUESTS.toLocaleString('en')} with`));
    // Every request's clock written with it; then the SLA first pass, before any rollup, finds nothing left.
    assert.match(
      run.stdout,
      new RegExp(`SLA clocks: ${REQUESTS.toLocaleString('en')} requests evaluated as they were written`)
    );
    assert.match(run.stdout, /SLA clocks: every request's clock is current, nothing to evaluate/);
    assert.equal(
      (await one(other.pool, 'SELECT count(*)::int AS n FROM requests WHERE sla_evaluated_at IS NULL')).n,
      0
    );
    // And the hour horizon moved before any rollup was built, as the rollup job moves it: hour rows only for the
    // last S360_ROLLUP_HOUR_DAYS days, not the whole history (a fresh database starts at -infinity).
    const horizon = (await one(other.pool, 'SELECT hour_from, hist_hour_from FROM rollup_hour_horizon')) as {
      hour_from: Date;
      hist_hour_from: Date;
    };
    const expected = Date.now() - loadConfig().rollupHourDays * 86_400_000;
    for (const at of [horizon.hour_from, horizon.hist_hour_from]) {
      assert.ok(Math.abs(new Date(at).getTime() - expected) < 2 * 3_600_000, `hour horizon ${String(at)}`);
    }
    const [a, b] = [await fingerprint(db.pool), await fingerprint(other.pool)];
    assert.ok(a.requests && a.events && a.customers);
    assert.deepEqual(b, a);
  });

  test('the command refuses bad options with a usage message', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/services360.js', 'generate-demo', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: other.url },
        timeout: 60_000,
      });
    for (const [args, message] of [
      [['--months', '0'], /--months must be a whole number ≥ 1/],
      [['--requests=-5'], /--requests must be a whole number ≥ 0/],
      [['--seed', 'a b'], /--seed must be/],
      [['--end', '2999-01-01T00:00:00Z'], /--end is in the future/],
      [['--end', 'yesterday'], /--end must be an ISO time/],
      [['--zones', '/nonexistent.geojson'], /no such file/],
    ] as Array<[string[], RegExp]>) {
      const run = cli(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });

  test('another seed gives other requests in the same world', async () => {
    const third = await freshDatabase();
    try {
      const source = hasDubai() ? fileSource(DUBAI_GEOJSON) : generatedCitySource();
      const indexes = `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def FROM pg_index
        WHERE indrelid IN ('requests'::regclass, 'request_events'::regclass, 'customers'::regclass) ORDER BY 1`;
      const before = await rows(third.pool, indexes);
      // as a bulk run: secondary indexes dropped for the load and rebuilt before commit
      const r = await generateDemo(third.pool, options(source, { seed: 'other', requests: 300, bulkMinRequests: 100 }));
      assert.ok(r.rebuiltIndexes >= 5, `${r.rebuiltIndexes} indexes rebuilt`);
      assert.deepEqual(await rows(third.pool, indexes), before, 'the same indexes afterwards');
      const [a, c] = [await fingerprint(db.pool), await fingerprint(third.pool)];
      assert.equal(c.zones, a.zones, 'the same zones and population');
      assert.notEqual(c.requests, a.requests);
      const used = await one(
        third.pool,
        `SELECT count(*)::int AS n FROM requests WHERE created_at > $1::timestamptz - interval '2 months'`,
        [new Date(END)]
      );
      assert.equal(used.n, 300);
    } finally {
      await third.drop();
    }
  });

  test('running again with the same seed adds nothing', async () => {
    const before = await fingerprint(db.pool);
    const again = await generateDemo(db.pool, options(hasDubai() ? fileSource(DUBAI_GEOJSON) : generatedCitySource()));
    assert.equal(again.alreadyPresent, true);
    assert.deepEqual(await fingerprint(db.pool), before);
  });

  test('a different seed adds its requests after the existing ones', async () => {
    const added = await generateDemo(
      db.pool,
      options(hasDubai() ? fileSource(DUBAI_GEOJSON) : generatedCitySource(), { seed: 'second', requests: 200 })
    );
    assert.equal(added.requests, 200);
    const r = await one(
      db.pool,
      `SELECT count(*)::int AS n, max(id)::int AS max, (SELECT count(*)::int FROM rollup_pending) AS pending FROM requests`
    );
    assert.deepEqual(r, { n: REQUESTS + 200, max: REQUESTS + 200, pending: REQUESTS + 200 });
    const next = await one(db.pool, `SELECT nextval(pg_get_serial_sequence('requests', 'id'))::int AS id`);
    assert.equal(next.id, REQUESTS + 201, 'the id sequence moved past the demo');
  });
});

describe('the generated city (no boundary file)', () => {
  test('has about 320 zones with sites inside their parents and requests inside their zones', async () => {
    const city = await freshDatabase();
    try {
      const r = await generateDemo(city.pool, options(generatedCitySource(), { requests: 500 }));
      assert.equal(r.world.communities, 224);
      assert.ok(r.world.sites >= 90 && r.world.sites <= 100);
      const z = await one(
        city.pool,
        `SELECT count(*)::int AS n,
          count(*) FILTER (WHERE s.kind = 'public_site' AND NOT ST_CoveredBy(s.geom,
            (SELECT p.geom FROM zones p WHERE p.code = s.parent_code)))::int AS outside,
          count(*) FILTER (WHERE s.name_en ~ 'Beach')::int AS beaches FROM zones s`
      );
      assert.ok(z.n >= 314 && z.n <= 324, `${z.n} zones`);
      assert.equal(z.outside, 0);
      assert.ok(z.beaches > 0);
      const q = await one(
        city.pool,
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE r.zone_id IS NOT NULL AND NOT ST_Intersects(r.location, z.geom))::int AS outside
        FROM requests r LEFT JOIN zones z ON z.id = r.zone_id`
      );
      assert.deepEqual(q, { n: 500, outside: 0 });
    } finally {
      await city.drop();
    }
  });
});
