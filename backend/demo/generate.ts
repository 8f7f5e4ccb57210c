// The demo run: the world (zones, sites, population, advisors), then in ONE transaction the activity —
// customers, requests with their journeys and SLA clocks (evaluated at `slaAt` as they are written: sla/clocks-at-load.ts),
// warnings and breaches, rollup marks — streamed with COPY chunk by chunk, building the next chunk while PostgreSQL
// loads the last. Same seed, same options, same database state → the same rows.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { transactionOn, withClient } from '../db/transaction.ts';
import type { CommunitySource } from './communities.ts';
import { copyLines, pack } from './copy-writer.ts';
import { copyText, copyTime, NULL } from './copy-text.ts';
import { fakeCustomer } from './customers.ts';
import { CHANNEL_SOURCE, sourceOf } from './mix.ts';
import { Prng, Weighted } from './prng.ts';
import { planClusters, type Cluster } from './recurring.ts';
import { RequestFactory, type DemoLines, type TopicInfo } from './requests.ts';
import { arrivalTime, dailyCounts, localDate, periodStart, planDays } from './rhythm.ts';
import { SlaPolicies, type SlaPolicy } from './sla-policy.ts';
import { ClocksAtLoad, type PolicyClock } from '../sla/clocks-at-load.ts';
import { prepareWorld, type World } from './world.ts';

const DAY_MS = 86_400_000;
/** Customers per request (many people file more than one). */
export const CUSTOMERS_PER_REQUEST = 0.5;
const YIELD_EVERY = 1000;
/** The COPY of each kind of request line, in the order a chunk is loaded (requests before what refers to them). */
const COPY_SQL: Readonly<Record<keyof DemoLines, string>> = {
  requests: 'demo/copy_requests',
  unclocked: 'demo/copy_requests_unclocked',
  events: 'demo/copy_events',
  alerts: 'demo/copy_alerts',
};
const COPY_ORDER = Object.keys(COPY_SQL) as Array<keyof DemoLines>;
const emptyLines = <T>() => Object.fromEntries(COPY_ORDER.map((k) => [k, [] as T[]])) as Record<keyof DemoLines, T[]>;

/** A load in flight: its failure surfaces where it is awaited, not as an unhandled rejection meanwhile. */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

export type DemoOptions = {
  months: number;
  seed: string;
  /** total requests; null: perDay for every day of the period */
  requests: number | null;
  perDay: number;
  endAt: number;
  chunkRequests: number;
  source: CommunitySource;
  subdivideVertices: number;
  /** keep PostgreSQL's row-by-row foreign-key checks even when the role could skip them */
  checkRows: boolean;
  /** drop and rebuild secondary indexes from this many requests on (null: never; see BULK_MIN_REQUESTS) */
  bulkMinRequests?: number | null;
  /**
   * the instant the requests' SLA clocks are evaluated at, as the SLA first pass after the load would (default: the
   * period's end); give the pass the same instant and it finds nothing left to evaluate
   */
  slaAt?: Date;
};

/**
 * A run at least this large, and at least as large as what the database already holds, drops the
 * secondary indexes of requests, request_events and customers inside its transaction and rebuilds them
 * before commit: one sorted build beats millions of random index inserts. It locks those tables
 * against readers too until commit.
 */
export const BULK_MIN_REQUESTS = 100_000;

export type DemoProgress = (phase: 'customers' | 'requests', done: number, total: number) => void;

export type DemoReport = {
  world: Omit<World, 'zones' | 'advisors'> & { zones: number; advisors: number };
  period: { start: string; end: string; days: number; timeZone: string };
  alreadyPresent: boolean;
  customers: number;
  requests: number;
  events: number;
  open: number;
  clusters: number;
  /** whether PostgreSQL checked every row's foreign keys (false: skipped, see skipRowTriggers) */
  rowChecks: boolean;
  /** secondary indexes dropped and rebuilt (bulk run) */
  rebuiltIndexes: number;
  /** the SLA clocks written with the requests (those a policy applies to), at `at`, and their warnings and breaches */
  sla: { at: string; evaluated: number; alerts: number };
  seconds: { world: number; customers: number; requests: number; indexes: number; total: number };
};

/**
 * Row-by-row foreign-key checks are two thirds of the cost of loading journeys (five per event). Every
 * reference the demo writes comes from rows read in this same transaction (reference data, zones,
 * advisors) or written by it (customers, requests), and those tables are locked against writers until
 * commit — so the references hold by construction. When the role may (a superuser), the per-row triggers
 * are skipped for this transaction; otherwise (permission denied) the normal checked path is used.
 */
async function skipRowTriggers(client: pg.PoolClient): Promise<boolean> {
  await client.query('SAVEPOINT skip_row_triggers');
  try {
    await client.query(sql('demo/skip_row_triggers'));
    await client.query('RELEASE SAVEPOINT skip_row_triggers');
    return true;
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT skip_row_triggers');
    return false;
  }
}

