// GET /v1/variables/{dimension}: every dimension in English and Arabic, the dependent filters, the 400s,
// scopes, and SQL-injection strings in every parameter.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { communitiesFixture, type CommunitiesFixture } from '../support/fixtures.ts';
import { importZones } from '../../backend/zones/import-zones.ts';

let agg: TestAggregator;
let fixture: CommunitiesFixture;
/** The public sites imported beside the communities: one per community, for the first SITES communities. */
const SITES = 100;
let sites: Array<{ code: string; name_en: string; name_ar: string; parent: string }> = [];

beforeAll(async () => {
  agg = await startTestAggregator();
  fixture = await communitiesFixture();
  await importZones(agg.db.pool, fixture.collection, { ...fixture.options, kind: 'community', subdivideVertices: 64 });
  // Small parks inside communities (a buffer around a point on each surface), with their parent's code.
  const { rows } = await agg.db.pool.query<{ code: string; name_en: string; name_ar: string; geometry: string }>(
    `SELECT code, name_en, name_ar, ST_AsGeoJSON(ST_Buffer(ST_PointOnSurface(geom), 0.0003, 4)) AS geometry
     FROM zones ORDER BY code LIMIT $1`,
    [SITES]
  );
  sites = rows.map((r) => ({
    code: `${r.code}-P1`,
    name_en: `${r.name_en} PARK`,
    name_ar: `حديقة ${r.name_ar}`,
    parent: r.code,
  }));
  await importZones(
    agg.db.pool,
    {
      type: 'FeatureCollection',
      features: rows.map((r, i) => ({
        type: 'Feature',
        geometry: JSON.parse(r.geometry),
        properties: { code: sites[i].code, name_en: sites[i].name_en, name_ar: sites[i].name_ar, parent: r.code },
      })),
    },
    {
      codeProperty: 'code',
      nameEnProperty: 'name_en',
      nameArProperty: 'name_ar',
      parentProperty: 'parent',
      kind: 'public_site',
      subdivideVertices: 64,
    }
  );
  await agg.db.pool.query(`INSERT INTO advisors (code, name, department_code) VALUES
    ('W-02', 'Zayed Al Falasi', 'waste'), ('W-01', 'Amna Al Suwaidi', 'waste'), ('B-01', 'Omar Haddad', 'buildings')`);
});
afterAll(async () => {
  await agg?.stop();
});

type Values = Array<{ value: string; text: string }>;
async function values(path: string, token = agg.tokens.read): Promise<Values> {
  const res = await agg.call('GET', path, undefined, token);
  assert.equal(res.status, 200, `${path}: ${res.text}`);
  assert.ok(Array.isArray(res.body.values));
  return res.body.values;
}
const codes = async (path: string) => (await values(path)).map((v) => v.value);

/** Row counts of every table a read could harm. */
async function snapshot(): Promise<Record<string, number>> {
  const { rows } = await agg.db.pool.query(`SELECT
    (SELECT count(*) FROM zones)::int AS zones, (SELECT count(*) FROM advisors)::int AS advisors,
    (SELECT count(*) FROM topics)::int AS topics, (SELECT count(*) FROM departments)::int AS departments,
    (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM api_tokens)::int AS api_tokens,
    (SELECT count(*) FROM audit_log)::int AS audit_log`);
  return rows[0];
}

