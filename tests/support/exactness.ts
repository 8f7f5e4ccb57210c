// The query exactness property (tests/integration/query-exactness.test.ts, tests/integration/replica.test.ts):
// random requests, journeys, late events and SLA outcomes written to a database, the rollup job run part way,
// then random queries through POST /v1/query, each checked against plain SQL over the raw rows. The harness
// says where writes and the brute-force SQL go (`pool`: the primary) and how a query is asked (`query`: the
// aggregator, which may read from a replica; `beforeQueries` then waits until the replica has caught up).
import assert from 'node:assert/strict';
import type pg from 'pg';
import type { TestAggregator } from './aggregator.ts';
import { importGrid } from './fixtures.ts';
import { prng } from './random.ts';
import { bruteForce, type Dim } from './brute-force.ts';
import { recordEvent } from '../../backend/ingest/record-event.ts';
import { writeRequests } from '../../backend/ingest/write-requests.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import type { ReferenceIndex } from '../../backend/domain/reference.ts';
import { bucketEnd, bucketStarts, chooseBucket } from '../../backend/query/plan.ts';
import { withinHistogramBound } from '../../backend/query/metrics.ts';

export type ExactnessHarness = {
  /** the primary: the data is written here and the brute-force SQL reads here */
  pool: pg.Pool;
  reference: () => Promise<ReferenceIndex>;
  /** POST /v1/query with a read token */
  query: (body: unknown) => Promise<{ status: number; body: any; text: string }>;
  /** before each batch of queries (a replica: wait until it has replayed everything written) */
  beforeQueries?: () => Promise<void>;
  /** how the seed's history (its first phase) is rolled up (default: the rollup job, applyPendingRollups) */
  rollUpHistory?: (pool: pg.Pool) => Promise<void>;
};

export type ExactnessProperty = ReturnType<typeof exactnessProperty>;

/**
 * Another city's data in place of the property's own (tests/support/lakeport-demo.ts): it writes the data, says
 * which values filters draw from (its own catalogue, read from the database) and the instant its data ends, and
 * how far back the queries reach (days before `now`).
 */
export type ExactnessCity = {
  seed: (pool: pg.Pool) => Promise<void>;
  values: (pool: pg.Pool) => Promise<Record<Dim, Array<string | null>>>;
  now: number;
  spanDays: number;
};

