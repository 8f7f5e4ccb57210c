// The provisioned dashboards (provisioning/dashboards/services360/*.json): generated from their typed builders,
// self-contained panels (own datasource, full query, no dependency on another panel), every datasource uid
// provisioned, and every query of the Services 360 datasource — turned into POST /v1/query bodies by the
// datasource's own pure builder, variables at All — accepted by a real aggregator on PostGIS with a month of the
// demo city, answering at least one frame with data that fits its panel (a stat gets a number, a time series
// gets time and numbers, the map gets zone codes and numbers...). Request queries (the journey dashboard) ask
// GET /v1/requests/{reference} the way the datasource does and must give the request and journey frames.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { loadDatasources, type ProvisionedDatasource } from '../host/server/provisioning.ts';
import { buildQueryBodies, type QueryBody } from '../../src/datasource/query/build-request.ts';
import type { TemplateReplacer } from '../../src/datasource/query/interpolate.ts';
import { migrateQuery } from '../../src/datasource/migrations.ts';
import { requestLookup } from '../../src/datasource/request/request-query.ts';
import { requestFrames } from '../../src/datasource/request/request-frames.ts';
import type { S360Query } from '../../src/datasource/types.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';
import { runForecasts } from '../../backend/forecast/run.ts';
import { loadConfig } from '../../backend/config.ts';
import { EDITIONS, LANGUAGES } from '../../provisioning/generate/language.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const DASHBOARD_DIR = join(ROOT, 'provisioning/dashboards/services360');
const S360_TYPE = 'services360-requests-datasource';
const MAP = 'services360-zonemap-panel';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Target = S360Query & { datasource?: { uid?: string; type?: string } };
type Panel = {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { uid?: string; type?: string };
  targets?: Target[];
  timeFrom?: string;
  interval?: string;
  options?: Record<string, any>;
  fieldConfig?: {
    defaults?: Record<string, any>;
    overrides?: Array<{ matcher: { id: string; options: string }; properties: unknown[] }>;
  };
  transformations?: Array<{ id: string; options: Record<string, any> }>;
  libraryPanel?: unknown;
  links?: unknown[];
  panels?: Panel[];
};
type Dashboard = {
  uid: string;
  title: string;
  refresh: string;
  time: { from: string; to: string };
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; datasource?: { uid?: string }; query?: unknown }> };
  annotations?: { list?: Array<{ datasource?: { uid?: string } }> };
};
type WireFrame = { name?: string; refId?: string; fields: Array<{ name: string; type: string; values: unknown[] }> };

// Node's fs builds its arrays in Node's realm; under jest (a vm context) a strict deepEqual with a literal fails on
// the prototype alone, so the list is read into this realm's.
const FILES = [...readdirSync(DASHBOARD_DIR)].filter((f) => f.endsWith('.json')).sort();
const DASHBOARDS: Array<{ file: string; d: Dashboard }> = FILES.map((file) => ({
  file,
  d: JSON.parse(readFileSync(join(DASHBOARD_DIR, file), 'utf8')),
}));
const DATASOURCES: ProvisionedDatasource[] = loadDatasources([join(ROOT, 'provisioning')], {});
const panelsOf = (d: Dashboard): Panel[] => d.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
const queryPanels = () =>
  DASHBOARDS.flatMap(({ d }) =>
    panelsOf(d)
      .filter((p) => p.targets?.length)
      .map((p) => ({ d, p }))
  );

