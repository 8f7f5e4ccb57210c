// The security sweep: every route the app serves (found by walking its router, so a new route is swept
// without editing this file), every path parameter, every documented query and header parameter, every
// JSON body field (nested, plus injected keys) and every form field, tried with SQL-injection strings and
// wrong shapes, with a token holding every scope so the handlers really run. Each answer must be a 2xx,
// 3xx or 4xx (never 500 or 503) without SQL, database or stack text; the guarded tables must be unchanged.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import type { Express } from 'express';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { listAppRoutes, type AppRoute } from '../../backend/openapi/app-routes.ts';

type Json = Record<string, any>;

/** value: what the server should see; raw: put into a URL as it stands (not percent-encoded). */
const PAYLOADS: Array<{ name: string; value: string; raw?: boolean }> = [
  { name: 'or-true', value: "' OR 1=1 --" },
  { name: 'drop-table', value: "'; DROP TABLE requests; --" },
  { name: 'union', value: '1 UNION SELECT token_hash FROM api_tokens' },
  { name: 'percent-27', value: '%27' },
  { name: 'percent-27-raw', value: '%27', raw: true },
  { name: 'backslash-quote', value: "\\'" },
  { name: 'placeholder', value: '$1' },
  { name: 'dollar-quote', value: '$$ OR $$1$$=$$1' },
  { name: 'comment-stack', value: "1'/**/OR/**/'1'='1'; SELECT pg_sleep(0); --" },
  { name: 'long', value: `'${'A'.repeat(4000)}' OR ''='` },
  { name: 'nul', value: 'a\u0000b' },
  { name: 'nul-raw', value: 'a%00b', raw: true },
  { name: 'unicode-quotes', value: '\u2019 OR \u20181\u2019=\u20181 \u201c--\u201d \uff07' },
  { name: 'lone-surrogate', value: 'x\ud800y' },
  { name: 'bad-utf8-raw', value: 'x%ED%A0%80%FFy', raw: true },
];
/** Wrong shapes where a string (or number) is expected in a JSON body. */
const SHAPES: Array<{ name: string; value: unknown }> = [
  { name: 'array', value: ["' OR 1=1 --", 1] },
  { name: 'object', value: { $gt: '', toString: "'; DROP TABLE requests; --" } },
  { name: 'number', value: -1e308 },
  { name: 'boolean', value: true },
  { name: 'null', value: null },
  { name: 'nested-array', value: [[[[['1 UNION SELECT token_hash FROM api_tokens']]]]] },
];
const LEAK =
  /syntax error|pg_|at .*\.ts:|SELECT |relation "|column "|invalid input syntax|violates|duplicate key|unterminated/i;
/** Tables the sweep must never change (compared row by row). */
const GUARDED = [
  'api_tokens',
  'zones',
  'zone_parts',
  'zone_population',
  'channels',
  'categories',
  'topics',
  'departments',
  'statuses',
  'stages',
  'calendars',
  'holidays',
  'sla_policies',
  'advisors',
  'annotations',
  'schema_migrations',
];
/** Tables ingestion and audited reads may grow, never shrink. */
const GROW_ONLY = ['requests', 'request_events', 'customers', 'audit_log', 'rollup_pending'];

let agg: TestAggregator;
let doc: Json;
let routes: AppRoute[];
let sentinelMaxId: number;
let snapshotBefore: Snapshot;
let swept = 0;

type Snapshot = {
  tables: number;
  checksums: Record<string, string>;
  counts: Record<string, number>;
  sentinels: string;
};

