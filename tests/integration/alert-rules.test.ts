// The provisioned alert rules (provisioning/alerting/rules.yaml) against real PostGIS: each rule's SQL runs as
// the read-only alerting login (services360 grant-alerting-login), its result has the shape Grafana's PostgreSQL
// datasource needs for alerting, and the rule's own reduce and threshold (tests/support/alert-eval.ts) fire when
// the data is pushed into breach and stay quiet otherwise. Requests go in through the aggregator's API; the SLA
// sweep and the rollups run as the jobs would.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parse } from 'yaml';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { grantAlertingLogin, type AlertingLogin } from '../support/alerting-login.ts';
import {
  evaluateRule,
  firing,
  fromPgResult,
  tableInstances,
  type Evaluation,
  type ProvisionedRule,
  type QueryResult,
} from '../support/alert-eval.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const RULES: ProvisionedRule[] = (
  parse(readFileSync(join(ROOT, 'provisioning/alerting/rules.yaml'), 'utf8')).groups as Array<{
    rules: ProvisionedRule[];
  }>
).flatMap((g) => g.rules);
const rule = (uid: string) => {
  const r = RULES.find((x) => x.uid === uid);
  assert.ok(r, `rule ${uid} is provisioned`);
  return r;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
/** Far from every zone: these requests are kept but unzoned, so they never count in a zone's spike. */
const NOWHERE = { lon: 10, lat: 10 };
const IN_G1 = { lon: 55.15, lat: 25.15 };
const IN_G2 = { lon: 55.25, lat: 25.15 };

let agg: TestAggregator;
let login: AlertingLogin;
let reader: pg.Client;

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  login = await grantAlertingLogin(agg.db.url, 'S360_ALERTING_DB_PASSWORD');
  reader = login.reader;
});
afterAll(async () => {
  await login?.drop();
  await agg?.stop();
});

let serial = 0;
async function ingest(requests: Array<Record<string, unknown>>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < requests.length; i += 1000) {
    const res = await agg.call(
      'POST',
      '/v1/requests/batch',
      { requests: requests.slice(i, i + 1000) },
      agg.tokens.ingest
    );
    assert.equal(res.status, 201, res.text);
    ids.push(...res.body.results.map((r: { id: number }) => r.id));
  }
  return ids;
}
const request = (over: Record<string, unknown>) =>
  sampleRequest({ source: 'alert-test', external_id: `al-${++serial}`, ...over });
const many = (n: number, over: (i: number) => Record<string, unknown>) =>
  Array.from({ length: n }, (_, i) => request(over(i)));

async function event(id: number, body: Record<string, unknown>) {
  const res = await agg.call('POST', `/v1/requests/${id}/events`, body, agg.tokens.ingest);
  assert.equal(res.status, 201, res.text);
}

/** What the jobs do: the SLA sweep (due times, outcomes) and the rollups the alerting views read. */
async function settle() {
  await sweepSla(agg.db.pool, new Date());
  await applyPendingRollups(agg.db.pool);
}

/** Runs the rule's query A exactly as provisioned, as the alerting login, and evaluates the rule. */
async function evaluate(uid: string): Promise<{ ev: Evaluation; result: QueryResult }> {
  const r = rule(uid);
  const query = r.data.find((d) => d.refId === 'A');
  assert.ok(query, `${uid} has a query A`);
  assert.equal(query.datasourceUid, 'services360-alerting-pg');
  const result = fromPgResult(await reader.query(query.model.rawSql));
  const ev = evaluateRule(r, { A: result });
  assert.notEqual(ev.state, 'Error', `${uid}: ${ev.error}`);
  return { ev, result };
}

const stateOf = (ev: Evaluation, label: string, value: string) =>
  ev.instances.find((i) => i.labels[label] === value)?.state;

