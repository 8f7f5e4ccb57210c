// GET /v1/annotations: which rows overlap a range (both ends inclusive), SLA policy versions coming into
// force, language, kind and zone filters, the 400s, scopes and SQL-injection strings.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid } from '../support/fixtures.ts';

let agg: TestAggregator;

const FROM = '2026-03-01T00:00:00.000Z';
const TO = '2026-03-31T00:00:00.000Z';
const RANGE = `from=${FROM}&to=${TO}`;

// [title, kind, starts_at, ends_at, zone code, inside RANGE?]
const ROWS: Array<[string, string, string, string | null, string | null, boolean]> = [
  ['point inside', 'incident', '2026-03-10T08:00:00Z', null, null, true],
  ['starts before, ends inside', 'incident', '2026-02-20T00:00:00Z', '2026-03-02T00:00:00Z', 'G1', true],
  ['starts inside, ends after', 'campaign', '2026-03-30T00:00:00Z', '2026-04-05T00:00:00Z', null, true],
  ['spans the whole range', 'other', '2026-02-01T00:00:00Z', '2026-05-01T00:00:00Z', null, true],
  ['point at from', 'policy_change', FROM, null, null, true],
  ['point at to', 'incident', TO, null, null, true],
  ['in another zone', 'incident', '2026-03-15T00:00:00Z', null, 'G2', true],
  ['ends just before', 'incident', '2026-02-01T00:00:00Z', '2026-02-28T23:59:59Z', null, false],
  ['point after', 'incident', '2026-04-01T00:00:00Z', null, null, false],
  ['point before', 'campaign', '2026-02-28T23:59:59.999Z', null, 'G1', false],
];
const SLA_TITLE = 'SLA policy complaint v2 in force';

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  for (const [title, kind, starts, ends, zone] of ROWS) {
    await agg.db.pool.query(
      `INSERT INTO annotations (kind, title_en, title_ar, text, starts_at, ends_at, zone_id, tags)
      VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM zones WHERE code = $7), $8)`,
      [kind, title, `عربي: ${title}`, `about ${title}`, starts, ends, zone, ['test']]
    );
  }
  // Version 2 of the complaint policy comes into force inside the range; version 3 after it.
  await agg.db.pool
    .query(`INSERT INTO sla_policies (code, version, category_code, first_response_minutes, resolution_minutes, calendar_code, valid_from)
    VALUES ('complaint', 2, 'complaint', 120, 1440, 'field', '2026-03-20T04:00:00Z'),
           ('complaint', 3, 'complaint', 60, 1440, 'field', '2026-04-20T04:00:00Z')`);
});
afterAll(async () => {
  await agg?.stop();
});

type Annotation = {
  time: number;
  timeEnd: number | null;
  title: string;
  text: string;
  tags: string[];
  kind: string;
  zone: { code: string; name: string } | null;
};
async function annotations(query: string): Promise<Annotation[]> {
  const res = await agg.call('GET', `/v1/annotations?${query}`, undefined, agg.tokens.read);
  assert.equal(res.status, 200, res.text);
  return res.body.annotations;
}
const titles = (list: Annotation[]) => list.map((a) => a.title).sort();

describe('overlap', () => {
  test('rows overlapping the range (both ends inclusive) and the SLA policy version in force within it', async () => {
    const list = await annotations(RANGE);
    const inside = ROWS.filter((r) => r[5]).map((r) => r[0]);
    assert.deepEqual(titles(list), [...inside, SLA_TITLE].sort());
  });

  test('in time order, with ms times, null timeEnd for a point, kind among the tags', async () => {
    const list = await annotations(RANGE);
    for (let i = 1; i < list.length; i++) {
      assert.ok(list[i - 1].time <= list[i].time);
    }
    const point = list.find((a) => a.title === 'point inside')!;
    assert.equal(point.time, Date.parse('2026-03-10T08:00:00Z'));
    assert.equal(point.timeEnd, null);
    assert.equal(point.text, 'about point inside');
    assert.deepEqual(point.tags, ['incident', 'test']);
    const span = list.find((a) => a.title === 'starts before, ends inside')!;
    assert.equal(span.timeEnd, Date.parse('2026-03-02T00:00:00Z'));
    assert.deepEqual(span.zone, { code: 'G1', name: 'Grid 1' });
  });

  test('the SLA policy change says what changed', async () => {
    const sla = (await annotations(RANGE)).find((a) => a.title === SLA_TITLE)!;
    assert.equal(sla.time, Date.parse('2026-03-20T04:00:00Z'));
    assert.equal(sla.kind, 'policy_change');
    assert.match(sla.text, /First response within 2 h, resolution within 24 h \(Field working hours\)/);
    assert.match(sla.text, /Replaces v1/);
  });

  test('a range that touches nothing is empty', async () => {
    assert.deepEqual(await annotations('from=2025-01-01T00:00:00Z&to=2025-01-31T00:00:00Z'), []);
  });

  test('epoch milliseconds work as Grafana sends them', async () => {
    const list = await annotations(`from=${Date.parse(FROM)}&to=${Date.parse(TO)}`);
    assert.equal(list.length, ROWS.filter((r) => r[5]).length + 1);
  });
});