async function snapshot(): Promise<Snapshot> {
  const db = agg.db.pool;
  const tables = (await db.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0].n;
  const checksums: Record<string, string> = {};
  for (const t of GUARDED) {
    checksums[t] = (
      await db.query(
        `SELECT count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS c FROM ${t} x`
      )
    ).rows[0].c;
  }
  const counts: Record<string, number> = {};
  for (const t of GROW_ONLY) {
    counts[t] = (await db.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
  }
  // The requests made before the sweep that it never addresses: not one of their fields may change.
  const sentinels = (
    await db.query(
      `SELECT md5(string_agg(r::text, '|' ORDER BY r.id)) AS c FROM requests r WHERE r.id BETWEEN 2 AND $1`,
      [sentinelMaxId]
    )
  ).rows[0].c;
  return { tables, checksums, counts, sentinels };
}

async function assertUnchanged(where: string) {
  const now = await snapshot();
  assert.equal(now.tables, snapshotBefore.tables, `${where}: the number of tables changed`);
  assert.deepEqual(now.checksums, snapshotBefore.checksums, `${where}: a guarded table changed`);
  for (const t of GROW_ONLY) {
    assert.ok(now.counts[t] >= snapshotBefore.counts[t], `${where}: ${t} lost rows`);
  }
  assert.equal(now.sentinels, snapshotBefore.sentinels, `${where}: requests the sweep never addressed changed`);
}

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  await agg.db.pool.query(
    `INSERT INTO advisors (code, name, department_code) VALUES ('W-01', 'Amna Al Suwaidi', 'waste')`
  );
  await agg.db.pool.query(
    `INSERT INTO annotations (kind, title_en, title_ar, starts_at) VALUES ('incident', 'Storm', 'عاصفة', now() - interval '2 days')`
  );
  // Request 1 is the documented example id (the sweep writes events to it), and the documented example source and
  // external_id (GET /v1/requests?source=&external_id=); 2..6 are sentinels.
  for (let i = 0; i < 6; i++) {
    const res = await agg.call(
      'POST',
      '/v1/requests',
      sampleRequest({
        source: 'whatsapp-bot',
        external_id: i === 0 ? 'WA-2026-000123' : `sweep-${i}`,
        created_at: new Date(Date.now() - 3600_000).toISOString(),
      })
    );
    assert.equal(res.status, 201, res.text);
  }
  sentinelMaxId = 6;
  doc = (await agg.call('GET', '/v1/openapi.json', undefined, null)).body;
  routes = listAppRoutes(agg.server.server.listeners('request')[0] as unknown as Express);
  snapshotBefore = await snapshot();
});
afterAll(async () => {
  await agg?.stop();
});

// ---- the document: what each route takes ----------------------------------------------------------

function resolve(node: Json): Json {
  let n = node;
  while (n && typeof n.$ref === 'string') {
    n = n.$ref
      .slice(2)
      .split('/')
      .map((s: string) => s.replace(/~1/g, '/'))
      .reduce((o: Json, k: string) => o?.[k], doc);
  }
  return n;
}

type Operation = { path: string; op: Json; params: Json[]; query: string };

function documentedOperation(route: AppRoute): Operation | undefined {
  for (const [path, raw] of Object.entries(doc.paths as Json)) {
    const item = resolve(raw);
    const op = item[route.method.toLowerCase()];
    if (!op) {
      continue;
    }
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
    const url = path.replace(/\{([^}]+)\}/g, (_, name) =>
      encodeURIComponent(String(params.find((p) => p.in === 'path' && p.name === name)?.example ?? '1'))
    );
    // Required query parameters take their documented examples, so the baseline call can succeed.
    const required = params
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => `${p.name}=${encodeURIComponent(String(p.example ?? '1'))}`);
    if (route.matches(url)) {
      return { path: url, op, params, query: required.length ? `?${required.join('&')}` : '' };
    }
  }
  return undefined;
}

// ---- building calls ----------------------------------------------------------------------------

type Call = {
  what: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  sent: string[];
};

/** In a URL: as it stands when raw; else percent-encoded (a lone surrogate, which has no UTF-8, as the bytes of U+FFFD). */
const enc = (p: { value: string; raw?: boolean }) =>
  p.raw ? p.value : encodeURIComponent(p.value.replace(/[\ud800-\udfff]/g, '\ufffd'));
const query = (pairs: Array<[string, string]>) =>
  pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '';

/** The route's URL with each `:name` filled from `values` (already encoded). */
function fill(route: AppRoute, values: Record<string, string>): string {
  assert.ok(
    !/[*{}?()]/.test(route.path),
    `${route.path}: the sweep fills only plain :name parameters; extend it for this pattern`
  );
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name) => values[name]);
}

/** Every leaf and object of a JSON value, as paths (["requests", 0, "location", "lat"]). */
function paths(
  value: unknown,
  at: Array<string | number> = []
): Array<{ path: Array<string | number>; isObject: boolean }> {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => paths(v, [...at, i]));
  }
  if (value && typeof value === 'object') {
    return [{ path: at, isObject: true }, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  }
  return [{ path: at, isObject: false }];
}