describe('every provisioned rule', () => {
  test('runs as the read-only alerting login and returns one number per row with text label columns', async () => {
    await ingest([request({ location: NOWHERE })]);
    await settle();
    assert.equal(RULES.length, 7);
    for (const r of RULES) {
      const { result } = await evaluate(r.uid);
      assert.equal(result.columns.filter((c) => c.type === 'number').length, 1, `${r.uid}: one numeric column`);
      assert.ok(
        result.columns.every((c) => c.type !== 'time'),
        `${r.uid}: no time column in table format`
      );
      assert.doesNotThrow(() => tableInstances(result), `${r.uid}: unique label sets`);
      assert.equal(r.data.find((d) => d.refId === 'A')!.model.format, 'table');
    }
  });

  test('routes by the labels its query returns: department or zone', async () => {
    const labelsOf = async (uid: string) =>
      (await evaluate(uid)).result.columns.filter((c) => c.type === 'string').map((c) => c.name);
    assert.ok((await labelsOf('s360-on-time-below-target')).includes('department'));
    assert.ok((await labelsOf('s360-backlog-over-bound')).includes('department'));
    assert.ok((await labelsOf('s360-zone-spike')).includes('zone'));
    assert.deepEqual(await labelsOf('s360-ingestion-silent'), []);
    assert.deepEqual(await labelsOf('s360-rollups-lagging'), []);
    assert.deepEqual(await labelsOf('s360-holidays-running-out'), ['calendar', 'calendar_name']);
    // Firing and quiet on real data: tests/integration/forecast.test.ts (it needs a fitted forecast).
    assert.deepEqual(await labelsOf('s360-running-above-forecast'), [
      'zone',
      'zone_name',
      'topic',
      'topic_name',
      'department',
    ]);
  });
});

describe('On time below target (per department, last 24 hours)', () => {
  test('stays quiet while departments resolve on time, fires for the department whose requests breach', async () => {
    // Inquiries: 24 h resolution target on the 24/7 calendar. Created 20 h ago, resolved 10 h ago: met.
    const met = await ingest([
      ...many(12, () => ({
        category: 'inquiry',
        topic: 'waste.overflowing_bin',
        location: NOWHERE,
        created_at: ago(20 * HOUR),
      })),
      ...many(12, () => ({
        category: 'inquiry',
        topic: 'buildings.violation',
        location: NOWHERE,
        created_at: ago(20 * HOUR),
      })),
    ]);
    for (const id of met) {
      await event(id, { status: 'assigned', occurred_at: ago(19 * HOUR) });
      await event(id, { status: 'in_progress', first_response: true, occurred_at: ago(18 * HOUR) });
      await event(id, { status: 'resolved', occurred_at: ago(10 * HOUR) });
    }
    await settle();
    let { ev } = await evaluate('s360-on-time-below-target');
    assert.equal(stateOf(ev, 'department', 'waste'), 'Normal');
    assert.equal(stateOf(ev, 'department', 'buildings'), 'Normal');
    assert.deepEqual(firing(ev), []);
    assert.equal(ev.state, 'Normal');

    // Ten building inquiries created 30 h ago and never resolved: due 6 h ago, breached then.
    await ingest(
      many(10, () => ({
        category: 'inquiry',
        topic: 'buildings.violation',
        location: NOWHERE,
        created_at: ago(30 * HOUR),
      }))
    );
    await settle();
    ({ ev } = await evaluate('s360-on-time-below-target'));
    assert.deepEqual(firing(ev, 'department'), ['buildings']);
    const buildings = ev.instances.find((i) => i.labels.department === 'buildings')!;
    assert.ok(Math.abs(buildings.value! - (100 * 12) / 22) < 0.1, `on time ${buildings.value}`);
    assert.equal(buildings.labels.department_name, 'Buildings');
    assert.equal(stateOf(ev, 'department', 'waste'), 'Normal');
    assert.equal(ev.state, 'Alerting');
  });
});

describe('Backlog over bound (per department)', () => {
  test('stays quiet under 2,000 open requests, fires for the department over it', async () => {
    // Created 40 days ago: outside the spike and SLA windows, still open.
    const old = (i: number) => ({
      category: 'observation',
      topic: 'food_safety.hygiene',
      location: NOWHERE,
      created_at: ago(40 * DAY + i * 1000),
    });
    await ingest(many(1990, old));
    let { ev } = await evaluate('s360-backlog-over-bound');
    assert.equal(stateOf(ev, 'department', 'food_safety'), 'Normal');
    assert.deepEqual(firing(ev), []);

    await ingest(many(11, (i) => old(2000 + i)));
    ({ ev } = await evaluate('s360-backlog-over-bound'));
    assert.deepEqual(firing(ev, 'department'), ['food_safety']);
    assert.equal(ev.instances.find((i) => i.labels.department === 'food_safety')!.value, 2001);
  });
});

