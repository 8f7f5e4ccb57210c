// A fuzz test driven by the OpenAPI document the aggregator serves: EVERY documented operation gets
// valid inputs (built from its schemas and examples) and invalid ones (a required field dropped, a wrong
// type, a hostile string — lone surrogate, NUL, impossible or out-of-range date, SQL, 5,000 characters —,
// a number out of range, an unknown or reserved key, deep nesting, a body of the wrong shape, hostile
// path and query values, no or a weaker token). Seeded (S360_FUZZ_SEED, default 17) and bounded
// (S360_FUZZ_CASES per operation, default 12). Every answer must be below 500, have a documented status
// and content type, and match its documented schema; a rejected write must leave requests,
// request_events and customers as they were; an input every route must refuse (a lone surrogate, NUL,
// a reserved key, nesting past the limit, an impossible date in a date field) must be refused.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { prng } from '../support/random.ts';

type Json = Record<string, any>;
type Rng = ReturnType<typeof prng>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

const SEED = Number(process.env.S360_FUZZ_SEED ?? 17);
const CASES = Number(process.env.S360_FUZZ_CASES ?? 12);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

let agg: TestAggregator;
let doc: Json;
let openRef: string;
let closedRef: string;

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  doc = (await agg.call('GET', '/v1/openapi.json', undefined, null)).body;
  openRef = (await agg.call('POST', '/v1/requests', sampleRequest({ created_at: undefined }))).body.reference;
  closedRef = (await agg.call('POST', '/v1/requests', sampleRequest({ created_at: undefined }))).body.reference;
  for (const status of ['assigned', 'in_progress', 'resolved', 'closed']) {
    assert.equal((await agg.call('POST', `/v1/requests/${closedRef}/events`, { status })).status, 201);
  }
});
afterAll(async () => {
  await agg?.stop();
});

function resolve(node: Json): Json {
  let n = node;
  for (let i = 0; n && typeof n.$ref === 'string' && i < 10; i++) {
    n = n.$ref
      .slice(2)
      .split('/')
      .reduce((o: Json, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return n;
}

// ---- valid values from schemas ------------------------------------------------------------------

const ISO_PATTERN = /^\^\\d\{4\}-\\d\{2\}-\\d\{2\}/;
const isInstantSchema = (s: Json) =>
  typeof s.pattern === 'string' && (ISO_PATTERN.test(s.pattern) || s.pattern.startsWith('^(\\d{1,15}|'));
const recentIso = (r: Rng) => new Date(Date.now() - r.int(60, 300 * 86_400) * 1000).toISOString().replace('.000Z', 'Z');

function genString(s: Json, r: Rng, name: string): string {
  if (isInstantSchema(s)) {
    return r.chance(0.3) && s.pattern.startsWith('^(') ? String(Date.now() - r.int(0, 90) * 86_400_000) : recentIso(r);
  }
  if (s.format === 'email') {
    return `fuzz${r.int(1, 999)}@example.org`;
  }
  if (s.pattern?.includes('S360-')) {
    return r.pick([openRef, closedRef]);
  }
  if (s.pattern?.includes('https?')) {
    return `https://example.org/${r.int(1, 99)}.jpg`;
  }
  if (s.pattern?.includes('[0-9 ()-]')) {
    return `+971 50 ${r.int(100, 999)} ${r.int(1000, 9999)}`;
  }
  if (s.pattern?.includes('A-Za-z0-9._:-')) {
    return `fuzz.${r.int(1, 1e6)}`;
  }
  const min = s.minLength ?? 1,
    max = Math.min(s.maxLength ?? 24, 24);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 -_';
  let out = /external_id|idempotency/i.test(name) ? `fuzz-${r.int(1, 1e9)}-` : '';
  while (out.length < Math.max(min, r.int(min, max))) {
    out += alphabet[r.int(0, alphabet.length - 1)];
  }
  return out.slice(0, Math.max(min, max));
}

function gen(raw: Json, r: Rng, name = '', depth = 0): unknown {
  const s = resolve(raw) ?? {};
  if (s.const !== undefined) {
    return s.const;
  }
  if (Array.isArray(s.enum)) {
    return r.pick(s.enum);
  }
  if (Array.isArray(s.examples) && r.chance(0.5)) {
    return r.pick(s.examples);
  }
  if (s.example !== undefined && r.chance(0.5)) {
    return s.example;
  }
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts)) {
    return gen(r.pick(alts.filter((a: Json) => resolve(a)?.type !== 'null')), r, name, depth);
  }
  const type = Array.isArray(s.type)
    ? r.pick(s.type.filter((t: string) => t !== 'null'))
    : (s.type ?? (s.properties ? 'object' : 'string'));
  switch (type) {
    case 'string':
      return genString(s, r, name);
    case 'integer': {
      const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
      return r.int(lo, Math.min(s.maximum ?? lo + 100, lo + 1000));
    }
    case 'number': {
      const lo = s.minimum ?? 0,
        hi = s.maximum ?? lo + 100;
      return lo + r.next() * (Math.min(hi, lo + 1e6) - lo);
    }
    case 'boolean':
      return r.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      if (depth > 4) {
        return [];
      }
      const n = r.int(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3));
      return Array.from({ length: n }, () => gen(s.items ?? {}, r, name, depth + 1));
    }
    default: {
      if (depth > 4) {
        return {};
      }
      const out: Json = {};
      const props: Json = s.properties ?? {};
      const required: string[] = s.required ?? [];
      for (const [k, v] of Object.entries(props)) {
        if (required.includes(k) || r.chance(0.4)) {
          out[k] = gen(v as Json, r, k, depth + 1);
        }
      }
      if (!s.properties && s.propertyNames?.enum && r.chance(0.5)) {
        out[String(r.pick(s.propertyNames.enum))] = gen(s.additionalProperties ?? {}, r, name, depth + 1);
      }
      return out;
    }
  }
}

