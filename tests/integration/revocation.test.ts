// Two aggregator instances on one database with caches as long as ten minutes: only the change listener
// (LISTEN/NOTIFY, migration 0032) can make them see a change in time. A token revoked through the CLI's
// function is refused by both at once; an unknown token is looked up once, and works at once when it is
// created afterwards; an unknown zone is a 400 naming it without reloading the reference data, and a zone
// imported meanwhile is known to both at once, and so is a renamed topic in GET /v1/catalog (one version on both);
// the listener reconnects after losing its connection.
// The issue asks for revocation within 1 s; the measured times are printed, the deadline asserted is 5 s
// (a loaded machine must not fail it, and without the notification the cache would answer for 10 minutes).
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid } from '../support/fixtures.ts';
import { startServer, type RunningServer } from '../../backend/server.ts';
import { createToken, hashToken, revokeToken } from '../../backend/auth/tokens.ts';
import { importZones } from '../../backend/zones/import-zones.ts';
import { sql } from '../../backend/db/sql.ts';

const LONG = { tokenCacheMs: 600_000, tokenNegativeCacheMs: 600_000, referenceCacheMs: 600_000 };
const DEADLINE_MS = 5_000;

let a: TestAggregator;
let b: RunningServer;
const instances = () => [
  { name: 'a', url: a.url, ctx: a.server.ctx },
  { name: 'b', url: b.url, ctx: b.ctx },
];

/** The token notifications each instance's change listener has delivered (to its token cache first: it listened first). */
const notified = new Map<string, Set<string>>();

beforeAll(async () => {
  a = await startTestAggregator(LONG);
  await importGrid(a.db.pool);
  b = await startServer({ port: 0, host: '127.0.0.1', jobs: 'off', ...LONG }, a.db.url);
  for (const i of instances()) {
    const seen = new Set<string>();
    notified.set(i.name, seen);
    i.ctx.changes?.on('s360_tokens', (payload) => seen.add(payload));
  }
});
afterAll(async () => {
  await b?.close();
  await a?.stop();
});

async function get(url: string, path: string, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

/** Polls until `ok` holds; returns the milliseconds it took (fails past the deadline). */
async function msUntil(what: string, ok: () => Promise<boolean>, since = Date.now()): Promise<number> {
  for (;;) {
    if (await ok()) {
      return Date.now() - since;
    }
    if (Date.now() - since > DEADLINE_MS) {
      assert.fail(`${what}: not within ${DEADLINE_MS} ms`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('tokens', () => {
  test('a revoked token is refused by every instance at once (not when the cache expires)', async () => {
    const { token } = await createToken(a.db.pool, 'revoke-me', ['read']);
    // The creation is notified too, and drops the token from a cache whenever it arrives, maybe after the first
    // call below has cached it: wait until both instances have it, so that what follows is cached for good.
    const hash = hashToken(token).toString('base64');
    await Promise.all(
      instances().map((i) =>
        msUntil(`instance ${i.name} is told of the new token`, async () => notified.get(i.name)?.has(hash) ?? false)
      )
    );
    for (const i of instances()) {
      assert.equal((await get(i.url, '/v1/variables/channel', token)).status, 200, i.name);
    }
    // Both now answer from their caches: no look-up for the next call.
    const lookups = instances().map((i) => i.ctx.tokens.lookups);
    for (const i of instances()) {
      assert.equal((await get(i.url, '/v1/variables/channel', token)).status, 200);
    }
    assert.deepEqual(
      instances().map((i) => i.ctx.tokens.lookups),
      lookups,
      'the token is cached'
    );

    const revokedAt = Date.now();
    assert.equal(await revokeToken(a.db.pool, 'revoke-me'), true);
    const ms = await Promise.all(
      instances().map((i) =>
        msUntil(
          `instance ${i.name} refuses the revoked token`,
          async () => (await get(i.url, '/v1/variables/channel', token)).status === 401,
          revokedAt
        )
      )
    );
    console.info(`revoked token refused after ${ms.join(' ms and ')} ms (instances a and b; goal 1,000 ms)`);
    console.log(`revocation: refused by instance a after ${ms[0]} ms, by instance b after ${ms[1]} ms`);
  });

  test('an unknown token is looked up once, and works at once when it is created afterwards', async () => {
    const token = `s360_${randomBytes(32).toString('base64url')}`;
    const [i] = instances().slice(1);
    const before = i.ctx.tokens.lookups;
    for (let n = 0; n < 5; n++) {
      assert.equal((await get(i.url, '/v1/variables/channel', token)).status, 401);
    }
    assert.equal(i.ctx.tokens.lookups - before, 1, 'five tries with one unknown token: one look-up');

    const createdAt = Date.now();
    await a.db.pool.query(sql('tokens/create'), ['created-later', hashToken(token), ['read']]);
    const ms = await msUntil(
      'the token created afterwards is accepted',
      async () => (await get(i.url, '/v1/variables/channel', token)).status === 200,
      createdAt
    );
    console.info(`a token created after it was tried works after ${ms} ms`);
  });

  test('the unknown-token cache is bounded: the oldest entries go first', async () => {
    const small = await startServer({ port: 0, host: '127.0.0.1', jobs: 'off', ...LONG, tokenCacheSize: 3 }, a.db.url);
    try {
      const tokens = Array.from({ length: 4 }, () => `s360_${randomBytes(32).toString('base64url')}`);
      for (const token of tokens) {
        assert.equal((await get(small.url, '/v1/whoami', token)).status, 401);
      }
      const before = small.ctx.tokens.lookups;
      for (const token of tokens.slice(1)) {
        assert.equal((await get(small.url, '/v1/whoami', token)).status, 401);
      }
      assert.equal(small.ctx.tokens.lookups, before, 'the newest three are remembered');
      assert.equal((await get(small.url, '/v1/whoami', tokens[0])).status, 401);
      assert.equal(small.ctx.tokens.lookups, before + 1, 'the oldest was dropped');
    } finally {
      await small.close();
    }
  });
});

describe('reference data', () => {
  test('an unknown zone is a 400 naming it, and reloads nothing; a zone imported meanwhile is known to every instance at once', async () => {
    const paths = [
      '/v1/variables/channel?zone=NOPE',
      '/v1/annotations?zone=NOPE',
      '/v1/tiles/requests/10/680/441.mvt?zone=NOPE',
    ];
    for (const i of instances()) {
      assert.equal((await get(i.url, '/v1/variables/channel?zone=G1', a.tokens.read)).status, 200);
    }
    const loads = instances().map((i) => i.ctx.reference.loads);
    for (const i of instances()) {
      for (const path of paths) {
        for (let n = 0; n < 3; n++) {
          const res = await get(i.url, path, a.tokens.read);
          assert.equal(res.status, 400, `${i.name} ${path}: ${JSON.stringify(res.body)}`);
          assert.ok(
            res.body.details.some(
              (d: { path: string; message: string }) => d.path === 'query.zone' && d.message.includes('NOPE')
            ),
            JSON.stringify(res.body)
          );
        }
      }
    }
    assert.deepEqual(
      instances().map((i) => i.ctx.reference.loads),
      loads,
      'unknown codes reload nothing'
    );

    const importedAt = Date.now();
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [56, 26],
          [56.1, 26],
          [56.1, 26.1],
          [56, 26.1],
          [56, 26],
        ],
      ],
    };
    await importZones(
      a.db.pool,
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: 'NEW1', name_en: 'New', name_ar: 'جديد' }, geometry: square },
        ],
      },
      {
        codeProperty: 'code',
        nameEnProperty: 'name_en',
        nameArProperty: 'name_ar',
        kind: 'community',
        subdivideVertices: 64,
      }
    );
    const ms = await Promise.all(
      instances().map((i) =>
        msUntil(
          `instance ${i.name} knows the imported zone`,
          async () => (await get(i.url, '/v1/variables/channel?zone=NEW1', a.tokens.read)).status === 200,
          importedAt
        )
      )
    );
    console.info(`an imported zone is known after ${ms.join(' ms and ')} ms`);
  });
});