describe('Spike of reports in a zone (last 24 hours against the 4 weeks before)', () => {
  test('stays quiet at the usual volume, fires for the zone that gets several times its usual day', async () => {
    // Baselines over the 4 weeks before the last 24 hours: G1 2 a day, G2 10 a day; G2 also has a usual day now.
    const baseline = (where: typeof IN_G1, perDay: number) =>
      Array.from({ length: 27 }, (_, d) =>
        many(perDay, (i) => ({
          category: 'suggestion',
          topic: 'parks.damaged_facility',
          location: where,
          created_at: ago((d + 2) * DAY + i * 60_000),
        }))
      ).flat();
    await ingest([
      ...baseline(IN_G1, 2),
      ...baseline(IN_G2, 10),
      ...many(2, (i) => ({
        category: 'suggestion',
        topic: 'parks.damaged_facility',
        location: IN_G1,
        created_at: ago(2 * HOUR + i * 60_000),
      })),
      ...many(11, (i) => ({
        category: 'suggestion',
        topic: 'parks.damaged_facility',
        location: IN_G2,
        created_at: ago(3 * HOUR + i * 60_000),
      })),
    ]);
    await settle();
    let { ev } = await evaluate('s360-zone-spike');
    assert.equal(stateOf(ev, 'zone', 'G2'), 'Normal');
    assert.equal(stateOf(ev, 'zone', 'G1'), undefined, 'G1 (2 today) is under the 10-request floor');
    assert.deepEqual(firing(ev), []);

    await ingest(
      many(20, (i) => ({
        category: 'suggestion',
        topic: 'parks.damaged_facility',
        location: IN_G1,
        created_at: ago(HOUR + i * 60_000),
      }))
    );
    await settle();
    ({ ev } = await evaluate('s360-zone-spike'));
    assert.deepEqual(firing(ev, 'zone'), ['G1']);
    const g1 = ev.instances.find((i) => i.labels.zone === 'G1')!;
    assert.equal(g1.labels.zone_name, 'Grid 1');
    assert.ok(g1.value! > 10, `ratio ${g1.value}`);
    assert.equal(stateOf(ev, 'zone', 'G2'), 'Normal');
  });
});

describe('No request ingested for 15 minutes', () => {
  test('stays quiet while requests arrive, fires when the last one was ingested over 15 minutes ago', async () => {
    await ingest([request({ location: NOWHERE, created_at: ago(60_000) })]);
    let { ev } = await evaluate('s360-ingestion-silent');
    assert.equal(ev.state, 'Normal');
    assert.ok(ev.instances[0].value! < 5, `minutes ${ev.instances[0].value}`);

    await agg.db.pool.query(`UPDATE requests SET ingested_at = ingested_at - interval '20 minutes'`);
    ({ ev } = await evaluate('s360-ingestion-silent'));
    assert.equal(ev.state, 'Alerting');
    assert.ok(ev.instances[0].value! >= 20 && ev.instances[0].value! < 25, `minutes ${ev.instances[0].value}`);
  });
});

describe('Rollups lagging', () => {
  test('stays quiet while the rollups keep up, fires when the oldest waiting request was marked over 300 s ago', async () => {
    await ingest([request({ location: NOWHERE })]);
    await settle();
    let { ev } = await evaluate('s360-rollups-lagging');
    assert.equal(ev.state, 'Normal');
    assert.equal(ev.instances[0].value, 0, 'nothing waits once the rollups applied everything');

    await ingest([request({ location: NOWHERE })]);
    await agg.db.pool.query(`UPDATE rollup_pending SET marked_at = now() - interval '10 minutes'`);
    try {
      ({ ev } = await evaluate('s360-rollups-lagging'));
      assert.equal(ev.state, 'Alerting');
      assert.ok(ev.instances[0].value! >= 600 && ev.instances[0].value! < 700, `lag ${ev.instances[0].value} s`);
    } finally {
      await settle();
    }
  });
});