describe('the provisioned dashboards', () => {
  test('are exactly what their typed builders generate (npm run dashboards)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'provisioning/generate/main.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
    assert.match(run.stdout, /14 dashboards \(en, ar\) and 2 playlists match/);
  });

  test('are the seven of the command centre, with unique uids, in the provider folder "Services 360" (the Arabic copies in their own)', () => {
    assert.deepEqual(DASHBOARDS.map(({ d }) => d.uid).sort(), [
      's360-categories',
      's360-channels',
      's360-executive',
      's360-journey',
      's360-proactive',
      's360-sla',
      's360-zones',
    ]);
    const provider = parse(readFileSync(join(ROOT, 'provisioning/dashboards/services360.yaml'), 'utf8'));
    assert.equal(provider.apiVersion, 1);
    assert.equal(EDITIONS.en.folder, 'Services 360');
    // One provider per language, its folder and path those the generator writes to (provisioning/generate/language.ts).
    assert.deepEqual(
      provider.providers.map((p: { folder: string; options: { path: string } }) => [p.folder, p.options.path]),
      LANGUAGES.map((lang) => [EDITIONS[lang].folder, `\${GF_PATHS_PROVISIONING}/dashboards/${EDITIONS[lang].dir}`])
    );
    assert.equal(
      new Set(provider.providers.map((p: { name: string }) => p.name)).size,
      provider.providers.length,
      'provider names are unique'
    );
  });

  test('refresh every 10 s on the wall screen (executive overview) and every 30 s elsewhere', () => {
    for (const { d } of DASHBOARDS) {
      assert.equal(d.refresh, d.uid === 's360-executive' ? '10s' : '30s', d.uid);
    }
  });

  test('have the zone, channel, category, department and language variables on our datasource; the journey a reference box', () => {
    for (const { d } of DASHBOARDS) {
      const vars = new Map(d.templating.list.map((v) => [v.name, v]));
      assert.equal(vars.get('language')?.type, 'custom', d.uid);
      if (d.uid === 's360-journey') {
        assert.equal(vars.get('reference')?.type, 'textbox');
        continue;
      }
      for (const name of ['zone', 'channel', 'category', 'department']) {
        const v = vars.get(name);
        assert.equal(v?.type, 'query', `${d.uid} $${name}`);
        assert.equal(v?.datasource?.uid, 'services360-requests', `${d.uid} $${name}`);
        assert.equal((v?.query as { dimension?: string }).dimension, name);
      }
    }
  });

  test('lay out panels inside the 24-column grid, with unique ids per dashboard', () => {
    for (const { d } of DASHBOARDS) {
      const ids = panelsOf(d).map((p) => p.id);
      assert.equal(new Set(ids).size, ids.length, `${d.uid}: duplicate panel id`);
      for (const p of panelsOf(d)) {
        assert.ok(
          p.gridPos.x >= 0 && p.gridPos.x + p.gridPos.w <= 24 && p.gridPos.h > 0,
          `${d.uid} panel ${p.id} ${JSON.stringify(p.gridPos)}`
        );
      }
    }
  });

  test('every panel is self-contained: its own provisioned datasource and full queries, nothing borrowed from another panel', () => {
    const uids = new Set(DATASOURCES.map((ds) => ds.uid));
    for (const { d, p } of queryPanels()) {
      const where = `${d.uid} panel ${p.id} "${p.title}"`;
      assert.ok(
        p.datasource?.uid && uids.has(p.datasource.uid),
        `${where}: datasource ${p.datasource?.uid} is provisioned`
      );
      assert.equal(p.datasource?.type, S360_TYPE, where);
      for (const t of p.targets!) {
        assert.equal(
          t.datasource?.uid,
          p.datasource!.uid,
          `${where} ${t.refId}: the query names the panel's datasource`
        );
        if (t.queryType === 'request') {
          assert.ok(
            typeof t.reference === 'string' && t.reference,
            `${where} ${t.refId}: a request query names its reference`
          );
        } else {
          assert.ok(t.metric && Array.isArray(t.groupBy) && t.filters && t.format, `${where} ${t.refId}: a full query`);
        }
      }
      assert.equal(p.libraryPanel, undefined, where);
      if (p.type === MAP) {
        assert.equal(
          p.options?.datasourceUid,
          p.datasource?.uid,
          `${where}: the map reads zones through its own datasource`
        );
      }
    }
    for (const { d } of DASHBOARDS) {
      const text = JSON.stringify(d);
      assert.doesNotMatch(
        text,
        /-- Dashboard --|-- Mixed --|"panelId"|viewPanel=/,
        `${d.uid}: no panel depends on another`
      );
      const defined = new Set(d.templating.list.map((v) => v.name));
      for (const [, name] of text.matchAll(/\$\{?(\w+)/g)) {
        if (!name.startsWith('__')) {
          assert.ok(defined.has(name), `${d.uid} uses $${name}, which it does not define`);
        }
      }
      for (const a of d.annotations?.list ?? []) {
        assert.ok(a.datasource?.uid && uids.has(a.datasource.uid), `${d.uid}: annotation datasource`);
      }
    }
  });

  test('personal data only on the journey dashboard, only through the PII datasource', () => {
    for (const { d } of DASHBOARDS) {
      const usesPii = JSON.stringify(d).includes('services360-requests-pii');
      assert.equal(usesPii, d.uid === 's360-journey', d.uid);
    }
    const journey = DASHBOARDS.find(({ d }) => d.uid === 's360-journey')!.d;
    const tables = panelsOf(journey).filter((p) => p.type === 'table');
    assert.deepEqual(
      tables.map((p) => p.options?.frameIndex),
      [0, 1],
      'a table of the request (frame 0) and one of its journey (frame 1)'
    );
    for (const p of panelsOf(journey)) {
      assert.equal(p.datasource?.uid, 'services360-requests-pii', `journey panel ${p.id}`);
      for (const t of p.targets ?? []) {
        assert.deepEqual(
          [t.queryType, t.reference, t.language],
          ['request', '$reference', '$language'],
          `journey panel ${p.id} ${t.refId}`
        );
      }
    }
    const pii = DATASOURCES.find((ds) => ds.uid === 'services360-requests-pii')!;
    assert.equal(pii.secureJsonData.apiToken, '', 'the PII token comes from S360_PII_API_TOKEN (unset here)');
  });
});