describe('zones', () => {
  test('every zone, communities and public sites, with English names, sorted by name', async () => {
    const list = await values('/v1/variables/zone?language=en');
    assert.equal(list.length, fixture.expected.length + SITES);
    const byCode = new Map(list.map((v) => [v.value, v.text]));
    for (const z of fixture.expected) {
      assert.equal(byCode.get(z.code), z.name_en, z.code);
    }
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    for (let i = 1; i < list.length; i++) {
      assert.ok(collator.compare(list[i - 1].text, list[i].text) <= 0, `${list[i - 1].text} before ${list[i].text}`);
    }
  });

  test('Arabic names arrive intact and sorted in Arabic order', async () => {
    const list = await values('/v1/variables/zone?language=ar');
    assert.equal(list.length, fixture.expected.length + SITES);
    const byCode = new Map(list.map((v) => [v.value, v.text]));
    for (const z of fixture.expected) {
      assert.equal(byCode.get(z.code), z.name_ar, z.code);
    }
    for (const s of sites) {
      assert.equal(byCode.get(s.code), s.name_ar);
    }
    assert.ok(
      list.every((v) => /[\u0600-\u06FF]/.test(v.text)),
      'every Arabic name holds Arabic letters'
    );
    const collator = new Intl.Collator('ar', { numeric: true, sensitivity: 'base' });
    for (let i = 1; i < list.length; i++) {
      assert.ok(collator.compare(list[i - 1].text, list[i].text) <= 0);
    }
  });

  test('zones of a kind', async () => {
    assert.deepEqual(new Set(await codes('/v1/variables/zone?kind=public_site')), new Set(sites.map((s) => s.code)));
    assert.equal((await codes('/v1/variables/zone?kind=community')).length, fixture.expected.length);
    assert.equal(
      (await codes('/v1/variables/zone?kind=community,public_site')).length,
      fixture.expected.length + SITES
    );
  });

  test('zones with a parent, one or several', async () => {
    const [a, b] = sites;
    assert.deepEqual(await codes(`/v1/variables/zone?parent=${a.parent}`), [a.code]);
    assert.deepEqual(
      new Set(await codes(`/v1/variables/zone?parent=${a.parent}&parent=${b.parent}`)),
      new Set([a.code, b.code])
    );
    assert.deepEqual(await codes(`/v1/variables/zone?parent=${a.parent}&kind=community`), []);
  });

  test('"all", "$__all" and empty filters mean no filter', async () => {
    for (const all of ['all', '%24__all', '']) {
      assert.equal(
        (await codes(`/v1/variables/zone?kind=${all}&parent=${all}`)).length,
        fixture.expected.length + SITES,
        all
      );
    }
  });
});

describe('reference dimensions', () => {
  test('channels in reference order, in English and Arabic', async () => {
    assert.deepEqual(await codes('/v1/variables/channel'), [
      'website',
      'social_media',
      'call_centre',
      'whatsapp',
      'virtual_assistant',
      'open311',
      'import',
      'walk_in',
    ]);
    const ar = await values('/v1/variables/channel?language=ar');
    assert.deepEqual(ar[3], { value: 'whatsapp', text: 'واتساب' });
  });

  test('categories, priorities and status classes', async () => {
    assert.deepEqual(await codes('/v1/variables/category'), [
      'inquiry',
      'report',
      'observation',
      'complaint',
      'service_request',
      'suggestion',
    ]);
    assert.deepEqual(await values('/v1/variables/priority?language=ar'), [
      { value: 'low', text: 'منخفضة' },
      { value: 'normal', text: 'عادية' },
      { value: 'high', text: 'عالية' },
      { value: 'urgent', text: 'عاجلة' },
    ]);
    assert.deepEqual(await values('/v1/variables/status_class'), [
      { value: 'open', text: 'Open' },
      { value: 'closed', text: 'Closed' },
      { value: 'cancelled', text: 'Cancelled' },
    ]);
  });

  test('the topics of a department, in Arabic', async () => {
    const list = await values('/v1/variables/topic?department=waste&language=ar');
    assert.deepEqual(
      new Set(list.map((v) => v.value)),
      new Set(['waste.overflowing_bin', 'waste.illegal_dumping', 'waste.bulk_collection'])
    );
    assert.ok(list.some((v) => v.value === 'waste.overflowing_bin' && v.text === 'حاوية نفايات ممتلئة'));
  });

  test('topics of two departments, repeated or comma-separated', async () => {
    const repeated = await codes('/v1/variables/topic?department=waste&department=drainage');
    const commas = await codes('/v1/variables/topic?department=waste,drainage');
    assert.equal(repeated.length, 5);
    assert.deepEqual(repeated, commas);
    assert.ok(repeated.every((c) => c.startsWith('waste.') || c.startsWith('drainage.')));
  });

  test('every topic without a filter, sorted by name', async () => {
    const list = await values('/v1/variables/topic');
    assert.equal(list.length, 18);
    assert.deepEqual(
      list.map((v) => v.text),
      [...list.map((v) => v.text)].sort(new Intl.Collator('en').compare)
    );
  });

  test('the advisors of a department, sorted by name', async () => {
    assert.deepEqual(await values('/v1/variables/advisor?department=waste'), [
      { value: 'W-01', text: 'Amna Al Suwaidi' },
      { value: 'W-02', text: 'Zayed Al Falasi' },
    ]);
    assert.equal((await codes('/v1/variables/advisor')).length, 3);
  });

  test('the department of a topic, and of an advisor', async () => {
    assert.deepEqual(await values('/v1/variables/department?topic=drainage.sewage_overflow&language=ar'), [
      { value: 'drainage', text: 'الصرف الصحي ومياه الأمطار' },
    ]);
    assert.deepEqual(await codes('/v1/variables/department?advisor=B-01'), ['buildings']);
    assert.equal((await codes('/v1/variables/department')).length, 8);
  });

  test('journey statuses and stages, narrowed by class and status', async () => {
    assert.deepEqual(await codes('/v1/variables/status'), [
      'received',
      'assigned',
      'in_progress',
      'on_hold',
      'resolved',
      'closed',
      'cancelled',
    ]);
    assert.deepEqual(await codes('/v1/variables/status?status_class=closed'), ['resolved', 'closed']);
    assert.deepEqual(await codes('/v1/variables/stage?status=in_progress'), [
      'in_progress',
      'inspection',
      'field_visit',
      'work_order',
      'work_done',
    ]);
    assert.deepEqual(await values('/v1/variables/stage?status=on_hold&language=ar'), [
      { value: 'on_hold', text: 'معلق (بانتظار المتعامل)' },
    ]);
  });

  test('a filter on an unrelated dimension is checked but narrows nothing', async () => {
    assert.equal((await codes('/v1/variables/channel?department=waste&zone=all&priority=high')).length, 8);
  });
});