describe('Holidays running out', () => {
  test('fires for a calendar in use whose holidays end before 31 March of next year, stays quiet once they reach past it', async () => {
    const saved = (
      await agg.db.pool.query(`SELECT calendar_code, to_char(day, 'YYYY-MM-DD') AS day, name_en, name_ar FROM holidays`)
    ).rows;
    try {
      // The field calendar (Waste and others work by it) with one holiday ten days from now; 24x7 observes none.
      await agg.db.pool.query('DELETE FROM holidays');
      await agg.db.pool.query(
        `INSERT INTO holidays (calendar_code, day, name_en, name_ar) VALUES ('field', (now() AT TIME ZONE 'Asia/Dubai')::date + 10, 'Soon', 'قريبا')`
      );
      let { ev } = await evaluate('s360-holidays-running-out');
      assert.deepEqual(firing(ev, 'calendar'), ['field']);
      assert.deepEqual(
        ev.instances.map((i) => i.labels.calendar),
        ['field'],
        'only calendars in use that observe holidays'
      );
      // Defined up to 1 January the year after next: past 31 March of next year whatever today is.
      await agg.db.pool.query(`INSERT INTO holidays (calendar_code, day, name_en, name_ar)
        VALUES (NULL, make_date(extract(year FROM (now() AT TIME ZONE 'Asia/Dubai'))::int + 2, 1, 1), 'Far', 'بعيد')`);
      ({ ev } = await evaluate('s360-holidays-running-out'));
      assert.equal(ev.state, 'Normal');
      assert.equal(ev.instances[0].value, 0);
    } finally {
      await agg.db.pool.query('DELETE FROM holidays');
      for (const h of saved) {
        await agg.db.pool.query('INSERT INTO holidays (calendar_code, day, name_en, name_ar) VALUES ($1, $2, $3, $4)', [
          h.calendar_code,
          h.day,
          h.name_en,
          h.name_ar,
        ]);
      }
    }
  });
});

describe('the evaluator', () => {
  const table = (columns: QueryResult['columns'], rows: unknown[][]): QueryResult => ({ columns, rows });
  const onTime = rule('s360-on-time-below-target');

  test('rejects results Grafana could not alert on: two numbers, a time column in a table, duplicate labels', () => {
    const two = table(
      [
        { name: 'department', type: 'string' },
        { name: 'a', type: 'number' },
        { name: 'b', type: 'number' },
      ],
      [['waste', 1, 2]]
    );
    assert.match(evaluateRule(onTime, { A: two }).error ?? '', /exactly one numeric column/);
    const timed = table(
      [
        { name: 'time', type: 'time' },
        { name: 'v', type: 'number' },
      ],
      [[0, 1]]
    );
    assert.match(evaluateRule(onTime, { A: timed }).error ?? '', /no time column/);
    const dup = table(
      [
        { name: 'department', type: 'string' },
        { name: 'v', type: 'number' },
      ],
      [
        ['waste', 1],
        ['waste', 2],
      ]
    );
    assert.match(evaluateRule(onTime, { A: dup }).error ?? '', /same labels/);
  });

  test('applies the no-data state when the query returns no row, and no data for a null value', () => {
    const empty = table(
      [
        { name: 'department', type: 'string' },
        { name: 'v', type: 'number' },
      ],
      []
    );
    assert.equal(evaluateRule(onTime, { A: empty }).state, 'Normal'); // noDataState: OK
    const silent = rule('s360-ingestion-silent');
    assert.equal(evaluateRule(silent, { A: table([{ name: 'm', type: 'number' }], []) }).state, 'Alerting'); // noDataState: Alerting
    const nulls = evaluateRule(onTime, {
      A: table(
        [
          { name: 'department', type: 'string' },
          { name: 'v', type: 'number' },
        ],
        [['waste', null]]
      ),
    });
    assert.equal(nulls.instances[0].state, 'NoData');
  });

  test('reduces a time series as provisioned (last) before the threshold', () => {
    const series: ProvisionedRule = {
      ...onTime,
      data: onTime.data.map((d) => (d.refId === 'A' ? { ...d, model: { ...d.model, format: 'time_series' } } : d)),
    };
    const result = table(
      [
        { name: 'time', type: 'time' },
        { name: 'department', type: 'string' },
        { name: 'v', type: 'number' },
      ],
      [
        [2, 'waste', 95],
        [1, 'waste', 50],
        [1, 'parks', 95],
        [2, 'parks', 50],
      ]
    );
    assert.deepEqual(firing(evaluateRule(series, { A: result }), 'department'), ['parks']);
  });
});
