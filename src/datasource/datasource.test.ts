// The datasource end to end against a recording fake of Grafana's backend service (what the data proxy would
// receive) and a template service that interpolates as Grafana's does. No aggregator here: the browser tests
// run the same class against the real one.
import { describe, test, beforeEach } from '@jest/globals';
import assert from 'node:assert/strict';
import { TestTemplateSrv } from '../test-support/template-srv.ts';

import { dateTime } from '@grafana/data';
import { setBackendSrv, setTemplateSrv } from '@grafana/runtime';
import { of, throwError } from 'rxjs';
import { S360DataSource } from './datasource.ts';
type Request = import('@grafana/data').DataQueryRequest<import('./types.ts').S360Query>;

type Call = { method: string; url: string; data?: unknown; requestId?: string; showErrorAlert?: boolean };
let calls: Call[] = [];
let answer: (call: Call) => { status: number; data: unknown } = () => ({ status: 200, data: {} });

setBackendSrv({
  fetch(options: Call) {
    calls.push(options);
    const { status, data } = answer(options);
    return status >= 200 && status < 300
      ? of({
          data,
          status,
          ok: true,
          statusText: 'OK',
          headers: new Headers(),
          redirected: false,
          type: 'basic',
          url: options.url,
          config: options,
        })
      : throwError(() => ({ status, data, statusText: '', config: options }));
  },
} as never);
setTemplateSrv(
  new TestTemplateSrv([
    { name: 'zone', current: ['332', '333'], options: ['331', '332', '333'], multi: true },
    { name: 'channel', current: '$__all', options: ['whatsapp', 'website'], multi: true },
    { name: 'department', current: 'waste' },
    { name: 'reference', current: 'S360-000000042' },
  ]) as never
);

const PROXY = '/api/datasources/proxy/uid/services360-requests';
function datasource(jsonData: Record<string, unknown> = { url: 'http://aggregator:8080', defaultLanguage: 'ar' }) {
  return new S360DataSource({
    id: 1,
    uid: 'services360-requests',
    type: 'services360-requests-datasource',
    name: 'Services 360',
    url: PROXY,
    access: 'proxy',
    readOnly: true,
    jsonData,
    meta: { id: 'services360-requests-datasource', name: 'Services 360 requests', type: 'datasource', info: {} },
  } as never);
}

function request(targets: unknown[]): Request {
  const from = dateTime('2026-11-01T00:00:00Z');
  const to = dateTime('2026-11-02T00:00:00Z');
  return {
    requestId: 'Q1',
    interval: '15m',
    intervalMs: 900_000,
    maxDataPoints: 96,
    range: { from, to, raw: { from: 'now-1d', to: 'now' } },
    scopedVars: { __interval: { text: '15m', value: '15m' } },
    targets,
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
  } as unknown as Request;
}

const frame = (refId: string, values: number[]) => ({
  refId,
  fields: [
    { name: 'time', type: 'time', values: values.map((_, i) => 1761955200000 + i * 900_000) },
    { name: 'received', type: 'number', values, config: { unit: 'short', displayName: 'المستلمة' } },
  ],
});

beforeEach(() => {
  calls = [];
  answer = () => ({ status: 200, data: {} });
});