describe('the catalogue', () => {
  test('every instance serves the same version (one ETag behind a load balancer) and a new one as soon as a topic is renamed', async () => {
    const etags = async () =>
      Promise.all(
        instances().map(async (i) => {
          const res = await fetch(`${i.url}/v1/catalog`, { headers: { authorization: `Bearer ${a.tokens.read}` } });
          assert.equal(res.status, 200);
          return res.headers.get('etag');
        })
      );
    const before = await etags();
    assert.equal(before[0], before[1]);
    const renamedAt = Date.now();
    await a.db.pool.query("UPDATE topics SET name_en = name_en || ' (renamed)' WHERE code = 'waste.overflowing_bin'");
    const ms = await msUntil(
      'both instances serve the new catalogue',
      async () => {
        const now = await etags();
        return now.every((e) => e !== before[0]) && now[0] === now[1];
      },
      renamedAt
    );
    console.info(`the renamed topic is in both instances' catalogue after ${ms} ms`);
  });
});

describe('the change listener', () => {
  test('reconnects after losing its connection, and revocations reach every instance again', async () => {
    const { token } = await createToken(a.db.pool, 'after-reconnect', ['read']);
    for (const i of instances()) {
      assert.equal((await get(i.url, '/v1/variables/channel', token)).status, 200);
    }
    const listeners = async () =>
      (
        await a.db.pool.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'services360-listener'"
        )
      ).rows.map((r) => r.pid);
    const old = await listeners();
    assert.equal(old.length, 2, 'one listener per instance');
    await a.db.pool.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [old]);
    const ms = await msUntil('both listeners are back on new connections', async () => {
      const now = await listeners();
      return (
        now.length === 2 && now.every((pid) => !old.includes(pid)) && instances().every((i) => i.ctx.changes?.connected)
      );
    });
    console.info(`listeners reconnected after ${ms} ms`);

    const revokedAt = Date.now();
    await revokeToken(a.db.pool, 'after-reconnect');
    await Promise.all(
      instances().map((i) =>
        msUntil(
          `instance ${i.name} refuses the revoked token after reconnecting`,
          async () => (await get(i.url, '/v1/variables/channel', token)).status === 401,
          revokedAt
        )
      )
    );
  });
});