// ---- invalid values -----------------------------------------------------------------------------

/** Strings every route must refuse with a 400, wherever they are (the input screen). */
const SCREENED = ['lone \ud800 surrogate', 'trailing \udfff', 'nul \u0000 inside'];
const HOSTILE = [
  "' OR '1'='1",
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '2026-02-30T10:00:00Z',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  'x'.repeat(5000),
  '-1',
  '1e308',
  '',
  ' ',
  '%00',
  '../../etc/passwd',
  '$__all',
  'null',
];
/** Dates that must be refused wherever a time is read: no such day, or outside 1970..9998. */
const BAD_DATES = [
  '2026-02-30T10:00:00Z',
  '2025-04-31',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '999999999999999',
  '2026-02-29',
];
const WRONG_TYPES: unknown[] = [42, -1e308, true, null, [], {}, ['a', 1], { $gt: '' }];
const DEEP = (n: number) => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) {
    v = [v];
  }
  return v;
};

/** Percent-encodes like encodeURIComponent; a lone surrogate becomes its (invalid) 3-byte UTF-8 form, as a careless client sends it. */
const enc = (s: string) =>
  s
    .replace(/[\ud800-\udfff]/g, (c) => `\u0001${c.charCodeAt(0).toString(16)}\u0001`)
    .split('\u0001')
    .map((part, i) => {
      if (i % 2 === 0) {
        return encodeURIComponent(part);
      }
      const cu = parseInt(part, 16);
      return [0xe0 | (cu >> 12), 0x80 | ((cu >> 6) & 0x3f), 0x80 | (cu & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
/** URLSearchParams turns a lone surrogate into U+FFFD: only NUL still reaches the server in a query or a form. */
const reachesAsNul = (v: unknown) => typeof v === 'string' && v.includes('\u0000');

type Mutation = { body: unknown; raw?: string; label: string; mustRefuse: boolean };

/** Paths to every field of a JSON value (objects and arrays), for picking one to mutate. */
function fieldPaths(
  v: unknown,
  at: Array<string | number> = [],
  out: Array<Array<string | number>> = []
): Array<Array<string | number>> {
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = [...at, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      fieldPaths(x, p, out);
    }
  }
  return out;
}
function setAt(root: unknown, path: Array<string | number>, value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as Json;
  let o: Json = copy;
  for (const k of path.slice(0, -1)) {
    o = o[k];
  }
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(o)) {
      o.splice(Number(last), 1);
    } else {
      delete o[last];
    }
  } else {
    o[last] = value;
  }
  return copy;
}
const isDateField = (path: Array<string | number>) => /(_at|^from|^to)$/.test(String(path[path.length - 1]));

function mutate(valid: unknown, r: Rng, maxDepth: number): Mutation {
  const paths = fieldPaths(valid);
  const path = paths.length ? r.pick(paths) : null;
  const kind = r.int(0, 8);
  if (!path || kind === 0) {
    const body = r.pick<unknown>([[], 'text', null, 7, DEEP(maxDepth + 5)]);
    return { body, label: 'wrong-shaped body', mustRefuse: Array.isArray(body) && body.length > 0 };
  }
  switch (kind) {
    case 1:
      return { body: setAt(valid, path, undefined, true), label: `drop ${path.join('.')}`, mustRefuse: false };
    case 2:
      return {
        body: setAt(valid, path, r.pick(WRONG_TYPES)),
        label: `wrong type at ${path.join('.')}`,
        mustRefuse: false,
      };
    case 3:
      return {
        body: setAt(valid, path, r.pick(SCREENED)),
        label: `screened string at ${path.join('.')}`,
        mustRefuse: true,
      };
    case 4: {
      const value = r.pick(HOSTILE);
      const impossibleDate = isDateField(path) && /^(2026-02-30|9999|0001)/.test(value);
      return {
        body: setAt(valid, path, value),
        label: `hostile "${value.slice(0, 20)}" at ${path.join('.')}`,
        mustRefuse: impossibleDate,
      };
    }
    case 5:
      return {
        body: setAt(valid, path, r.pick([1e308, -1e308, 1.5, -1, 2 ** 53])),
        label: `number at ${path.join('.')}`,
        mustRefuse: false,
      };
    case 6: {
      if (r.chance(0.5)) {
        return { body: setAt(valid, path, DEEP(maxDepth + 1)), label: `deep at ${path.join('.')}`, mustRefuse: true };
      }
      // far past the limit, as raw text (JSON.stringify itself would overflow): a recursive check did
      const n = 50_000;
      return {
        body: undefined,
        raw: `{"a":${'['.repeat(n)}${']'.repeat(n)}}`,
        label: `${n} levels deep`,
        mustRefuse: true,
      };
    }
    case 7: {
      const key = r.pick(['__proto__', 'constructor', 'prototype']);
      const text = JSON.stringify(valid);
      const raw: string = text.startsWith('{') && text !== '{}' ? `{"${key}":{"x":1},${text.slice(1)}` : `{"${key}":1}`;
      return { body: undefined, raw, label: `reserved key ${key}`, mustRefuse: true };
    }
    default:
      return { body: { ...(valid as Json), s360_unknown_field: 'x' }, label: 'unknown field', mustRefuse: false };
  }
}

// ---- the run ------------------------------------------------------------------------------------

type Operation = { path: string; method: string; op: Json; params: Json[] };

function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths as Json)) {
    const item = resolve(rawItem);
    for (const m of METHODS) {
      if (!item[m]) {
        continue;
      }
      out.push({
        path,
        method: m.toUpperCase(),
        op: item[m],
        params: [...(item.parameters ?? []), ...(item[m].parameters ?? [])].map(resolve),
      });
    }
  }
  return out;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<string, ReturnType<Ajv2020['compile']>>();