describe('query()', () => {
  test('posts the documented body through the plugin route and returns frames', async () => {
    answer = () => ({ status: 200, data: { results: { A: { frames: [frame('A', [1, 2])] } } } });
    const response = await datasource().query(
      request([
        {
          refId: 'A',
          metric: 'received',
          groupBy: ['channel'],
          filters: { zone: ['$zone'], channel: ['$channel'] },
          format: 'time_series',
        },
      ])
    );
    assert.equal(calls.length, 1);
    assert.equal(calls[0].method, 'POST');
    assert.equal(calls[0].url, `${PROXY}/aggregator/v1/query`);
    assert.equal(calls[0].showErrorAlert, false);
    assert.deepEqual(calls[0].data, {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
      intervalMs: 900_000,
      maxDataPoints: 96,
      targets: [
        {
          refId: 'A',
          metric: 'received',
          groupBy: ['channel'],
          filters: { zone: ['332', '333'], channel: ['all'] },
          format: 'time_series',
          language: 'ar',
        },
      ],
    });
    assert.equal(response.errors, undefined);
    assert.equal(response.data.length, 1);
    assert.deepEqual(response.data[0].fields[1].values, [1, 2]);
    assert.equal(response.data[0].fields[1].config.displayName, 'المستلمة');
  });

  test('an old saved query is migrated before it is asked', async () => {
    answer = () => ({ status: 200, data: { results: { A: { frames: [] } } } });
    await datasource().query(
      request([
        {
          refId: 'A',
          metric: 'received',
          groupBy: 'zone',
          filters: { channel: 'whatsapp,website' },
          lang: 'en',
          format: 'timeseries',
        },
      ])
    );
    const [target] = (calls[0].data as { targets: unknown[] }).targets;
    assert.deepEqual(target, {
      refId: 'A',
      metric: 'received',
      groupBy: ['zone'],
      filters: { channel: ['whatsapp', 'website'] },
      format: 'time_series',
      language: 'en',
    });
  });

  test('an aggregator 400 reaches the panel as a readable message on each refId of the call', async () => {
    answer = () => ({
      status: 400,
      data: {
        error: 'unknown metric "recieved"',
        details: [{ path: 'targets[0].metric', message: 'use one of received, closed, …' }],
      },
    });
    const response = await datasource().query(
      request([{ refId: 'A', metric: 'recieved', groupBy: [], filters: {}, format: 'table' }])
    );
    assert.deepEqual(response.data, []);
    assert.equal(response.errors?.length, 1);
    assert.equal(response.errors?.[0].refId, 'A');
    assert.equal(
      response.errors?.[0].message,
      'unknown metric "recieved" (targets[0].metric: use one of received, closed, …)'
    );
    assert.equal(response.error?.message, response.errors?.[0].message);
  });

  test('a hidden query is not asked at all', async () => {
    const response = await datasource().query(
      request([{ refId: 'A', hide: true, metric: 'received', groupBy: [], filters: {}, format: 'time_series' }])
    );
    assert.equal(calls.length, 0);
    assert.deepEqual(response.data, []);
  });

  test('annotation queries ask GET /v1/annotations and return a time/timeEnd/title/text/tags frame', async () => {
    answer = () => ({
      status: 200,
      data: {
        annotations: [
          { time: 1761990000000, timeEnd: null, title: 'Storm', text: 'Flooding in Al Barsha', tags: ['incident'] },
        ],
      },
    });
    const response = await datasource().query(request([{ refId: 'Anno', queryType: 'annotations', language: 'en' }]));
    assert.equal(calls[0].method, 'GET');
    assert.equal(
      calls[0].url,
      `${PROXY}/aggregator/v1/annotations?from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-02T00%3A00%3A00.000Z&language=en`
    );
    const [f] = response.data;
    assert.deepEqual(
      f.fields.map((x: { name: string }) => x.name),
      ['time', 'timeEnd', 'title', 'text', 'tags']
    );
    assert.deepEqual(f.fields[2].values, ['Storm']);
  });

  test('an annotation query of some zones asks for them (variables resolved); All asks for every zone', async () => {
    answer = () => ({ status: 200, data: { annotations: [] } });
    await datasource().query(request([{ refId: 'Anno', queryType: 'annotations', filters: { zone: ['$zone'] } }]));
    assert.match(calls[0].url, /\/v1\/annotations\?.*&language=ar&zone=332&zone=333$/);
    await datasource().query(request([{ refId: 'Anno', queryType: 'annotations', filters: { zone: ['$channel'] } }]));
    assert.doesNotMatch(calls[1].url, /zone=/);
  });
});

const DETAIL = {
  id: 42,
  reference: 'S360-000000042',
  channel: { code: 'website', name: 'الموقع الإلكتروني' },
  category: null,
  topic: null,
  department: null,
  priority: null,
  stage: { code: 'received', name: 'مستلم' },
  advisor: null,
  zone: null,
  status: { code: 'received', name: 'مستلم', class: 'open' },
  progress_pct: 0,
  created_at: '2026-11-01T08:00:00.000Z',
  first_response_at: null,
  resolved_at: null,
  closed_at: null,
  customer: {
    masked: true,
    name: 'F. A.',
    phone: null,
    email: null,
    national_id: null,
    language: 'ar',
    home_zone: null,
  },
  journey: [
    {
      id: 1,
      kind: 'received',
      from_status: null,
      to_status: { code: 'received', name: 'مستلم' },
      stage: { code: 'received', name: 'مستلم' },
      progress_pct: 0,
      advisor: null,
      actor: null,
      note: null,
      occurred_at: '2026-11-01T08:00:00.000Z',
      recorded_at: '2026-11-01T08:00:00.000Z',
    },
    {
      id: 2,
      kind: 'assigned',
      from_status: { code: 'received', name: 'مستلم' },
      to_status: { code: 'assigned', name: 'مسند' },
      stage: { code: 'assigned', name: 'مسند' },
      progress_pct: 10,
      advisor: null,
      actor: 'x',
      note: null,
      occurred_at: '2026-11-01T09:00:00.000Z',
      recorded_at: '2026-11-01T09:00:00.000Z',
    },
  ],
  sla: {
    first_response_due_at: '2026-11-01T12:00:00.000Z',
    resolution_due_at: null,
    sla_state: 'in_progress',
    clock: null,
  },
};

