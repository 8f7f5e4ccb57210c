// The read router's rules that need no database: which replica URLs are accepted, how a replica is named in the
// metrics (never with its password), when a replica may be read, and that without replicas every read goes to
// the primary. Reads on a real standby: tests/integration/replica.test.ts.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import { ConfigError, loadConfig, readDatabaseUrls } from '../config.ts';
import { PRIMARY, ReadRouter } from './read-router.ts';
import { ReplicaMonitor, replicaLabel } from './replica-monitor.ts';

test('S360_READ_DATABASE_URL: none, one or several comma-separated postgres URLs; anything else fails at start without echoing it', () => {
  assert.deepEqual(readDatabaseUrls({ readDatabaseUrl: '' }), []);
  assert.deepEqual(readDatabaseUrls({ readDatabaseUrl: ' postgres://a:b@r1:5432/db , postgresql://a:b@r2/db,' }), [
    'postgres://a:b@r1:5432/db',
    'postgresql://a:b@r2/db',
  ]);
  assert.throws(
    () => readDatabaseUrls({ readDatabaseUrl: 'postgres://a:b@r1/db,mysql://u:secret@x/db' }),
    (err: Error) => err instanceof ConfigError && /entry 2/.test(err.message) && !err.message.includes('secret')
  );
});

test('a replica is named host:port/database in the metrics, never with its credentials', () => {
  assert.equal(replicaLabel('postgres://user:secret@replica-1:5433/services360'), 'replica-1:5433/services360');
  assert.equal(replicaLabel('postgres://user:secret@replica-1/services360'), 'replica-1:5432/services360');
});

test('a replica is read only while reachable, its lag known and within the bound, and its last check recent', async () => {
  const config = { ...loadConfig({}), replicaLagBoundSeconds: 2, replicaCheckMs: 1000, connectTimeoutMs: 3000 };
  const r = new ReplicaMonitor('postgres://u:p@127.0.0.1:1/none', config);
  try {
    const now = Date.now();
    assert.equal(r.usable(now), false, 'never checked');
    Object.assign(r.state, { reachable: true, lagSeconds: 0.5, checkedAt: now });
    assert.equal(r.usable(now), true);
    assert.equal(r.usable(now + 3 * 1000 + 3000 + 1), false, 'the last check is too old to trust');
    r.state.lagSeconds = 2.5;
    assert.equal(r.usable(now), false, 'lagging past the bound');
    r.state.lagSeconds = NaN;
    assert.equal(r.usable(now), false, 'lag unknown (not streaming)');
    r.state.lagSeconds = 0;
    r.markUnreachable();
    assert.equal(r.usable(now), false, 'a read there failed as unreachable');
  } finally {
    await r.stop();
  }
});

test('without replicas every read goes to the primary, counted as such', async () => {
  const primary = new pg.Pool({ connectionString: 'postgres://u:p@127.0.0.1:1/none' });
  const router = new ReadRouter(primary, loadConfig({}), []);
  try {
    assert.equal(await router.run(async (pool) => pool), primary);
    assert.equal(router.reads.get(PRIMARY), 1);
    assert.equal(router.fallbacks.size, 0);
  } finally {
    await primary.end();
  }
});