function replaced(value: unknown, path: Array<string | number>, next: unknown): unknown {
  if (!path.length) {
    return next;
  }
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[path[0]] = replaced(copy[path[0]], path.slice(1), next);
  return copy;
}

/** Fields the documented schema allows but the example leaves out (so they are swept too). */
function missingFields(
  schema: Json | undefined,
  example: unknown,
  at: Array<string | number> = []
): Array<Array<string | number>> {
  const s = schema ? resolve(schema) : undefined;
  const out: Array<Array<string | number>> = [];
  if (s?.properties && example && typeof example === 'object' && !Array.isArray(example)) {
    for (const [k, sub] of Object.entries(s.properties as Json)) {
      if (!(k in example)) {
        out.push([...at, k]);
      } else {
        out.push(...missingFields(sub as Json, (example as Json)[k], [...at, k]));
      }
    }
  }
  if (s?.items && Array.isArray(example) && example.length) {
    out.push(...missingFields(s.items, example[0], [...at, 0]));
  }
  return out;
}

let seq = 0;
/**
 * The body with each idempotency key made unique (unless it is the field under test), so that a call
 * with a payload in a free-text field really writes it (and later reads return it) instead of being
 * answered as a resubmission.
 */
function freshIds<T>(value: T, keep: string): T {
  const walk = (v: unknown, at: string): unknown => {
    if (Array.isArray(v)) {
      return v.map((x, i) => walk(x, `${at}.${i}`));
    }
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => {
          const here = at ? `${at}.${k}` : k;
          const isKey = k === 'external_id' || k === 'attribute[external_id]';
          return [k, isKey && typeof x === 'string' && here !== keep ? `${x}-${++seq}` : walk(x, here)];
        })
      );
    }
    return v;
  };
  return walk(value, '') as T;
}

