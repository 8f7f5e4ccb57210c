// The city configuration file against real PostGIS (backend/city): the Dubai file equals what the migrations seed
// plus 2027's holidays; apply is idempotent and all or nothing; export applies back unchanged; a bad file changes
// nothing and names every problem; what requests use is retired, never deleted; a changed SLA policy is a new
// version and requests keep the version they were opened under (a hand-worked due time); a channel's `digital`
// flag is what digital_share counts; the CLI prints the plan.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { applyCityFile } from '../../backend/city/apply.ts';
import { CityFileError, readCityFile } from '../../backend/city/check-file.ts';
import { cityFileText, exportCity } from '../../backend/city/export.ts';
import { formatPlan } from '../../backend/city/plan.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const DUBAI_TEXT = readFileSync(join(ROOT, 'config/cities/dubai.yaml'), 'utf8');
const dubai = () => parse(DUBAI_TEXT);
const fileOf = (f: unknown) => readCityFile(stringify(f), 'city.yaml');

let agg: TestAggregator;
const pool = () => agg.db.pool;
beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
});
afterAll(async () => {
  await agg?.stop();
});

/** Every table the configuration writes, as rows, to prove a refused apply changed nothing. */
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const t of [
    'city_settings',
    'categories',
    'priorities',
    'channels',
    'calendars',
    'departments',
    'topics',
    'holidays',
    'sla_policies',
  ]) {
    out[t] = (await pool().query(`SELECT * FROM ${t} ORDER BY 1, 2`)).rows;
  }
  return out;
}