function problemsWith(
  o: Operation,
  res: { status: number; body: unknown; headers: Headers; text: string }
): string | null {
  if (res.status >= 500) {
    return `answered ${res.status}: ${res.text.slice(0, 200)}`;
  }
  const documented = o.op.responses[String(res.status)];
  if (!documented) {
    return `status ${res.status} is not documented: ${res.text.slice(0, 200)}`;
  }
  const response = resolve(documented);
  if (!response.content) {
    return res.text === '' ? null : `${res.status} is documented without a body`;
  }
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  const media = response.content[type];
  if (!media) {
    return `${res.status} answered ${type}, documented: ${Object.keys(response.content).join(', ')}`;
  }
  if (!/json$/.test(type)) {
    return null;
  }
  const key = `${o.method} ${o.path} ${res.status} ${type}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile({
      $id: `urn:s360:fuzz:${compiled.size}`,
      components: doc.components,
      ...resolve(media.schema),
    });
    compiled.set(key, validate);
  }
  return validate(res.body)
    ? null
    : `${key} does not match its schema: ${JSON.stringify(validate.errors).slice(0, 400)} ${res.text.slice(0, 200)}`;
}

async function writeCounts(): Promise<string> {
  const { rows } = await agg.db.pool.query(
    `SELECT (SELECT count(*) FROM requests) AS r, (SELECT count(*) FROM request_events) AS e, (SELECT count(*) FROM customers) AS c`
  );
  return `${rows[0].r}/${rows[0].e}/${rows[0].c}`;
}

function validBody(o: Operation, r: Rng, media: Json): Json {
  const example = media.example !== undefined ? structuredClone(media.example) : {};
  const generated = gen(media.schema, r) as Json;
  const base: Json = r.chance(0.7) && typeof example === 'object' ? { ...example } : { ...generated };
  // keep the example's codes (channel, topic, …) valid; vary the rest from the schema
  for (const [k, v] of Object.entries(generated ?? {})) {
    if (
      r.chance(0.3) &&
      !['channel', 'category', 'topic', 'service_code', 'metric', 'targets', 'stage', 'advisor'].includes(k)
    ) {
      base[k] = v;
    }
  }
  if ('external_id' in base || o.path === '/v1/requests') {
    base.external_id = `fuzz-${r.int(1, 1e9)}`;
  }
  if (Array.isArray(base.requests)) {
    base.requests = [sampleRequest(), sampleRequest()];
  }
  if ('api_key' in base) {
    base.api_key = agg.tokens.ingest;
  }
  if ('attribute[external_id]' in base) {
    base['attribute[external_id]'] = `fuzz-${r.int(1, 1e9)}`;
  }
  if ('created_at' in base) {
    base.created_at = recentIso(r);
  }
  if ('occurred_at' in base) {
    delete base.occurred_at;
  }
  return base;
}

const stats = { cases: 0, byStatus: new Map<number, number>(), refusedWrites: 0, mustRefuse: 0, acceptedInvalid: 0 };

test(`every documented operation, ${CASES} seeded cases each (seed ${SEED}): no 5xx, documented answers, nothing written by a refused write`, async () => {
  const maxDepth = 32;
  const failures: string[] = [];
  const ops = operations();
  assert.ok(ops.length >= 30, String(ops.length));
  for (const [index, o] of ops.entries()) {
    const r = prng(SEED * 1000 + index);
    for (let c = 0; c < CASES; c++) {
      const invalid = c % 2 === 1;
      const headers: Record<string, string> = {};
      const tokenPick = r.next();
      const token =
        tokenPick < 0.85
          ? agg.tokens.all
          : tokenPick < 0.9
            ? null
            : tokenPick < 0.95
              ? agg.tokens.read
              : agg.tokens.ingest;
      let mustRefuse = false;
      let badDate = false;
      let reservedFormKey = '';
      let label = invalid ? 'invalid' : 'valid';
      // path
      let url = o.path.replace(/\{([^}]+)\}/g, (_, name) => {
        const p = o.params.find((x) => x.in === 'path' && x.name === name) ?? {};
        if (invalid && r.chance(0.3)) {
          const v = r.pick([...HOSTILE.slice(0, 6), ...SCREENED]);
          label += ` path ${name}="${v.slice(0, 12)}"`;
          mustRefuse ||= reachesAsNul(v);
          return enc(v);
        }
        if (/request_id|^id$/.test(name)) {
          return r.pick([openRef, closedRef, 'S360-000999999']);
        }
        return encodeURIComponent(String(p.example ?? gen(p.schema ?? {}, r, name)));
      });
      // query and headers
      const query = new URLSearchParams();
      for (const p of o.params.filter((x) => x.in === 'query' || x.in === 'header')) {
        const timeParam = /^(from|to|start_date|end_date)$/.test(p.name);
        if (!p.required && !r.chance(invalid && timeParam ? 0.7 : 0.35)) {
          continue;
        }
        let value = gen(p.schema ?? {}, r, p.name);
        if (Array.isArray(value)) {
          value = value.join(',');
        }
        if (invalid && r.chance(timeParam ? 0.5 : 0.3)) {
          const dateParam = timeParam;
          value = dateParam && r.chance(0.7) ? r.pick(BAD_DATES) : r.pick([...HOSTILE, ...SCREENED]);
          if (reachesAsNul(value) && p.in === 'query') {
            mustRefuse = true;
          }
          if (dateParam && BAD_DATES.includes(String(value))) {
            badDate = true;
          }
          label += ` ${p.name}="${String(value).slice(0, 12)}"`;
        }
        if (p.in === 'header') {
          if (!SCREENED.includes(value as string) && !String(value).includes('\u0000')) {
            headers[p.name] = String(value)
              .slice(0, 200)
              .replace(/[^\x20-\x7e]/g, '?');
          }
        } else {
          query.append(p.name, String(value));
        }
      }
      // (Open311: a service_request_id list overrides every other argument, dates included, as the spec says)
      if (badDate && !(o.path.startsWith('/open311') && query.has('service_request_id'))) {
        mustRefuse = true;
      }
      if (invalid && r.chance(0.15)) {
        query.append(r.pick(['__proto__', 'constructor']), '1');
        mustRefuse = true;
        label += ' reserved query key';
      }
      // body
      let body: unknown;
      const content = o.op.requestBody ? resolve(o.op.requestBody).content : null;
      const form = content?.['application/x-www-form-urlencoded'];
      const jsonMedia = content?.['application/json'];
      if (jsonMedia) {
        const valid = validBody(o, r, jsonMedia);
        if (invalid) {
          const m = mutate(valid, r, maxDepth);
          body = m.raw ?? m.body;
          mustRefuse ||= m.mustRefuse;
          label += ` ${m.label}`;
        } else {
          body = valid;
        }
        if (body === undefined) {
          body = 'null';
        } else if (typeof body !== 'string') {
          body = JSON.stringify(body);
        }
        headers['content-type'] = 'application/json';
      } else if (form) {
        const fields = validBody(o, r, form) as Record<string, unknown>;
        for (const [k, v] of Object.entries(fields)) {
          fields[k] = String(v);
        }
        if (invalid) {
          const keys = Object.keys(fields);
          const k = r.pick(keys);
          const what = r.int(0, 3);
          if (what === 0) {
            delete fields[k];
            label += ` drop ${k}`;
          } else if (what === 1) {
            fields[k] = r.pick(SCREENED);
            mustRefuse = reachesAsNul(fields[k]);
            label += ` screened ${k}`;
          } else if (what === 2) {
            fields[k] = r.pick(HOSTILE);
            label += ` hostile ${k}`;
          } else {
            reservedFormKey = r.pick(['__proto__', 'constructor', 'prototype']);
            mustRefuse = true;
            label += ` reserved form key ${reservedFormKey}`;
          }
        }
        const p = new URLSearchParams();
        for (const [k, v] of Object.entries(fields)) {
          p.append(k, String(v));
        }
        if (reservedFormKey) {
          p.append(reservedFormKey, 'x');
        } // (as an object key, __proto__ would never reach the form)
        body = p.toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      const qs = query.toString();
      if (qs) {
        url += `?${qs}`;
      }
      const writes = o.method !== 'GET';
      const before = writes ? await writeCounts() : '';
      const res = await agg.call(o.method, url, body, token, headers);
      stats.cases++;
      stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
      const where = `${o.method} ${o.path} case ${c} (${label}; token ${token === agg.tokens.all ? 'all' : token === null ? 'none' : 'partial'})`;
      const problem = problemsWith(o, res);
      if (problem) {
        failures.push(`${where}: ${problem}`);
      }
      if (writes && res.status >= 400) {
        stats.refusedWrites++;
        const afterCounts = await writeCounts();
        if (afterCounts !== before) {
          failures.push(
            `${where}: refused with ${res.status} but wrote (requests/events/customers ${before} → ${afterCounts})`
          );
        }
      }
      if (mustRefuse) {
        stats.mustRefuse++;
        if (res.status < 400) {
          failures.push(`${where}: must be refused, answered ${res.status}`);
        }
      }
      if (invalid && res.status < 300) {
        stats.acceptedInvalid++;
      }
    }
  }
  const summary =
    `${stats.cases} cases over ${ops.length} operations; statuses ${JSON.stringify(Object.fromEntries([...stats.byStatus].sort((a, b) => a[0] - b[0])))}; ` +
    `${stats.refusedWrites} refused writes checked for no rows written; ${stats.mustRefuse} must-refuse ` +
    `inputs; ${stats.acceptedInvalid} mutated inputs accepted (a benign mutation, e.g. an optional field dropped)`;
  console.log(`fuzz: ${summary}`);
  assert.deepEqual(failures.slice(0, 15), [], `${failures.length} failures; ${summary}`);
  assert.ok(stats.cases >= ops.length * CASES);
  assert.ok(stats.mustRefuse > 20 && stats.refusedWrites > 20, summary);
  assert.ok(
    [...stats.byStatus.keys()].some((s) => s === 201),
    'some valid writes went through'
  );
}, 240_000);