function callsFor(route: AppRoute, token: string): Call[] {
  const documented = documentedOperation(route);
  const baseUrl = documented?.path ?? fill(route, new Proxy({}, { get: () => '1' }));
  const method = route.method;
  const auth = { authorization: `Bearer ${token}` };
  const calls: Call[] = [];
  const at = (what: string, url: string, sent: string[], extra: Partial<Call> = {}) =>
    calls.push({ what, method, url, headers: { ...auth, ...(extra.headers ?? {}) }, body: extra.body, sent });

  // Baseline body (so that one bad field at a time reaches the handler's deeper checks).
  const content = documented?.op.requestBody ? resolve(documented.op.requestBody).content : undefined;
  const jsonExample = content?.['application/json']?.example;
  const formExample = content?.['application/x-www-form-urlencoded']?.example as Record<string, string> | undefined;
  const formBase = formExample
    ? { ...formExample, ...('api_key' in formExample ? { api_key: token } : {}) }
    : undefined;
  const bodyOf = (): Partial<Call> => {
    if (jsonExample !== undefined) {
      return { body: JSON.stringify(jsonExample), headers: { 'content-type': 'application/json' } };
    }
    if (formBase) {
      return {
        body: new URLSearchParams(formBase).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      };
    }
    return {};
  };

  // 0. The baseline, unchanged: it must succeed, so that each variant below differs from a working call in one spot.
  at('baseline', baseUrl + (documented?.query ?? ''), [], bodyOf());

  // 1. Path parameters: the payload alone, after and before the valid value.
  const names = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
  const baseValues: Record<string, string> = {};
  for (const n of names) {
    // The documented example's segment at the parameter's place (e.g. 1752.mvt for :y), else "1".
    const segment = route.path.split('/').indexOf(`:${n}`);
    baseValues[n] = documented ? (baseUrl.split('/')[segment] ?? '1') : '1';
  }
  for (const n of names) {
    for (const p of PAYLOADS) {
      for (const [label, v] of [
        ['', enc(p)],
        [' after the valid value', baseValues[n] + enc(p)],
        [' before the valid value', enc(p) + baseValues[n]],
      ]) {
        at(`path :${n} = ${p.name}${label}`, fill(route, { ...baseValues, [n]: v }), [p.value], bodyOf());
      }
    }
  }

  // 2. Query parameters (documented ones, each alone; repeated; and unknown names).
  const base = fill(route, baseValues);
  const queryNames = (documented?.params ?? []).filter((p) => p.in === 'query').map((p) => p.name as string);
  for (const name of queryNames) {
    for (const p of PAYLOADS) {
      at(`query ${name} = ${p.name}`, base + query([[name, enc(p)]]), [p.value], bodyOf());
    }
    at(
      `query ${name} repeated`,
      base +
        query([
          [name, enc(PAYLOADS[0])],
          [name, enc(PAYLOADS[2])],
        ]),
      [PAYLOADS[0].value, PAYLOADS[2].value],
      bodyOf()
    );
    at(
      `query ${name}[] bracketed`,
      base +
        query([
          [`${name}[]`, enc(PAYLOADS[1])],
          [`${name}[x]`, enc(PAYLOADS[2])],
        ]),
      [PAYLOADS[1].value, PAYLOADS[2].value],
      bodyOf()
    );
  }
  for (const p of PAYLOADS) {
    at(`query name = ${p.name}`, base + query([[enc(p), enc(p)]]), [p.value], bodyOf());
  }

  // 3. Header parameters (only what a header can carry: printable ASCII).
  for (const h of (documented?.params ?? []).filter((x) => x.in === 'header')) {
    for (const p of PAYLOADS.filter((x) => /^[\x20-\x7e]*$/.test(x.value) && !x.raw)) {
      const b = bodyOf();
      at(`header ${h.name} = ${p.name}`, base, [p.value], {
        ...b,
        headers: { ...(b.headers ?? {}), [h.name]: p.value },
      });
    }
  }

  // 4. JSON body: every leaf and object replaced by each payload and each wrong shape; an injected key at each object.
  if (jsonExample !== undefined) {
    for (const { path, isObject } of paths(jsonExample)) {
      const where = path.join('.') || '(body)';
      const json = (value: unknown) => ({
        body: JSON.stringify(freshIds(value, where)),
        headers: { 'content-type': 'application/json' },
      });
      for (const p of PAYLOADS.filter((x) => !x.raw)) {
        at(`json ${where} = ${p.name}`, base, [p.value], json(replaced(jsonExample, path, p.value)));
      }
      for (const s of SHAPES) {
        at(`json ${where} = ${s.name}`, base, [], json(replaced(jsonExample, path, s.value)));
      }
      if (isObject) {
        for (const p of [PAYLOADS[0], PAYLOADS[2], { name: '__proto__', value: '__proto__' }]) {
          const target = path.reduce((o: any, k) => o[k], jsonExample);
          at(
            `json ${where} key ${p.name}`,
            base,
            [p.value],
            json(replaced(jsonExample, path, { ...target, [p.value]: "' OR 1=1 --" }))
          );
        }
      }
    }
    for (const path of missingFields(content['application/json'].schema, jsonExample)) {
      const where = path.join('.');
      const json = (value: unknown) => ({
        body: JSON.stringify(freshIds(value, where)),
        headers: { 'content-type': 'application/json' },
      });
      for (const p of PAYLOADS.filter((x) => !x.raw)) {
        at(`json ${where} (added) = ${p.name}`, base, [p.value], json(replaced(jsonExample, path, p.value)));
      }
      for (const sh of SHAPES) {
        at(`json ${where} (added) = ${sh.name}`, base, [], json(replaced(jsonExample, path, sh.value)));
      }
    }
    // The same fields form-encoded (the app also parses forms): top-level scalars as text.
    const flat = Object.fromEntries(
      Object.entries(jsonExample as Json)
        .filter(([, v]) => typeof v !== 'object')
        .map(([k, v]) => [k, String(v)])
    );
    for (const field of Object.keys(flat)) {
      for (const p of [PAYLOADS[0], PAYLOADS[2], PAYLOADS[10]]) {
        at(`form ${field} = ${p.name}`, base, [p.value], {
          body: new URLSearchParams({ ...flat, [field]: p.value }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      }
    }
  }

  // 5. Form body: every field (api_key included), repeated fields, and an injected field name.
  if (formBase) {
    const entries = Object.entries(formBase);
    const schemaFields = Object.keys(resolve(content['application/x-www-form-urlencoded'].schema)?.properties ?? {});
    for (const field of [...new Set([...entries.map(([k]) => k), ...schemaFields])]) {
      const form = (fields: Array<[string, string]>) => ({
        body: new URLSearchParams(
          fields.map(([k, v]) => [k, k === 'attribute[external_id]' && field !== k ? `${v}-${++seq}` : v])
        ).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      for (const p of PAYLOADS.filter((x) => !x.raw)) {
        const fields: Array<[string, string]> =
          field in formBase ? entries.map(([k, v]) => [k, k === field ? p.value : v]) : [...entries, [field, p.value]];
        at(`form ${field} = ${p.name}`, base, [p.value], form(fields));
      }
      at(
        `form ${field} repeated`,
        base,
        [PAYLOADS[0].value],
        form([...entries, [field, PAYLOADS[0].value], [field, PAYLOADS[2].value]])
      );
    }
    const form = (fields: Array<[string, string]>) => ({
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    for (const p of [PAYLOADS[0], PAYLOADS[2]]) {
      at(
        `form name = ${p.name}`,
        base,
        [p.value],
        form([...entries, [p.value, p.value], [`attribute[${p.value}]`, 'x']])
      );
    }
  }
  return calls;
}

// ---- judging answers ---------------------------------------------------------------------------

const ALL_SENT = PAYLOADS.map((p) => p.value).concat(
  SHAPES.flatMap((s) => JSON.stringify(s.value).match(/[^"[\]{}]{6,}/g) ?? [])
);

/** Removes what the client itself sent (echoed in a message, whole or cut) so that only the server's own words remain. */
function scrub(text: string, sent: string[]): string {
  let out = text;
  for (const s of [...sent, ...ALL_SENT]) {
    for (let len = Math.min(s.length, 120); len >= 8; len--) {
      const piece = s.slice(0, len);
      if (out.includes(piece)) {
        out = out.split(piece).join(' ');
      }
    }
  }
  return out;
}

function wordsOf(text: string, contentType: string): string {
  if (/json/.test(contentType)) {
    try {
      const strings: string[] = [];
      (function walk(v: unknown) {
        if (typeof v === 'string') {
          strings.push(v);
        } else if (Array.isArray(v)) {
          v.forEach(walk);
        } else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            strings.push(k);
            walk(x);
          }
        }
      })(JSON.parse(text));
      return strings.join('\n');
    } catch {
      /* not JSON after all */
    }
  }
  return text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

async function run(call: Call): Promise<{ status: number; problem: string | null }> {
  const res = await fetch(agg.url + call.url, { method: call.method, headers: call.headers, body: call.body });
  const text = res.status === 204 || res.status === 304 ? '' : Buffer.from(await res.arrayBuffer()).toString('utf8');
  const fail = (why: string) => ({
    status: res.status,
    problem: `${call.what}: ${res.status} ${why}: ${text.slice(0, 300)}`,
  });
  if (res.status >= 500) {
    return fail('server error');
  }
  if (call.what === 'baseline' && res.status >= 400) {
    return fail('the baseline call must succeed');
  }
  // The token holds every scope: a 401 means the call never reached the handler (an api_key field injected is a 403).
  if (res.status === 401) {
    return fail('not authorised, so the handler never ran');
  }
  const type = res.headers.get('content-type') ?? '';
  if (/vnd\.mapbox-vector-tile/.test(type)) {
    return { status: res.status, problem: null };
  }
  const words = wordsOf(text, type);
  const leak = LEAK.test(words) ? LEAK.exec(scrub(words, call.sent)) : null;
  return {
    status: res.status,
    problem: leak ? `${call.what}: ${res.status} shows "${leak[0]}": ${text.slice(0, 300)}` : null,
  };
}

// ---- the sweep ---------------------------------------------------------------------------------

describe('SQL-injection strings on every parameter of every route', () => {
  test("the route walk found the app's routes (new routes are swept without editing this file)", () => {
    assert.ok(routes.length >= 30, String(routes.length));
    for (const p of [
      'POST /v1/requests',
      'POST /open311/v2/requests',
      'GET /v1/tiles/requests/:z/:x/:y',
      'GET /readyz',
    ]) {
      assert.ok(
        routes.some((r) => `${r.method} ${r.path}` === p),
        p
      );
    }
  });

  test('the checks have teeth: an answer with SQL or a stack, or a 500, is caught', () => {
    assert.ok(LEAK.test(scrub('syntax error at or near "OR"', [PAYLOADS[0].value])));
    assert.ok(LEAK.test(scrub('at handler (/work/main/backend/routes/query.ts:12:5)', [])));
    assert.equal(
      LEAK.test(
        scrub(wordsOf(JSON.stringify({ error: `unknown zone "${PAYLOADS[2].value}"` }), 'application/json'), [
          PAYLOADS[2].value,
        ])
      ),
      false
    );
    assert.equal(LEAK.test(scrub(`unknown zone "${PAYLOADS[2].value.slice(0, 20)}…"`, [PAYLOADS[2].value])), false);
  });

  test("a NUL character (which PostgreSQL text cannot hold) is a 400 naming where it is, in each API's error shape", async () => {
    const json = await agg.call('POST', '/v1/requests', sampleRequest({ description: 'bin\u0000full' }));
    assert.equal(json.status, 400, json.text);
    assert.deepEqual(json.body.details, [{ path: 'description', message: 'must not contain NUL characters' }]);
    const nested = await agg.call('POST', '/v1/requests/batch', {
      requests: [sampleRequest(), sampleRequest({ customer: { name: 'a\u0000' } })],
    });
    assert.deepEqual(nested.body.details, [
      { path: 'requests[1].customer.name', message: 'must not contain NUL characters' },
    ]);
    const query = await agg.call('GET', '/v1/zones/stats?zone=a%00b');
    assert.deepEqual(
      [query.status, query.body.details],
      [400, [{ path: 'query.zone', message: 'must not contain NUL characters' }]]
    );
    const path = await agg.call('GET', '/v1/requests/1%00');
    assert.deepEqual(
      [path.status, path.body.details],
      [400, [{ path: 'path', message: 'must not contain NUL characters' }]]
    );
    const open311 = await agg.call(
      'POST',
      '/open311/v2/requests.json',
      new URLSearchParams({
        api_key: agg.tokens.all,
        service_code: 'waste.overflowing_bin',
        lat: '25.15',
        long: '55.15',
        description: 'x\u0000',
      }).toString(),
      null,
      { 'content-type': 'application/x-www-form-urlencoded' }
    );
    assert.equal(open311.status, 400);
    assert.deepEqual(open311.body, [{ code: 400, description: 'description: must not contain NUL characters' }]);
    await assertUnchanged('NUL checks');
  });

  // The routes are read from the running app (in beforeAll), after jest has collected its tests: one test walks
  // them, and every message names the route.
  test('every route: only 2xx/3xx/4xx, no SQL, database or stack text, nothing guarded changed', async () => {
    for (const route of routes) {
      const calls = callsFor(route, agg.tokens.all);
      assert.ok(calls.length > 1, `${route.method} ${route.path}`);
      const problems: string[] = [];
      const statuses = new Map<number, number>();
      for (let i = 0; i < calls.length; i += 4) {
        for (const r of await Promise.all(calls.slice(i, i + 4).map(run))) {
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.problem) {
            problems.push(r.problem);
          }
        }
      }
      swept += calls.length;
      console.info(
        `${route.method} ${route.path}: ${calls.length} calls: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([k, v]) => `${v}×${k}`)
          .join(', ')}`
      );
      assert.deepEqual(
        problems.slice(0, 20),
        [],
        `${route.method} ${route.path}: ${problems.length} of ${calls.length} calls failed`
      );
      await assertUnchanged(`${route.method} ${route.path}`);
    }
  });

  test("the database still answers every route's reads afterwards and the tokens still work", async () => {
    console.info(`${swept} calls on ${routes.length} routes`);
    assert.ok(swept > 1000, String(swept));
    assert.equal((await agg.call('GET', '/v1/whoami')).status, 200);
    assert.equal((await agg.call('GET', '/readyz', undefined, null)).status, 200);
    const rows = (await agg.db.pool.query('SELECT count(*)::int AS n FROM requests')).rows[0].n;
    assert.ok(rows >= sentinelMaxId);
    await assertUnchanged('after the sweep');
  });
});