type Reference = {
  channels: string[];
  categories: string[];
  topics: TopicInfo[];
  departments: string[];
  stages: Array<{ code: string; status_code: string; progress_pct: number | null }>;
};

export async function generateDemo(
  pool: pg.Pool,
  options: DemoOptions,
  progress: DemoProgress = () => {},
  log: (line: string) => void = () => {}
): Promise<DemoReport> {
  const t0 = performance.now();
  const slaAt = options.slaAt ?? new Date(options.endAt);
  const {
    rows: [city],
  } = await pool.query<{ time_zone: string }>(sql('demo/city_zone'));
  const zone = city.time_zone;
  const startAt = periodStart(options.endAt, options.months, zone);
  const years: [number, number] = [
    Number(localDate(startAt, zone).slice(0, 4)),
    Number(localDate(options.endAt - 1, zone).slice(0, 4)),
  ];
  const world = await prepareWorld(pool, options.source, years, options.subdivideVertices, log);
  const tWorld = performance.now();
  const total = options.requests ?? Math.round((options.perDay * (options.endAt - startAt)) / DAY_MS);
  const report: DemoReport = {
    world: { ...world, zones: world.zones.length, advisors: world.advisors.length },
    period: {
      start: new Date(startAt).toISOString(),
      end: new Date(options.endAt).toISOString(),
      days: Math.ceil((options.endAt - startAt) / DAY_MS),
      timeZone: zone,
    },
    alreadyPresent: false,
    customers: 0,
    requests: 0,
    events: 0,
    open: 0,
    clusters: 0,
    rowChecks: true,
    rebuiltIndexes: 0,
    sla: { at: slaAt.toISOString(), evaluated: 0, alerts: 0 },
    seconds: { world: (tWorld - t0) / 1000, customers: 0, requests: 0, indexes: 0, total: 0 },
  };

  return withClient(pool, async (client) => {
    // The activity in ONE transaction; ANALYZE after it commits.
    let tCustomers = 0;
    let tRequests = 0;
    const loaded = await transactionOn(client, async () => {
      await client.query('SET LOCAL statement_timeout = 0');
      await client.query(sql('demo/lock_tables'));
      await client.query(sql('demo/lock_references'));
      report.rowChecks = options.checkRows || !(await skipRowTriggers(client));
      const {
        rows: [already],
      } = await client.query(sql('demo/already_generated'), [
        [...Object.values(CHANNEL_SOURCE), sourceOf('')],
        `demo-${options.seed}-1`,
      ]);
      if (already.present) {
        report.alreadyPresent = true;
        return false;
      }
      const {
        rows: [bases],
      } = await client.query<{ requests: number; customers: number }>(sql('demo/id_bases'));
      const {
        rows: [held],
      } = await client.query<{ n: number }>(sql('demo/estimated_requests'));
      let indexes: Array<{ drop_statement: string; create_statement: string }> = [];
      const bulkFrom = options.bulkMinRequests === undefined ? BULK_MIN_REQUESTS : options.bulkMinRequests;
      if (bulkFrom !== null && total >= bulkFrom && total >= held.n) {
        ({ rows: indexes } = await client.query(sql('demo/secondary_indexes')));
        await client.query("SET LOCAL maintenance_work_mem = '512MB'");
        for (const ix of indexes) {
          await client.query(ix.drop_statement);
        }
      }
      const {
        rows: [ref],
      } = await client.query<Reference>(sql('demo/reference'));
      const { rows: policyRows } = await client.query<SlaPolicy & PolicyClock>(sql('demo/sla_policies'));
      const clocks = await ClocksAtLoad.open(client, policyRows, slaAt);
      const { rows: holidayRows } = await client.query<{ day: string }>(sql('demo/holidays'));

      const root = new Prng(options.seed);
      const days = planDays(startAt, options.endAt, new Set(holidayRows.map((h) => h.day)), root.fork('days'), zone);
      const counts = dailyCounts(days, total);

      // customers --------------------------------------------------------------------------------------
      const customerCount = total ? Math.max(50, Math.round(total * CUSTOMERS_PER_REQUEST)) : 0;
      const arabic = new Uint8Array(customerCount);
      progress('customers', 0, customerCount);
      const communities = world.zones.filter((z) => z.kind === 'community');
      const homeZones = new Weighted(
        communities.map((z) => z.id),
        communities.map((z) => Math.max(z.population, 50))
      );
      const customerPrng = root.fork('customers');
      let pending: Promise<unknown> = Promise.resolve();
      const lines: string[] = [];
      let blocks: Buffer[] = [];
      for (let i = 0; i < customerCount; i++) {
        const c = fakeCustomer(customerPrng, homeZones, startAt - Math.floor(customerPrng.float() * 730) * DAY_MS);
        arabic[i] = c.language === 'ar' ? 1 : 0;
        lines.push(
          `${bases.customers + i + 1}\t${copyText(c.name)}\t${c.phone}\t${c.email ?? NULL}\t${c.nationalId ?? NULL}\t${c.language}\t` +
            `${c.homeZoneId ?? NULL}\t${copyTime(c.createdAt)}\n`
        );
        if (i % YIELD_EVERY === 0) {
          pack(lines, blocks);
          await yieldToLoop();
        }
        if ((i + 1) % options.chunkRequests === 0 || i === customerCount - 1) {
          pack(lines, blocks);
          await pending;
          pending = handled(copyLines(client, sql('demo/copy_customers'), blocks));
          blocks = [];
          progress('customers', i + 1, customerCount);
        }
      }
      await pending;
      report.customers = customerCount;
      tCustomers = performance.now();

      // requests ---------------------------------------------------------------------------------------
      const stageOrder = ref.stages
        .filter((s) => s.status_code === 'in_progress' && s.code !== 'in_progress')
        .map((s) => s.code);
      const factory = new RequestFactory({
        seed: options.seed,
        timeZone: zone,
        endAt: options.endAt,
        zones: world.zones,
        topics: ref.topics,
        channels: ref.channels,
        categories: ref.categories,
        stages: new Map(ref.stages.map((s) => [s.code, s.progress_pct])),
        workStages: stageOrder,
        policies: new SlaPolicies(policyRows),
        clocks,
        customers: { firstId: bases.customers + 1, count: customerCount, arabic },
        advisors: world.advisors.map((a) => ({ id: a.id, code: a.code, speed: a.speed, department: a.department })),
      });
      const plan = planClusters(root.fork('clusters'), days, counts, factory.zones, (z, p) =>
        factory.recurringTopic(z, p)
      );
      report.clusters = plan.clusters.length;
      const prng = root.fork('requests');
      progress('requests', 0, total);
      const out: DemoLines = emptyLines<string>();
      let outBlocks = emptyLines<Buffer>();
      const packOut = () => {
        for (const k of COPY_ORDER) {
          pack(out[k], outBlocks[k]);
        }
      };
      let inChunk = 0;
      let seq = 0;
      let firstOfChunk = 1;
      const flush = async () => {
        packOut();
        await pending;
        const [from, to, b] = [bases.requests + firstOfChunk, bases.requests + seq, outBlocks];
        pending = handled(
          (async () => {
            for (const k of COPY_ORDER) {
              if (b[k].length) {
                await copyLines(client, sql(COPY_SQL[k]), b[k]);
              }
            }
            await client.query(sql('demo/mark_pending'), [from, to]);
          })()
        );
        outBlocks = emptyLines<Buffer>();
        inChunk = 0;
        firstOfChunk = seq + 1;
        progress('requests', seq, total);
      };
      for (const day of days) {
        const arrivals: Array<{ at: number; cluster: Cluster | null }> = [];
        for (let k = 0; k < plan.ordinary[day.index]; k++) {
          arrivals.push({ at: arrivalTime(day, prng), cluster: null });
        }
        for (const cluster of plan.members[day.index]) {
          arrivals.push({ at: arrivalTime(day, prng), cluster });
        }
        arrivals.sort((a, b) => a.at - b.at);
        for (const a of arrivals) {
          seq++;
          const w = factory.write(bases.requests + seq, seq, a.at, day, a.cluster, prng, out);
          report.events += w.events;
          if (w.open) {
            report.open++;
          }
          inChunk++;
          if (seq % YIELD_EVERY === 0) {
            packOut();
            await yieldToLoop();
          }
        }
        if (inChunk >= options.chunkRequests) {
          await flush();
        }
      }
      if (inChunk) {
        await flush();
      }
      await pending;
      report.requests = seq;
      report.sla.evaluated = clocks.evaluated;
      report.sla.alerts = clocks.alerts;
      tRequests = performance.now();
      for (const ix of indexes) {
        log(`rebuilding ${ix.create_statement.replace(/ ON .*/, '')}`);
        await client.query(ix.create_statement);
      }
      report.rebuiltIndexes = indexes.length;
      await client.query(sql('demo/advance_ids'), [bases.requests + seq, bases.customers + customerCount]);
      return true;
    });
    if (!loaded) {
      return report;
    }
    await client.query(sql('demo/analyze_loaded'));
    const tEnd = performance.now();
    report.seconds = {
      world: (tWorld - t0) / 1000,
      customers: (tCustomers - tWorld) / 1000,
      requests: (tRequests - tCustomers) / 1000,
      indexes: (tEnd - tRequests) / 1000,
      total: (tEnd - t0) / 1000,
    };
    return report;
  });
}