describe('errors and scopes', () => {
  async function rejected(path: string, status: number, token: string | null = agg.tokens.read) {
    const res = await agg.call('GET', path, undefined, token);
    assert.equal(res.status, status, `${path}: ${res.text}`);
    assert.equal(typeof res.body.error, 'string');
    assert.ok(Array.isArray(res.body.details));
    return res.body as { error: string; details: Array<{ path: string; message: string }> };
  }

  test('an unknown dimension is a 400 listing the valid ones', async () => {
    const err = await rejected('/v1/variables/colour', 400);
    assert.match(
      err.error,
      /zone, channel, category, topic, department, advisor, status_class, priority, status, stage/
    );
    assert.equal(err.details[0].path, 'path.dimension');
  });

  test('an unknown filter code is a 400 naming it', async () => {
    const err = await rejected('/v1/variables/topic?department=waste,sanitation', 400);
    assert.deepEqual(
      err.details.map((d) => d.path),
      ['query.department']
    );
    assert.match(err.details[0].message, /"sanitation"/);
    assert.match((await rejected('/v1/variables/zone?kind=park', 400)).details[0].message, /"park"/);
    assert.match((await rejected('/v1/variables/zone?parent=0', 400)).details[0].message, /"0"/);
    assert.equal((await rejected('/v1/variables/advisor?advisor=X-9', 400)).details[0].path, 'query.advisor');
  });

  test('an unknown parameter or language is a 400', async () => {
    assert.equal((await rejected('/v1/variables/zone?lang=ar', 400)).details[0].path, 'query.lang');
    assert.equal((await rejected('/v1/variables/zone?language=fr', 400)).details[0].path, 'query.language');
  });

  test('no token is a 401; a token without read a 403', async () => {
    await rejected('/v1/variables/zone', 401, null);
    const err = await rejected('/v1/variables/zone', 403, agg.tokens.ingest);
    assert.match(err.error, /read/);
  });

  test('SQL-injection strings in every parameter: only 4xx, nothing changed', async () => {
    const attacks = [
      `' OR 1=1 --`,
      `1; DROP TABLE requests`,
      `%' UNION SELECT name, token_hash::text FROM api_tokens --`,
      `'); DELETE FROM zones; --`,
      `$1`,
      `waste' OR 'a'='a`,
    ];
    const params = [
      'language',
      'kind',
      'parent',
      'zone',
      'channel',
      'category',
      'topic',
      'department',
      'advisor',
      'status_class',
      'priority',
      'status',
      'stage',
    ];
    const before = await snapshot();
    for (const attack of attacks) {
      const enc = encodeURIComponent(attack);
      const dimRes = await agg.call('GET', `/v1/variables/${enc}`, undefined, agg.tokens.read);
      assert.ok(dimRes.status >= 400 && dimRes.status < 500, `dimension ${attack}: ${dimRes.status}`);
      for (const param of params) {
        for (const dim of ['zone', 'topic']) {
          const res = await agg.call('GET', `/v1/variables/${dim}?${param}=${enc}`, undefined, agg.tokens.read);
          assert.ok(res.status >= 400 && res.status < 500, `${dim} ${param}=${attack}: ${res.status} ${res.text}`);
          assert.ok(
            !/syntax error|does not exist|violates|at character|SQLSTATE/i.test(res.text),
            'no database message leaks'
          );
        }
      }
    }
    assert.deepEqual(await snapshot(), before);
    assert.equal((await codes('/v1/variables/zone')).length, fixture.expected.length + SITES);
  });
});