// ---- against a real aggregator with the demo city ----

/** "Now" of the test: midday (UTC), so "today so far" holds half a day of requests whatever the clock says. */
const NOW = (() => {
  const today = Math.floor(Date.now() / DAY) * DAY;
  return Date.now() - today >= 12 * HOUR ? today + 12 * HOUR : today - 12 * HOUR;
})();

/** Grafana's relative times used by the dashboards: now, now-<n><unit>, now/d; a panel's timeFrom <n><unit> or now/d. */
function relative(text: string, now: number): number {
  if (text === 'now') {
    return now;
  }
  if (text === 'now/d') {
    return Math.floor(now / DAY) * DAY;
  } // the browser's day; the test runs in UTC
  const ahead = /^now\+(\d+)d\/d$/.exec(text); // the end of the n-th day ahead (the Proactive dashboard's range)
  if (ahead) {
    return Math.floor(now / DAY) * DAY + (Number(ahead[1]) + 1) * DAY;
  }
  const m = /^now-(\d+)([mhdw])$/.exec(text);
  if (!m) {
    throw new Error(`relative time "${text}" is not modelled by this test`);
  }
  return now - Number(m[1]) * { m: 60_000, h: HOUR, d: DAY, w: 7 * DAY }[m[2] as 'm' | 'h' | 'd' | 'w'];
}
function panelRange(d: Dashboard, p: Panel): { from: number; to: number } {
  if (p.timeFrom) {
    return { from: relative(p.timeFrom.startsWith('now') ? p.timeFrom : `now-${p.timeFrom}`, NOW), to: NOW };
  }
  return { from: relative(d.time.from, NOW), to: relative(d.time.to, NOW) };
}

/** Grafana's template service for a dashboard with every filter at All, the language English and `reference` set
 *  to a request of the demo city (chosen once the city is generated). */
