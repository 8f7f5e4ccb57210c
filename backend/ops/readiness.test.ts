import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { judgeReadiness } from './readiness.ts';

const healthy = { databaseAnswers: true, pending: [] as string[], lagSeconds: 12.345 };

test('ready when the database answers, nothing is pending and the lag is under the bound', () => {
  assert.deepEqual(judgeReadiness(healthy, 300), {
    ready: true,
    problems: [],
    warnings: [],
    checks: { database: 'ok', migrations: 'current', rollup_lag_seconds: 12.3 },
  });
});

test('a lag at the bound is a warning, not a failure: still ready, saying by how much in plain words', () => {
  const r = judgeReadiness({ ...healthy, lagSeconds: 300 }, 300);
  assert.equal(r.ready, true);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.warnings, [
    {
      path: 'rollup_lag_seconds',
      message: 'the rollups lag 300 s behind (bound 300 s); answers stay exact while they catch up',
    },
  ]);
  assert.deepEqual(judgeReadiness({ ...healthy, lagSeconds: 299 }, 300).warnings, []);
});

test('pending migrations are named, with the command that applies them', () => {
  const r = judgeReadiness({ ...healthy, pending: ['0014_a.sql', '0015_b.sql'] }, 300);
  assert.equal(r.checks.migrations, 'pending');
  assert.deepEqual(r.problems, [
    { path: 'migrations', message: '2 migrations pending (0014_a.sql, 0015_b.sql); run services360 migrate' },
  ]);
});

test('a database that does not answer is the one problem reported; the rest is unknown', () => {
  const r = judgeReadiness({ databaseAnswers: false, pending: null, lagSeconds: null }, 300);
  assert.deepEqual(r, {
    ready: false,
    checks: { database: 'unreachable', migrations: 'unknown', rollup_lag_seconds: null },
    problems: [{ path: 'database', message: 'the database does not answer' }],
    warnings: [],
  });
});

test('an answering database whose migrations cannot be read is not ready; an unreadable lag is only a warning', () => {
  const r = judgeReadiness({ databaseAnswers: true, pending: null, lagSeconds: null }, 300);
  assert.equal(r.ready, false);
  assert.deepEqual(
    r.problems.map((p) => p.path),
    ['migrations']
  );
  assert.deepEqual(
    r.warnings.map((p) => p.path),
    ['rollup_lag_seconds']
  );
  assert.equal(judgeReadiness({ databaseAnswers: true, pending: [], lagSeconds: null }, 300).ready, true);
});

test('a database no city file was applied to is ready with a warning naming the command; a configured one is silent', () => {
  const base = { databaseAnswers: true, pending: [], lagSeconds: 0 };
  const bare = judgeReadiness({ ...base, cityConfigured: false }, 600);
  assert.equal(bare.ready, true);
  assert.deepEqual(
    bare.warnings.map((w) => w.path),
    ['city']
  );
  assert.match(bare.warnings[0].message, /no city configuration applied.*services360 config apply/);
  assert.deepEqual(judgeReadiness({ ...base, cityConfigured: true }, 600).warnings, []);
  assert.deepEqual(judgeReadiness({ ...base, cityConfigured: null }, 600).warnings, []);
});