describe('request queries', () => {
  test('ask GET /v1/requests/{reference} through the route (variable resolved, default language) and answer the request and the journey', async () => {
    answer = () => ({ status: 200, data: DETAIL });
    const response = await datasource().query(request([{ refId: 'R', queryType: 'request', reference: '$reference' }]));
    assert.equal(calls.length, 1);
    assert.equal(calls[0].method, 'GET');
    assert.equal(calls[0].url, `${PROXY}/aggregator/v1/requests/S360-000000042?language=ar`);
    assert.equal(response.errors, undefined);
    assert.deepEqual(
      response.data.map((f: { name?: string; refId?: string; length: number }) => [f.name, f.refId, f.length]),
      [
        ['الطلب', 'R', 1],
        ['مسار الطلب', 'R', 2],
      ]
    );
    const journey = response.data[1];
    assert.equal(journey.fields[0].type, 'time');
    assert.deepEqual(
      journey.fields[0].values,
      [Date.parse('2026-11-01T08:00:00Z'), Date.parse('2026-11-01T09:00:00Z')],
      'times as epoch ms'
    );
    const masked = response.data[0].fields.find((f: { name: string }) => f.name === 'customer_masked');
    assert.equal(masked.type, 'boolean');
    assert.deepEqual(masked.values, [true]);
  });

  test('an empty reference asks nothing and answers one empty frame with a plain notice, no error', async () => {
    const response = await datasource().query(request([{ refId: 'R', queryType: 'request', reference: '' }]));
    assert.equal(calls.length, 0);
    assert.equal(response.errors, undefined);
    assert.equal(response.data.length, 1);
    assert.equal(response.data[0].fields.length, 0);
    assert.equal(response.data[0].meta?.notices?.[0].severity, 'info');
    assert.match(response.data[0].meta?.notices?.[0].text ?? '', /رقم|reference/i);
  });

  test('an unresolved $variable asks nothing and answers the notice', async () => {
    const response = await datasource({ url: 'http://aggregator:8080' }).query(
      request([{ refId: 'R', queryType: 'request', reference: '$ticket' }])
    );
    assert.equal(calls.length, 0);
    assert.equal(response.errors, undefined);
    assert.match(
      response.data[0].meta?.notices?.[0].text ?? '',
      /"\$ticket" is a template variable this dashboard does not define/
    );
  });

  test("an unknown reference: the aggregator's 404 message as the query's error", async () => {
    answer = () => ({
      status: 404,
      data: {
        error: 'request S360-000000999 not found',
        details: [{ path: 'path.id', message: 'request S360-000000999 not found' }],
      },
    });
    const response = await datasource().query(
      request([{ refId: 'R', queryType: 'request', reference: 'S360-000000999' }])
    );
    assert.deepEqual(response.data, []);
    assert.deepEqual(response.errors, [{ refId: 'R', message: 'request S360-000000999 not found', status: 404 }]);
  });

  test('a request query beside a metric query: both asked, frames of both returned', async () => {
    answer = (call) =>
      call.method === 'GET'
        ? { status: 200, data: DETAIL }
        : { status: 200, data: { results: { A: { frames: [frame('A', [3])] } } } };
    const response = await datasource().query(
      request([
        { refId: 'A', metric: 'received', groupBy: [], filters: {}, format: 'time_series' },
        { refId: 'R', queryType: 'request', reference: 'S360-000000042', language: 'en' },
      ])
    );
    assert.deepEqual(calls.map((c) => c.method).sort(), ['GET', 'POST']);
    assert.deepEqual(
      (calls.find((c) => c.method === 'POST')!.data as { targets: Array<{ refId: string }> }).targets.map(
        (t) => t.refId
      ),
      ['A']
    );
    assert.deepEqual(
      response.data.map((f: { refId?: string; name?: string }) => [f.refId, f.name]),
      [
        ['A', undefined],
        ['R', 'Request'],
        ['R', 'Journey'],
      ]
    );
  });
});