const ALL_VARS = new Set(['zone', 'channel', 'category', 'department']);
let REFERENCE = '';
const allTemplates: TemplateReplacer = {
  replace(target = '') {
    return target.replace(
      /\$\{(\w+)(?::([\w-]+))?\}|\$(\w+)|\[\[(\w+)(?::([\w-]+))?\]\]/g,
      (whole, b, fmt, bare, br, brFmt) => {
        const name = b ?? bare ?? br;
        const format = fmt ?? brFmt;
        if (ALL_VARS.has(name)) {
          return format === 'text' ? 'All' : format === 'json' ? '["$__all"]' : '$__all';
        }
        if (name === 'language') {
          return format === 'json' ? '"en"' : format === 'text' ? 'English' : 'en';
        }
        if (name === 'reference' && REFERENCE) {
          return format === 'json' ? JSON.stringify(REFERENCE) : REFERENCE;
        }
        return whole;
      }
    );
  },
};

function bodiesFor(d: Dashboard, p: Panel): QueryBody[] {
  const range = panelRange(d, p);
  const maxDataPoints = Math.round((p.gridPos.w / 24) * 1800);
  const intervalMs = Math.max(60_000, Math.round((range.to - range.from) / maxDataPoints));
  const built = buildQueryBodies(
    {
      range: { from: range.from, to: range.to },
      intervalMs,
      maxDataPoints,
      scopedVars: {},
      targets: p.targets!.map((t) => migrateQuery(t)),
    },
    allTemplates,
    'en'
  );
  assert.deepEqual(built.errors, [], `${d.uid} panel ${p.id}: every query can be asked`);
  return built.bodies;
}

/** A request query as the datasource asks it (src/datasource/request), with the token of the panel's datasource. */
async function requestQueryFrames(t: Target, datasourceUid: string | undefined): Promise<WireFrame[]> {
  const lookup = requestLookup(migrateQuery(t), {}, allTemplates, 'en');
  assert.equal(
    lookup.kind,
    'ask',
    `request query ${t.refId}: a reference to ask for (${lookup.kind === 'notice' ? lookup.text : ''})`
  );
  if (lookup.kind !== 'ask') {
    return [];
  }
  const token = datasourceUid === 'services360-requests-pii' ? agg.tokens.pii : agg.tokens.read;
  const res = await agg.call('GET', `${lookup.path}?${lookup.params}`, undefined, token);
  assert.equal(res.status, 200, res.text);
  return requestFrames(res.body, t.refId, lookup.language) as WireFrame[];
}

const numbers = (f: WireFrame) => f.fields.filter((x) => x.type === 'number');
const hasNumber = (f: WireFrame) =>
  numbers(f).some((x) => x.values.some((v) => typeof v === 'number' && Number.isFinite(v)));
const field = (frames: WireFrame[], name: string) => frames.flatMap((f) => f.fields).find((x) => x.name === name);