describe('the Dubai file', () => {
  test('the test template is migrated with it applied: applying it again plans nothing', async () => {
    // (tests/integration/migration-amendments.test.ts: a new database gets it all from the file, and one seeded by the
    // earlier migration 0002 gets only the 2027 holidays.)
    const { plan } = await applyCityFile(pool(), fileOf(dubai()), 'dubai.yaml', { dryRun: true });
    assert.deepEqual(plan, { steps: [], problems: [] });
  });

  test('applied twice: the first restores what was taken away, the second plan is empty', async () => {
    await pool().query(`DELETE FROM holidays WHERE day = '2027-12-02'`);
    const first = await applyCityFile(pool(), fileOf(dubai()), 'dubai.yaml');
    assert.equal(first.applied, true);
    assert.deepEqual(
      first.plan.steps.map((s) => `${s.op} ${s.section} ${s.code}`),
      ['+ holidays 2027-12-02 (every calendar)']
    );
    const second = await applyCityFile(pool(), fileOf(dubai()), 'dubai.yaml');
    assert.deepEqual(second, { plan: { steps: [], problems: [] }, applied: false });
    const { rows } = await pool().query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE provisional)::int AS p FROM holidays WHERE day >= '2027-01-01'`
    );
    assert.deepEqual(rows[0], { n: 13, p: 9 });
  });

  test('export then apply: no changes; the export is the Dubai file', async () => {
    const exported = cityFileText(await exportCity(pool()));
    assert.deepEqual(parse(exported), dubai());
    const { plan } = await applyCityFile(pool(), readCityFile(exported, 'export.yaml'), 'export.yaml');
    assert.deepEqual(plan.steps, []);
  });
});

describe('changes', () => {
  test('a bad file is refused whole, naming every problem at once (the command, below, shows nothing changes)', () => {
    const f = dubai();
    f.topics[3].department = 'xyz';
    f.sla_policies[1].calendar = 'nowhere';
    f.channels[0].name.ar = '';
    assert.throws(
      () => fileOf(f),
      (err: unknown) => {
        assert.ok(err instanceof CityFileError);
        assert.deepEqual(
          err.problems.map((p) => `${p.path}: ${p.message}`),
          [
            'channels[0].name.ar: must not be empty',
            'topics[3].department: unknown department "xyz"',
            'sla_policies[1].calendar: unknown calendar "nowhere"',
          ]
        );
        return true;
      }
    );
  });

  test('a refusal found while planning (a policy version not after the current one) changes nothing, even the good parts', async () => {
    const before = await snapshot();
    const f = dubai();
    f.channels[0].name.en = 'Web site';
    const complaint = f.sla_policies.find((p: { code: string }) => p.code === 'complaint');
    complaint.resolution_minutes = 1000;
    complaint.effective_from = '1999-01-01';
    await assert.rejects(applyCityFile(pool(), fileOf(f), 'city.yaml'), (err: unknown) => {
      assert.ok(err instanceof CityFileError);
      assert.deepEqual(
        err.problems.map((p) => p.path),
        [`sla_policies[${f.sla_policies.indexOf(complaint)}].effective_from`]
      );
      return true;
    });
    assert.deepEqual(await snapshot(), before);
  });

  test('a topic in use cannot be deleted: it is retired (kept, with its name); an unused one is deleted', async () => {
    const used = await agg.call(
      'POST',
      '/v1/requests',
      sampleRequest({ topic: 'environment.noise', category: 'report' }),
      agg.tokens.ingest
    );
    assert.equal(used.status, 201, used.text);
    const f = dubai();
    f.topics = f.topics.filter(
      (t: { code: string }) => t.code !== 'environment.noise' && t.code !== 'environment.air_quality'
    );
    const { plan } = await applyCityFile(pool(), fileOf(f), 'city.yaml');
    assert.deepEqual(
      plan.steps.map((s) => `${s.op} ${s.section} ${s.code}: ${s.action}`),
      ['- topics environment.air_quality: delete', '- topics environment.noise: retire']
    );
    const { rows } = await pool().query(
      `SELECT code, name_en, retired_at IS NOT NULL AS retired FROM topics WHERE code LIKE 'environment.%' ORDER BY code`
    );
    assert.deepEqual(rows, [
      { code: 'environment.beach_cleanliness', name_en: 'Beach cleanliness', retired: false },
      { code: 'environment.noise', name_en: 'Noise', retired: true },
    ]);
    // The request keeps its topic; export leaves the retired topic out, and applying the export changes nothing.
    assert.equal(
      (await pool().query('SELECT topic_code FROM requests WHERE id = $1', [used.body.id])).rows[0].topic_code,
      'environment.noise'
    );
    assert.deepEqual(
      (await applyCityFile(pool(), readCityFile(cityFileText(await exportCity(pool())), 'export.yaml'), 'export.yaml'))
        .plan.steps,
      []
    );
    // A retired topic takes no new request (its history stays); Open311 no longer lists it as a service.
    const refused = await agg.call(
      'POST',
      '/v1/requests',
      sampleRequest({ topic: 'environment.noise', category: 'report' }),
      agg.tokens.ingest
    );
    assert.equal(refused.status, 400, refused.text);
    assert.equal(refused.body.details[0].path, 'topic');
    assert.match(refused.body.details[0].message, /^topic "environment\.noise" is retired; valid: /);
    const services = await agg.call('GET', '/open311/v2/services.json', undefined, null);
    assert.equal(services.status, 200, services.text);
    assert.ok(!services.body.some((x: { service_code: string }) => x.service_code === 'environment.noise'));
    assert.ok(services.body.some((x: { service_code: string }) => x.service_code === 'environment.beach_cleanliness'));
    // Listed again, it is in use again (the air quality topic comes back as new).
    const back = await applyCityFile(pool(), fileOf(dubai()), 'dubai.yaml');
    assert.deepEqual(
      back.plan.steps.map(
        (s) => `${s.op} ${s.code} ${s.fields.map((x) => `${x.field}: ${x.from} → ${x.to}`).join('; ')}`
      ),
      ['+ environment.air_quality ', '~ environment.noise retired: yes → no']
    );
  });

  test('a changed SLA policy is a new version from effective_from; a request opened before keeps its version (hand-worked due time)', async () => {
    // Opened before the change: Thursday 26 November 2026, 10:00 Dubai; complaint v1: 2,400 business minutes.
    const old = await agg.call(
      'POST',
      '/v1/requests',
      sampleRequest({ created_at: '2026-11-26T10:00:00+04:00' }),
      agg.tokens.ingest
    );
    assert.equal(old.status, 201, old.text);
    const f = dubai();
    const complaint = f.sla_policies.find((p: { code: string }) => p.code === 'complaint');
    complaint.resolution_minutes = 1200;
    complaint.effective_from = '2026-11-30';
    const { plan } = await applyCityFile(pool(), fileOf(f), 'city.yaml');
    assert.equal(
      formatPlan(plan),
      [
        '~ sla_policies complaint: version 2 from 2026-11-30',
        '    resolution_minutes: 2400 → 1200',
        '',
        'Plan: 0 to add, 1 to change, 0 to delete or retire.',
      ].join('\n')
    );
    const versions = (
      await pool().query(
        `SELECT id, version, resolution_minutes, valid_from, valid_to FROM sla_policies WHERE code = 'complaint' ORDER BY version`
      )
    ).rows;
    assert.deepEqual(
      versions.map((v) => [
        v.version,
        v.resolution_minutes,
        v.valid_from.toISOString(),
        v.valid_to?.toISOString() ?? null,
      ]),
      [
        [1, 2400, '2000-01-01T00:00:00.000Z', '2026-11-29T20:00:00.000Z'],
        [2, 1200, '2026-11-29T20:00:00.000Z', null],
      ]
    );
    // Opened after: Monday 30 November 2026, 10:00 Dubai.
    const fresh = await agg.call(
      'POST',
      '/v1/requests',
      sampleRequest({ created_at: '2026-11-30T10:00:00+04:00' }),
      agg.tokens.ingest
    );
    assert.equal(fresh.status, 201, fresh.text);
    await sweepSla(pool(), new Date(), { eventLagMs: 0 });
    const due = async (id: number) =>
      (
        await pool().query(
          `SELECT p.version, r.resolution_due_at FROM requests r JOIN sla_policies p ON p.id = r.sla_policy_id WHERE r.id = $1`,
          [id]
        )
      ).rows[0];
    // v1, 40 h of the field calendar (Mon–Thu 07:30–15:30, Fri 07:30–12:00) from Thu 26 Nov 10:00: Thu 5.5 h, Fri 4.5 h,
    // Mon 30 Nov 8 h (18 h), 1–3 Dec holidays, Fri 4 Dec 4.5 h (22.5 h), Mon 7 8 h, Tue 8 8 h (38.5 h), Wed 9 Dec 07:30 + 1.5 h = 09:00.
    assert.deepEqual(await due(old.body.id), { version: 1, resolution_due_at: new Date('2026-12-09T09:00:00+04:00') });
    // v2, 20 h from Mon 30 Nov 10:00: Mon 5.5 h, 1–3 Dec holidays, Fri 4 Dec 4.5 h (10 h), Mon 7 Dec 8 h (18 h),
    // Tue 8 Dec 07:30 + 2 h = 09:30.
    assert.deepEqual(await due(fresh.body.id), {
      version: 2,
      resolution_due_at: new Date('2026-12-08T09:30:00+04:00'),
    });
    // The file as applied is what export gives back.
    assert.deepEqual((await applyCityFile(pool(), fileOf(f), 'city.yaml')).plan.steps, []);
  });
});

describe('labels', () => {
  test("a priority's label from the file is what the API shows", async () => {
    const f = parse(cityFileText(await exportCity(pool())));
    f.priorities.find((p: { code: string }) => p.code === 'normal').name = { en: 'Standard', ar: 'قياسية' };
    await applyCityFile(pool(), fileOf(f), 'city.yaml');
    const created = await agg.call('POST', '/v1/requests', sampleRequest(), agg.tokens.ingest);
    assert.equal(created.status, 201, created.text);
    const detail = await agg.call('GET', `/v1/requests/${created.body.id}?language=ar`, undefined, agg.tokens.read);
    assert.deepEqual(detail.body.priority, { code: 'normal', name: 'قياسية' });
  });
});

describe('a policy for one channel', () => {
  test("added: a request from that channel is opened under it, one from another channel under the kind's", async () => {
    const f = parse(cityFileText(await exportCity(pool())));
    f.sla_policies.push({
      code: 'complaint_whatsapp',
      applies_to: { kind: 'complaint', channel: 'whatsapp' },
      first_response_minutes: 60,
      resolution_minutes: 600,
      calendar: '24x7',
      warning_pct: 80,
      pause_statuses: ['on_hold'],
      effective_from: '2026-01-01',
    });
    const { plan } = await applyCityFile(pool(), fileOf(f), 'city.yaml');
    assert.equal(formatPlan(plan).split('\n')[0], '+ sla_policies complaint_whatsapp: version 1 from 2026-01-01');
    const open = async (channel: string) => {
      const res = await agg.call(
        'POST',
        '/v1/requests',
        sampleRequest({ channel, created_at: '2026-11-30T10:00:00+04:00' }),
        agg.tokens.ingest
      );
      assert.equal(res.status, 201, res.text);
      return (
        await pool().query(
          'SELECT p.code FROM requests r JOIN sla_policies p ON p.id = r.sla_policy_id WHERE r.id = $1',
          [res.body.id]
        )
      ).rows[0].code;
    };
    assert.equal(await open('whatsapp'), 'complaint_whatsapp');
    assert.equal(await open('website'), 'complaint');
    // A channel a policy names is in use: dropping it from the file retires it.
    const g = parse(cityFileText(await exportCity(pool())));
    g.channels = g.channels.filter((c: { code: string }) => c.code !== 'walk_in');
    g.sla_policies.find((x: { code: string }) => x.code === 'complaint_whatsapp').applies_to.channel = 'walk_in';
    assert.throws(
      () => fileOf(g),
      (err: unknown) =>
        err instanceof CityFileError && err.problems.some((x) => x.message === 'unknown channel "walk_in"')
    );
  });
});

describe('digital channels', () => {
  test('digital_share counts the channels the file marks digital: one more marked, it rises; one unmarked, it drops out', async () => {
    // One city-local day no other test here uses: 2 website, 1 social media, 1 call centre.
    for (const channel of ['website', 'website', 'social_media', 'call_centre']) {
      const res = await agg.call(
        'POST',
        '/v1/requests',
        sampleRequest({ channel, created_at: '2026-10-05T10:00:00+04:00' }),
        agg.tokens.ingest
      );
      assert.equal(res.status, 201, res.text);
    }
    await applyPendingRollups(pool());
    const share = async () => {
      const res = await agg.call(
        'POST',
        '/v1/query',
        {
          from: '2026-10-05T00:00:00+04:00',
          to: '2026-10-06T00:00:00+04:00',
          targets: [{ refId: 'A', metric: 'digital_share', format: 'table' }],
        },
        agg.tokens.read
      );
      assert.equal(res.status, 200, res.text);
      return (res.body.results.A.frames[0].fields as Array<{ name: string; values: number[] }>).find(
        (x) => x.name === 'digital_share'
      )!.values[0];
    };
    const digitalInCatalog = async () => {
      const res = await agg.call('GET', '/v1/catalog', undefined, agg.tokens.read);
      return (res.body.values.channel as Array<{ code: string; digital: boolean }>)
        .filter((c) => c.digital)
        .map((c) => c.code)
        .sort();
    };
    const original = parse(cityFileText(await exportCity(pool())));
    const mark = async (code: string, digital: boolean) => {
      const f = parse(cityFileText(await exportCity(pool())));
      const c = f.channels.find((x: { code: string }) => x.code === code);
      if (digital) {
        c.digital = true;
      } else {
        delete c.digital;
      }
      return formatPlan((await applyCityFile(pool(), fileOf(f), 'city.yaml')).plan);
    };
    // The Dubai file: website, WhatsApp, the virtual assistant and Open311.
    assert.equal(await share(), 50);
    assert.deepEqual(await digitalInCatalog(), ['open311', 'virtual_assistant', 'website', 'whatsapp']);

    assert.match(await mark('social_media', true), /^~ channels social_media\n {4}digital: false → true\n/);
    assert.equal(await share(), 75);
    assert.deepEqual(await digitalInCatalog(), ['open311', 'social_media', 'virtual_assistant', 'website', 'whatsapp']);

    assert.match(await mark('website', false), /^~ channels website\n {4}digital: true → false\n/);
    assert.equal(await share(), 25);
    assert.deepEqual(await digitalInCatalog(), ['open311', 'social_media', 'virtual_assistant', 'whatsapp']);

    // Back to the file as it was: the flags follow it, and applying it again changes nothing.
    await applyCityFile(pool(), fileOf(original), 'city.yaml');
    assert.equal(await share(), 50);
    assert.deepEqual((await applyCityFile(pool(), fileOf(original), 'city.yaml')).plan.steps, []);
  });
});

describe('services360 config (the command)', () => {
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, [join(ROOT, 'bin/services360.js'), ...args], {
      env: { ...process.env, DATABASE_URL: agg.db.url },
      cwd: ROOT,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string })
    );

  test('apply --dry-run prints the plan and changes nothing; a bad file exits 1 naming each problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's360-city-'));
    const f = parse(cityFileText(await exportCity(pool())));
    f.channels[1].name.en = 'Social networks';
    writeFileSync(join(dir, 'city.yaml'), stringify(f));
    const before = await snapshot();
    const dry = await cli('config', 'apply', join(dir, 'city.yaml'), '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^~ channels social_media\n {4}name\.en: "Social media" → "Social networks"\n/m);
    assert.match(dry.stdout, /Dry run: nothing changed\.\n$/);
    assert.deepEqual(await snapshot(), before);
    f.topics[0].department = 'xyz';
    f.holidays[0].calendar = 'nowhere';
    writeFileSync(join(dir, 'bad.yaml'), stringify(f));
    const bad = await cli('config', 'apply', join(dir, 'bad.yaml'));
    assert.equal(bad.code, 1);
    assert.deepEqual(await snapshot(), before);
    assert.match(
      bad.stderr,
      new RegExp(
        String.raw`bad\.yaml: 2 problems\n {2}topics\[0\]\.department: unknown department "xyz"\n` +
          String.raw` {2}holidays\[0\]\.calendar: unknown calendar "nowhere"\nNothing was changed\.`
      )
    );
  });
});