describe('unresolved filter variables', () => {
  test('a $zone filter this dashboard does not define is sent as all, so the aggregator answers data instead of a 400', async () => {
    answer = () => ({ status: 200, data: { results: { A: { frames: [frame('A', [1])] } } } });
    await datasource().query(
      request([
        {
          refId: 'A',
          metric: 'received',
          groupBy: [],
          filters: { zone: ['$region'], channel: ['whatsapp'] },
          format: 'table',
        },
      ])
    );
    assert.deepEqual((calls[0].data as { targets: Array<{ filters: unknown }> }).targets[0].filters, {
      zone: ['all'],
      channel: ['whatsapp'],
    });
  });
});

describe('testDatasource()', () => {
  test('success: "Connected as … with scopes …" from /v1/whoami through the route', async () => {
    answer = () => ({ status: 200, data: { name: 'grafana', scopes: ['read'] } });
    assert.deepEqual(await datasource().testDatasource(), {
      status: 'success',
      message: 'Connected as grafana with scopes read.',
    });
    assert.equal(calls[0].url, `${PROXY}/aggregator/v1/whoami`);
  });

  test('wrong token (401), missing scope (whoami without read), aggregator down (502) each get their plain message', async () => {
    answer = () => ({ status: 401, data: { error: 'the token is not valid (unknown or revoked)' } });
    assert.match((await datasource().testDatasource()).message, /rejected the API token \(401\)/);
    answer = () => ({ status: 200, data: { name: 'ingest-bot', scopes: ['ingest'] } });
    assert.match((await datasource().testDatasource()).message, /needs the "read" scope/);
    answer = () => ({ status: 502, data: { message: 'Bad Gateway' } });
    assert.match(
      (await datasource().testDatasource()).message,
      /^Cannot reach the Services 360 aggregator \(HTTP 502\)/
    );
  });

  test('without a URL it says so without calling anything', async () => {
    const r = await datasource({}).testDatasource();
    assert.equal(r.status, 'error');
    assert.equal(calls.length, 0);
  });
});

describe('variables', () => {
  test("metricFindQuery lists a dimension's values in the default language, dependent filters resolved", async () => {
    answer = () => ({
      status: 200,
      data: {
        values: [
          { value: 'pest_control', text: 'Pest control' },
          { value: 12, text: 'Twelve' },
        ],
      },
    });
    const values = await datasource().metricFindQuery({
      refId: 'v',
      dimension: 'topic',
      filters: { department: ['$department'] },
    });
    assert.equal(calls[0].url, `${PROXY}/aggregator/v1/variables/topic?language=ar&department=waste`);
    assert.deepEqual(values, [
      { value: 'pest_control', text: 'Pest control' },
      { value: '12', text: 'Twelve' },
    ]);
  });

  test('the variable support answers a text/value frame', async () => {
    answer = () => ({ status: 200, data: { values: [{ value: '332', text: 'AL BARSHA FIRST' }] } });
    const ds = datasource();
    const support = ds.variables as unknown as {
      query(
        r: unknown
      ): import('rxjs').Observable<{ data: Array<{ fields: Array<{ name: string; values: unknown[] }> }> }>;
    };
    const { lastValueFrom } = await import('rxjs');
    const response = await lastValueFrom(support.query(request([{ refId: 'v', dimension: 'zone', language: 'en' }])));
    assert.deepEqual(
      response.data[0].fields.map((f) => [f.name, f.values]),
      [
        ['text', ['AL BARSHA FIRST']],
        ['value', ['332']],
      ]
    );
    assert.equal(calls[0].url, `${PROXY}/aggregator/v1/variables/zone?language=en`);
  });
});

describe('interpolateVariablesInQueries()', () => {
  test('resolves the metric, language and filters the way query() would (Explore, query inspector)', () => {
    const [q] = datasource().interpolateVariablesInQueries(
      [
        {
          refId: 'A',
          metric: 'received',
          groupBy: [],
          filters: { zone: ['$zone'], channel: ['$channel'] },
          format: 'table',
        },
      ],
      {}
    );
    assert.deepEqual(q.filters, { zone: ['332', '333'], channel: ['all'] });
    assert.equal(q.schemaVersion, 2);
  });

  test("resolves a request query's reference", () => {
    const [q] = datasource().interpolateVariablesInQueries(
      [{ refId: 'R', queryType: 'request', reference: '$reference' } as never],
      {}
    );
    assert.equal(q.reference, 'S360-000000042');
  });
});