/** What a panel of this type needs from its frames (Grafana's panels, and ours). */
function assertFits(where: string, p: Panel, byRef: Map<string, WireFrame[]>) {
  const all = [...byRef.values()].flat();
  switch (p.type) {
    case 'stat':
    case 'gauge':
    case 'bargauge':
    case 'piechart':
      assert.ok(all.some(hasNumber), `${where}: a number to show`);
      break;
    case 'timeseries':
      for (const f of all) {
        assert.ok(
          f.fields.some((x) => x.type === 'time'),
          `${where}: frame ${f.name} has a time field`
        );
        assert.ok(numbers(f).length >= 1, `${where}: frame ${f.name} has a number field`);
      }
      assert.ok(all.some(hasNumber), `${where}: some values`);
      break;
    case 'table': {
      // A table shows one frame: options.frameIndex (the request query answers the request, then its journey).
      const shown =
        typeof p.options?.frameIndex === 'number' && p.options.frameIndex > 0 ? [all[p.options.frameIndex]] : all;
      assert.ok(shown.every(Boolean), `${where}: frame ${p.options?.frameIndex} exists (${all.length} frames)`);
      assert.ok(
        shown.some((f) => f.fields.length > 0 && f.fields[0].values.length > 0),
        `${where}: rows`
      );
      break;
    }
    case 'barchart': {
      const x = p.options?.xField as string;
      assert.equal(field(all, x)?.type, 'string', `${where}: the x field ${x}`);
      assert.ok(all.some(hasNumber), `${where}: numbers to draw`);
      break;
    }
    case MAP: {
      const zones = p.options?.zones ?? {};
      const zoneFrames = zones.frame ? (byRef.get(zones.frame) ?? []) : all;
      const frame = zoneFrames.find((f) => f.fields.some((x) => x.name === 'zone_code'));
      assert.ok(frame, `${where}: a frame with zone codes`);
      const codes = frame!.fields.find((x) => x.name === 'zone_code')!;
      assert.equal(codes.type, 'string');
      assert.ok(codes.values.length > 50, `${where}: ${codes.values.length} zones with data`);
      const value = zones.valueField ? frame!.fields.find((x) => x.name === zones.valueField) : numbers(frame!)[0];
      assert.equal(value?.type, 'number', `${where}: the value field ${zones.valueField}`);
      if (p.options?.hotspots?.enabled && p.options.hotspots.source === 'frame') {
        const spots = byRef.get(p.options.hotspots.frame) ?? [];
        for (const name of ['lon', 'lat', 'count']) {
          assert.equal(field(spots, name)?.type, 'number', `${where}: hot spots ${name}`);
        }
        assert.ok(field(spots, 'count')!.values.length > 0, `${where}: some hot spots`);
      }
      break;
    }
    default:
      assert.fail(`${where}: panel type ${p.type} is not checked by this test`);
  }
}

/** Names the panel refers to (transformations, overrides, reduce fields) exist in its frames. */
function assertReferences(where: string, p: Panel, frames: WireFrame[]) {
  const names = new Set(frames.flatMap((f) => f.fields.map((x) => x.name)));
  for (const t of p.transformations ?? []) {
    if (t.id === 'organize') {
      for (const n of Object.keys(t.options.excludeByName ?? {})) {
        assert.ok(names.has(n), `${where}: organize hides ${n}, which no frame has`);
      }
    }
    if (t.id === 'sortBy') {
      for (const s of t.options.sort ?? []) {
        assert.ok(names.has(s.field), `${where}: sorts by ${s.field}, which no frame has`);
      }
    }
  }
  for (const o of p.fieldConfig?.overrides ?? []) {
    if (o.matcher.id === 'byName') {
      assert.ok(names.has(o.matcher.options), `${where}: override of ${o.matcher.options}, which no frame has`);
    }
  }
  const fields = p.options?.reduceOptions?.fields as string | undefined;
  if (fields && fields.startsWith('/')) {
    const re = new RegExp(fields.slice(1, fields.lastIndexOf('/')));
    assert.ok(
      [...names].some((n) => re.test(n)),
      `${where}: reduce fields ${fields} match no field`
    );
  }
}

/** Metrics that answer no rows on an ordinary day: the early warning (tests/integration/forecast.test.ts makes it fire). */
const MAY_BE_EMPTY = new Set(['running_above_forecast']);