/** The property over one harness; `SEED` fixes the random data and queries; `city`: another city's data (default: the property's own, Dubai's catalogue). */
export function exactnessProperty(h: ExactnessHarness, SEED: number, city?: ExactnessCity) {
  const rnd = prng(SEED);
  const NOW = Date.now();
  const MIN = 60_000,
    HOUR = 60 * MIN,
    DAY = 24 * HOUR;
  const CHANNELS = ['website', 'social_media', 'call_centre', 'whatsapp', 'virtual_assistant'];
  const CATEGORIES = ['inquiry', 'report', 'complaint', 'service_request', 'suggestion', 'observation'];
  const TOPICS = [
    'waste.overflowing_bin',
    'public_health.pest_control',
    'buildings.violation',
    'drainage.blocked_drain',
    'parks.damaged_facility',
    undefined,
  ];
  const ADVISORS = ['ADV-W1', 'ADV-W2', 'ADV-H1', 'ADV-B1', 'ADV-D1', 'ADV-P1'];

  const journeys: Array<{ id: number; at: number; status: string }> = [];

  const iso = (t: number) => new Date(t).toISOString();

  async function addRequests(n: number, earliest: number, latest: number, tag: string) {
    const items = Array.from({ length: n }, (_, i) => {
      const inside = rnd.chance(0.9);
      return {
        source: 'property',
        external_id: `${tag}-${i}`,
        channel: rnd.pick(CHANNELS),
        category: rnd.pick(CATEGORIES),
        topic: rnd.pick(TOPICS) ?? null,
        department: null as string | null,
        priority: rnd.pick(['low', 'normal', 'high', 'urgent'] as const),
        description: null,
        address: null,
        zone_code: null,
        customer: null,
        lon: inside ? 55.1 + rnd.next() * 0.2 : 54 + rnd.next(),
        lat: inside ? 25.1 + rnd.next() * 0.2 : 24 + rnd.next(),
        created_at: iso(earliest + rnd.next() * (latest - earliest)),
      };
    });
    const ref = await h.reference();
    for (const it of items) {
      if (it.topic) {
        it.department = ref.topic.get(it.topic)!.department_code;
      }
    }
    const written = await writeRequests(h.pool, items);
    written.forEach((w, i) => journeys.push({ id: w.id, at: Date.parse(items[i].created_at), status: 'received' }));
  }

  const NEXT: Record<string, string[]> = {
    received: ['assigned', 'assigned', 'cancelled'],
    assigned: ['in_progress', 'in_progress', 'cancelled'],
    in_progress: ['resolved', 'resolved', 'on_hold', 'in_progress'],
    on_hold: ['in_progress'],
    resolved: ['closed', 'closed', 'in_progress'],
    closed: ['in_progress'],
    cancelled: [],
  };

  /** Walks up to `steps` further steps of a journey, never past `until`. */
  async function walk(j: (typeof journeys)[number], steps: number, until: number) {
    const ref = await h.reference();
    for (let s = 0; s < steps; s++) {
      const options = NEXT[j.status];
      if (!options.length) {
        return;
      }
      const at = j.at + rnd.int(1, 3 * 24 * 60) * MIN;
      if (at >= until) {
        return;
      }
      const status = rnd.pick(options);
      const input: Record<string, unknown> = { status, occurred_at: iso(at) };
      if (status === 'assigned') {
        input.advisor = rnd.pick(ADVISORS);
      }
      if (status === 'in_progress' && j.status === 'in_progress') {
        delete input.status;
        input.stage = rnd.pick(['inspection', 'field_visit', 'work_order']);
      }
      if (status === 'closed' && rnd.chance(0.7)) {
        input.satisfaction = rnd.int(1, 5);
      }
      await recordEvent(h.pool, ref, String(j.id), input as never);
      j.status = status;
      j.at = at;
    }
  }

  /**
   * Sets SLA due times and the evaluation instant as the SLA engine would, and marks the rollups. One request in
   * five comes from a source without first-response data and with its own due time (migration 0040): no
   * first-response due time, so in no first-response figure (the plain SQL's `due IS NOT NULL`).
   */
  async function setSla(ids: number[]) {
    for (const id of ids) {
      const noFirstResponse = rnd.chance(0.2);
      await h.pool.query(
        `UPDATE requests SET first_response_due_at = CASE WHEN $5 THEN NULL ELSE created_at + $2 * interval '1 minute' END,
        resolution_due_at = created_at + $3 * interval '1 minute', sla_evaluated_at = $4,
        first_response_clock = NOT $5, resolution_due_source = CASE WHEN $5 THEN 'source' ELSE 'policy' END WHERE id = $1`,
        [id, rnd.int(10, 2 * 24 * 60), rnd.int(60, 10 * 24 * 60), iso(NOW - rnd.int(0, 120) * MIN), noFirstResponse]
      );
      await h.pool.query(
        'INSERT INTO rollup_pending (request_id) VALUES ($1) ON CONFLICT (request_id) DO UPDATE SET marked_at = now()',
        [id]
      );
    }
  }

  /** The data: history fully rolled up, then late events and new requests rolled up in part (some pending). */
  async function seed(): Promise<void> {
    if (city) {
      await city.seed(h.pool);
      return;
    }
    await importGrid(h.pool);
    await h.pool.query(
      `UPDATE zones SET population = CASE code WHEN 'G1' THEN 10000 WHEN 'G2' THEN 25000 WHEN 'G4' THEN 5000 END`
    );
    await h.pool.query(`INSERT INTO advisors (code, name, department_code) VALUES
      ('ADV-W1','Aisha','waste'),('ADV-W2','Omar','waste'),('ADV-H1','Layla','public_health'),('ADV-B1','Khalid','buildings'),
      ('ADV-D1','Mariam','drainage'),('ADV-P1','Yousef','parks')`);
    // Phase 1: history, fully rolled up.
    await addRequests(260, NOW - 60 * DAY, NOW - 2 * HOUR, 'p1');
    for (const j of journeys) {
      await walk(j, rnd.int(0, 6), NOW - DAY);
    }
    await setSla(journeys.filter(() => rnd.chance(0.85)).map((j) => j.id));
    await (h.rollUpHistory ?? ((pool) => applyPendingRollups(pool, 100)))(h.pool);
    // Phase 2: late events on old requests, late-arriving and new requests, SLA re-evaluations; rolled up in part.
    for (const j of journeys.filter(() => rnd.chance(0.25))) {
      await walk(j, rnd.int(1, 3), NOW - MIN);
    }
    await addRequests(60, NOW - 20 * DAY, NOW - MIN, 'p2');
    for (const j of journeys.slice(-60)) {
      await walk(j, rnd.int(0, 4), NOW - MIN);
    }
    await setSla(journeys.filter(() => rnd.chance(0.2)).map((j) => j.id));
    await applyPendingRollups(h.pool, 40, 1);
    const pending = (await h.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n;
    assert.ok(pending > 20, `the test needs requests still pending (${pending})`);
  }

  const COUNT_METRICS = new Set(['received', 'closed', 'backlog', 'sla_breaches']);
  const HIST_METRICS = new Set(['first_response_median', 'first_response_p90', 'resolution_median', 'resolution_p90']);
  const METRICS = [
    'received',
    'closed',
    'backlog',
    'on_time_pct',
    'first_response_on_time_pct',
    'first_response_median',
    'first_response_p90',
    'resolution_median',
    'resolution_p90',
    'progress_mean',
    'received_per_10k',
    'satisfaction_mean',
    'sla_breaches',
  ];
  const DIMS: Dim[] = ['zone', 'channel', 'category', 'topic', 'department', 'advisor', 'status_class', 'priority'];
  const VALUES: Record<Dim, Array<string | null>> = {
    zone: ['G1', 'G2', 'G3', 'G4', null],
    channel: CHANNELS,
    category: CATEGORIES,
    topic: TOPICS.map((t) => t ?? null),
    department: ['waste', 'public_health', 'buildings', 'drainage', 'parks', null],
    advisor: [...ADVISORS, null],
    status_class: ['open', 'closed', 'cancelled'],
    priority: ['low', 'normal', 'high', 'urgent'],
  };

  async function per10k(
    groupBy: Dim[],
    filters: Partial<Record<Dim, Array<string | number | null>>>,
    w: { from: number; to: number },
    codeToId: Map<string, number>
  ) {
    const pops = new Map<number, number>(
      (await h.pool.query('SELECT id, population FROM zones WHERE population > 0')).rows.map((r) => [
        r.id,
        r.population,
      ])
    );
    const withZone: Dim[] = groupBy.includes('zone') ? groupBy : [...groupBy, 'zone'];
    const rows = await bruteForce(h.pool, 'received', withZone, filters, w);
    const zi = withZone.indexOf('zone');
    const zoneFilter = filters.zone?.filter((z) => z !== null).map(Number);
    const scope = [...pops.entries()]
      .filter(([id]) => !filters.zone || zoneFilter!.includes(id))
      .reduce((a, [, p]) => a + p, 0);
    const out = new Map<string, { dims: Array<string | number | null>; value: number | null }>();
    for (const r of rows) {
      const pop = r.dims[zi] === null ? undefined : pops.get(Number(r.dims[zi]));
      const dims = groupBy.includes('zone') ? r.dims : r.dims.filter((_, i) => i !== zi);
      const key = JSON.stringify(dims);
      const o = out.get(key) ?? { dims, value: groupBy.includes('zone') || scope <= 0 ? null : 0 };
      if (groupBy.includes('zone')) {
        o.value = pop ? (r.value! / pop) * 10_000 : null;
      } else if (pop) {
        o.value = (o.value ?? 0) + (r.value! / scope) * 10_000;
      }
      out.set(key, o);
    }
    void codeToId;
    return [...out.values()];
  }

  /** Per-10k of a group with no requests: 0 where the population is known, null where it is not. */
  async function per10kDefault(
    groupBy: Dim[],
    key: string,
    filters: Partial<Record<Dim, Array<string | number | null>>>
  ): Promise<number | null> {
    const pops = new Map<string, number>(
      (await h.pool.query('SELECT code, population FROM zones WHERE population > 0')).rows.map((r) => [
        r.code,
        r.population,
      ])
    );
    if (groupBy.includes('zone')) {
      return pops.has(JSON.parse(key)[groupBy.indexOf('zone')]) ? 0 : null;
    }
    const ids = new Map<number, number>(
      (await h.pool.query('SELECT id, population FROM zones WHERE population > 0')).rows.map((r) => [
        r.id,
        r.population,
      ])
    );
    const scope = [...ids.keys()].filter((id) => !filters.zone || filters.zone.includes(id));
    return scope.length ? 0 : null;
  }

  async function randomQueriesEqualBruteForce(QUERIES: number): Promise<void> {
    const zones = new Map<number, string>(
      (await h.pool.query('SELECT id, code FROM zones')).rows.map((r) => [r.id, r.code])
    );
    const advisors = new Map<number, string>(
      (await h.pool.query('SELECT id, code FROM advisors')).rows.map((r) => [r.id, r.code])
    );
    const codeToId = new Map<string, number>([...zones, ...advisors].map(([id, code]) => [code, id]));
    const toCode = (d: Dim, v: string | number | null) =>
      v === null ? '' : d === 'zone' ? zones.get(Number(v))! : d === 'advisor' ? advisors.get(Number(v))! : String(v);
    const mismatches: string[] = [];
    const values = city ? await city.values(h.pool) : VALUES;
    const now = city?.now ?? NOW;
    const span = city?.spanDays ?? 65;
    await h.beforeQueries?.();
    for (let q = 0; q < QUERIES; q++) {
      const metric = rnd.pick(METRICS);
      const groupBy = rnd.subset(DIMS, 2).slice(0, rnd.int(0, 2));
      const filterDims = rnd.subset(DIMS, 2).slice(0, rnd.int(0, 2));
      const filters: Partial<Record<Dim, Array<string | null>>> = {};
      for (const d of filterDims) {
        filters[d] = [...new Set(Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(values[d])))];
      }
      const format = rnd.chance(0.5) ? 'table' : 'time_series';
      const from = now - rnd.int(0, span * 24 * 60) * MIN - rnd.int(0, 59_999);
      const to = Math.min(
        from + rnd.pick([10 * MIN, 2 * HOUR, DAY, 7 * DAY, 30 * DAY, 70 * DAY]) + rnd.int(0, 3 * HOUR),
        now + DAY
      );
      const intervalMs = rnd.pick([MIN, 5 * MIN, HOUR, DAY]);
      const body = {
        from: iso(from),
        to: iso(to),
        intervalMs,
        maxDataPoints: 24,
        targets: [{ refId: 'A', metric, groupBy, filters, format, language: 'en' }],
      };
      const res = await h.query(body);
      assert.equal(res.status, 200, `query ${q}: ${res.text}`);
      const frames = res.body.results.A.frames as Array<{
        fields: Array<{ name: string; type: string; values: unknown[]; labels?: Record<string, string> }>;
      }>;

      // API answer → Map<bucket|'all' → Map<groupKey, value>>
      const api = new Map<string, Map<string, number | null>>();
      const put = (bucket: string, key: string, v: number | null) => {
        if (!api.has(bucket)) {
          api.set(bucket, new Map());
        }
        api.get(bucket)!.set(key, v);
      };
      if (format === 'table') {
        const f = frames[0];
        const valueField = f.fields.find((x) => x.name === metric)!;
        valueField.values.forEach((v, i) =>
          put(
            'all',
            JSON.stringify(
              groupBy.map((d) => (f.fields.find((x) => x.name === `${d}_code`)!.values[i] as string | null) ?? '')
            ),
            v as number | null
          )
        );
      } else {
        for (const f of frames) {
          const time = f.fields.find((x) => x.type === 'time')!;
          const val = f.fields.find((x) => x.type === 'number')!;
          const key = JSON.stringify(groupBy.map((d) => val.labels?.[d] ?? ''));
          time.values.forEach((t, i) => put(String(t), key, val.values[i] as number | null));
        }
      }
      // Reference windows: the whole range, or each bucket of the series (backlog: its value at the bucket's end).
      // Calendar buckets are local to the city's zone (its configuration): the reference windows too.
      const {
        rows: [city],
      } = await h.pool.query<{ time_zone: string }>('SELECT time_zone FROM city_settings');
      const spec = chooseBucket(to - from, intervalMs, 24, 2000);
      const windows =
        format === 'table'
          ? [{ key: 'all', from, to }]
          : bucketStarts(from, to, spec, city.time_zone).map((b) => ({
              key: String(b),
              from: Math.max(b, from),
              to: Math.min(bucketEnd(b, spec, city.time_zone), to),
            }));
      const idFilters: Partial<Record<Dim, Array<string | number | null>>> = {};
      for (const [d, list] of Object.entries(filters) as Array<[Dim, Array<string | null>]>) {
        idFilters[d] = list.map((v) => (v !== null && (d === 'zone' || d === 'advisor') ? codeToId.get(v)! : v));
      }
      for (const w of windows) {
        const rows =
          metric === 'received_per_10k'
            ? await per10k(groupBy, idFilters, w, codeToId)
            : await bruteForce(h.pool, metric, groupBy, idFilters, w);
        const expected = new Map(
          rows.map((r) => [JSON.stringify(groupBy.map((d, i) => toCode(d, r.dims[i]))), r.value])
        );
        const got = api.get(w.key) ?? new Map();
        const keys = new Set([...expected.keys(), ...got.keys()]);
        for (const key of keys) {
          const missing = COUNT_METRICS.has(metric)
            ? 0
            : metric === 'received_per_10k'
              ? await per10kDefault(groupBy, key, idFilters)
              : null;
          const e = expected.has(key) ? expected.get(key)! : missing;
          const g = got.has(key) ? got.get(key)! : missing;
          const ok =
            e === null || g === null
              ? e === g
              : HIST_METRICS.has(metric)
                ? withinHistogramBound(g, e)
                : Math.abs(e - g) < 1e-6;
          if (!ok) {
            mismatches.push(
              `q${q} ${metric} ${format} by [${groupBy}] filters ${JSON.stringify(filters)} window ` +
                `${iso(w.from)}..${iso(w.to)} group ${key}: expected ${e}, got ${g}`
            );
          }
        }
      }
    }
    assert.deepEqual(mismatches.slice(0, 15), [], `${mismatches.length} mismatches`);
  }

  /** The requests not pending whose applied state differs from what they are now (none, when the rollups are right). */
  async function appliedButStale(): Promise<unknown[]> {
    const { rows } = await h.pool.query(`
      SELECT c.request_id FROM rollup_input_current c
      LEFT JOIN rollup_state s USING (request_id)
      WHERE c.request_id NOT IN (SELECT request_id FROM rollup_pending)
        AND (s.request_id IS NULL OR row(c.*) IS DISTINCT FROM row(s.*))`);
    return rows;
  }

  return { rnd, NOW, MIN, HOUR, DAY, journeys, walk, seed, randomQueriesEqualBruteForce, appliedButStale };
}

/** The property on a test aggregator (its pool, reference and POST /v1/query with a read token), seeded. */
export async function seededExactness(
  agg: TestAggregator,
  seed: number,
  city?: ExactnessCity,
  extra: Partial<Pick<ExactnessHarness, 'rollUpHistory' | 'beforeQueries'>> = {}
): Promise<ExactnessProperty> {
  const p = exactnessProperty(
    {
      pool: agg.db.pool,
      reference: () => agg.server.ctx.reference.get(),
      query: (body) => agg.call('POST', '/v1/query', body, agg.tokens.read),
      ...extra,
    },
    seed,
    city
  );
  await p.seed();
  return p;
}