describe('language and filters', () => {
  test('titles in Arabic', async () => {
    const list = await annotations(`${RANGE}&language=ar`);
    assert.ok(list.some((a) => a.title === 'عربي: point inside'));
    assert.ok(list.some((a) => a.title === 'سريان سياسة مستوى الخدمة complaint الإصدار 2'));
    assert.deepEqual(list.find((a) => a.title === 'عربي: starts before, ends inside')!.zone, {
      code: 'G1',
      name: 'شبكة 1',
    });
  });

  test('kind narrows; SLA policy changes count as policy_change', async () => {
    const incidents = await annotations(`${RANGE}&kind=incident`);
    assert.deepEqual(titles(incidents), [
      'in another zone',
      'point at to',
      'point inside',
      'starts before, ends inside',
    ]);
    const changes = await annotations(`${RANGE}&kind=policy_change`);
    assert.deepEqual(titles(changes), [SLA_TITLE, 'point at from']);
    assert.equal((await annotations(`${RANGE}&kind=incident,campaign`)).length, 5);
    assert.equal((await annotations(`${RANGE}&kind=all`)).length, ROWS.filter((r) => r[5]).length + 1);
  });

  test('zone keeps that zone and the city-wide annotations', async () => {
    const list = await annotations(`${RANGE}&zone=G1`);
    assert.ok(!list.some((a) => a.title === 'in another zone'));
    assert.ok(list.some((a) => a.title === 'starts before, ends inside'));
    assert.ok(list.some((a) => a.title === SLA_TITLE));
    assert.equal(list.length, ROWS.filter((r) => r[5]).length);
    assert.equal((await annotations(`${RANGE}&zone=G1,G2`)).length, ROWS.filter((r) => r[5]).length + 1);
  });
});

describe('errors and scopes', () => {
  async function rejected(query: string, status: number, token: string | null = agg.tokens.read) {
    const res = await agg.call('GET', `/v1/annotations?${query}`, undefined, token);
    assert.equal(res.status, status, `${query}: ${res.text}`);
    assert.equal(typeof res.body.error, 'string');
    return res.body as { error: string; details: Array<{ path: string; message: string }> };
  }

  test('from must be before to', async () => {
    assert.equal((await rejected(`from=${TO}&to=${FROM}`, 400)).details[0].path, 'query.from');
    assert.equal((await rejected(`from=${FROM}&to=${FROM}`, 400)).details[0].path, 'query.from');
  });

  test('five years at most', async () => {
    assert.equal((await annotations('from=2021-03-01T00:00:00Z&to=2026-03-01T00:00:00Z')).length >= 0, true);
    const err = await rejected('from=2021-03-01T00:00:00Z&to=2026-03-01T00:00:01Z', 400);
    assert.equal(err.details[0].path, 'query.to');
  });

  test('bad times, kinds, zones, languages and unknown parameters are 400s naming them', async () => {
    assert.equal((await rejected('from=yesterday&to=today', 400)).details[0].path, 'query.to');
    assert.equal((await rejected(`${RANGE}&kind=party`, 400)).details[0].path, 'query.kind');
    assert.equal((await rejected(`${RANGE}&zone=G9`, 400)).details[0].path, 'query.zone');
    assert.equal((await rejected(`${RANGE}&language=de`, 400)).details[0].path, 'query.language');
    assert.equal((await rejected(`${RANGE}&tag=x`, 400)).details[0].path, 'query.tag');
  });

  test('no token is a 401; a token without read a 403', async () => {
    await rejected(RANGE, 401, null);
    assert.match((await rejected(RANGE, 403, agg.tokens.ingest)).error, /read/);
  });

  test('SQL-injection strings in every parameter: only 4xx, nothing changed', async () => {
    const count = async () =>
      (
        await agg.db.pool.query(`SELECT (SELECT count(*) FROM annotations)::int AS a,
      (SELECT count(*) FROM sla_policies)::int AS p, (SELECT count(*) FROM zones)::int AS z, (SELECT count(*) FROM api_tokens)::int AS t`)
      ).rows[0];
    const before = await count();
    const attacks = [
      `' OR 1=1 --`,
      `1; DROP TABLE requests`,
      `%' UNION SELECT title_en FROM annotations --`,
      `2026-03-01'); DELETE FROM annotations; --`,
      `incident' OR 'x'='x`,
    ];
    for (const attack of attacks) {
      const enc = encodeURIComponent(attack);
      for (const query of [
        `from=${enc}&to=${TO}`,
        `from=${FROM}&to=${enc}`,
        `${RANGE}&language=${enc}`,
        `${RANGE}&kind=${enc}`,
        `${RANGE}&zone=${enc}`,
        `${RANGE}&${enc}=1`,
      ]) {
        const res = await agg.call('GET', `/v1/annotations?${query}`, undefined, agg.tokens.read);
        assert.ok(res.status >= 400 && res.status < 500, `${query}: ${res.status} ${res.text}`);
      }
    }
    assert.deepEqual(await count(), before);
    assert.equal((await annotations(RANGE)).length, ROWS.filter((r) => r[5]).length + 1);
  });
});