let agg: TestAggregator;
describe('every query against the aggregator with the demo city', () => {
  beforeAll(async () => {
    agg = await startTestAggregator();
    const demo = spawnSync(
      process.execPath,
      [
        'bin/services360.js',
        'generate-demo',
        '--months',
        '1',
        '--seed',
        'dashboards',
        '--requests',
        '12000',
        '--end',
        new Date(NOW).toISOString(),
        '--quiet',
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: agg.db.url }, encoding: 'utf8' }
    );
    assert.equal(demo.status, 0, demo.stderr);
    await sweepSla(agg.db.pool, new Date());
    // "About to breach" is about the real next hour (the aggregator's clock), while the demo ends at NOW: which of
    // its requests fall due in the real next hour depends on the hour the test runs (none late in Dubai's evening,
    // when only round-the-clock policies run). One open request is made due in 20 minutes, as a live city has.
    const due = await agg.db.pool
      .query(`UPDATE requests SET resolution_due_at = now() + interval '20 minutes', sla_state = 'in_progress'
      WHERE id = (SELECT id FROM requests WHERE status IN ('assigned', 'in_progress') AND first_response_at IS NOT NULL ORDER BY id LIMIT 1)`);
    assert.equal(due.rowCount, 1);
    // The nightly fit the Proactive dashboard reads (its early warning is quiet on the demo's ordinary day).
    await runForecasts(agg.db.pool, loadConfig(), new Date(NOW), { force: true });
    const { rows } = await agg.db.pool.query(`SELECT r.reference FROM requests r WHERE r.customer_id IS NOT NULL
      AND (SELECT count(*) FROM request_events e WHERE e.request_id = r.id) >= 3 ORDER BY r.id LIMIT 1`);
    REFERENCE = rows[0].reference as string;
  });
  afterAll(async () => {
    await agg?.stop();
  });

  test('is accepted and answers frames with data that fit the panel', async () => {
    let checked = 0;
    for (const { d, p } of queryPanels()) {
      const where = `${d.uid} panel ${p.id} "${p.title}"`;
      const byRef = new Map<string, WireFrame[]>();
      for (const t of p.targets!.filter((x) => x.queryType === 'request')) {
        const frames = await requestQueryFrames(t, p.datasource?.uid);
        assert.equal(frames.length, 2, `${where} ${t.refId}: the request and its journey`);
        byRef.set(t.refId, frames);
        checked++;
      }
      for (const body of bodiesFor(d, p)) {
        const res = await agg.call('POST', '/v1/query', body, agg.tokens.read);
        assert.equal(res.status, 200, `${where}: ${res.text}`);
        for (const t of body.targets) {
          const frames = (res.body.results?.[t.refId]?.frames ?? []) as WireFrame[];
          assert.ok(frames.length >= 1, `${where} ${t.refId} (${t.metric}): at least one frame`);
          if (MAY_BE_EMPTY.has(t.metric)) {
            continue;
          }
          assert.ok(
            frames.some((f) => f.fields.some((x) => x.values.length > 0)),
            `${where} ${t.refId} (${t.metric}): some data`
          );
          assert.ok(frames.some(hasNumber), `${where} ${t.refId} (${t.metric}): some number`);
          byRef.set(t.refId, frames);
          checked++;
        }
      }
      if (p.targets!.every((t) => MAY_BE_EMPTY.has(t.metric))) {
        checked++;
        continue;
      }
      assertFits(where, p, byRef);
      assertReferences(where, p, [...byRef.values()].flat());
    }
    assert.ok(checked >= 40, `${checked} queries checked`);
  });

  test("the journey panels' request query returns the request and its journey in order; the customer unmasked only through the PII datasource", async () => {
    const journey = DASHBOARDS.find(({ d }) => d.uid === 's360-journey')!.d;
    const target = panelsOf(journey)[0].targets![0];
    const [request, events] = await requestQueryFrames(target, 'services360-requests-pii');
    const value = (f: WireFrame, name: string) => f.fields.find((x) => x.name === name)?.values;
    assert.deepEqual(value(request, 'reference'), [REFERENCE]);
    assert.deepEqual(value(request, 'customer_masked'), [false]);
    assert.ok(typeof value(request, 'status')?.[0] === 'string');
    const { rows } = await agg.db.pool.query(
      `SELECT e.kind, e.occurred_at FROM request_events e JOIN requests r ON r.id = e.request_id
      WHERE r.reference = $1 ORDER BY e.occurred_at, e.id`,
      [REFERENCE]
    );
    assert.ok(rows.length >= 3);
    assert.deepEqual(
      value(events, 'time'),
      rows.map((r) => (r.occurred_at as Date).toISOString()),
      'every event, in order'
    );
    assert.equal(events.fields[0].type, 'time');
    const [masked] = await requestQueryFrames(target, 'services360-requests');
    assert.deepEqual(value(masked, 'customer_masked'), [true], 'the plain read token sees the customer masked');
    assert.notDeepEqual(value(masked, 'customer_name'), value(request, 'customer_name'));
  });
});
