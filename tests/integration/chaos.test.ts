// PostgreSQL restarted and stopped under traffic. A real aggregator (its own process, jobs on) over a
// PostgreSQL cluster of its own (tests/support/pg-cluster.ts: never the shared one) takes a bounded ingest and
// query load from 127.0.0.1 while the cluster is restarted (fast) and then stopped for a few seconds. The
// process must not exit, every answer must be a success or 503 with Retry-After, every accepted request must
// be in the database afterwards, the service must answer again soon after the database is back (the issue
// asks for 2 s; the bound asserted is 10 s so that a loaded machine does not fail it: the figure is printed),
// and the jobs must run again (the rollups apply everything that was accepted) as must the change listener.
import { test, beforeAll, afterAll } from '@jest/globals';
import { testUnless } from '../support/test-unless.ts';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPool } from '../../backend/db/pool.ts';
import { migrateWithCity } from '../../backend/city/migrate-with-city.ts';
import { loadConfig } from '../../backend/config.ts';
import { createToken } from '../../backend/auth/tokens.ts';
import { clusterUnavailable, createCluster, freePort, type PgCluster } from '../support/pg-cluster.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
/** What the issue asks for, and what is asserted (generous: a loaded 2-core machine must not fail it). */
const RECOVERY_GOAL_MS = 2_000;
const RECOVERY_BOUND_MS = 10_000;
/** The load: at most this many HTTP calls, each given at most this long to answer. */
const MAX_CALLS = 4_000;
const CALL_TIMEOUT_MS = 20_000;

const skip = clusterUnavailable();
let cluster: PgCluster | undefined;
let child: ChildProcess | undefined;
let exited: { code: number | null; signal: string | null } | null = null;
let base = '';
let token = '';
const log: string[] = [];

async function waitFor<T>(what: string, boundMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) {
      return v;
    }
    if (exited) {
      throw new Error(`${what}: the aggregator exited (${JSON.stringify(exited)})\n${log.slice(-40).join('')}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${boundMs} ms\n${log.slice(-40).join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  if (skip) {
    return;
  }
  cluster = await createCluster('s360chaos');
  const pool = createPool(cluster.url, loadConfig());
  try {
    await migrateWithCity(pool);
    await importGrid(pool);
    token = (await createToken(pool, 'chaos', ['ingest', 'read', 'pii'])).token;
  } finally {
    await pool.end();
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [join(ROOT, 'bin/services360.js'), 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: cluster.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      S360_JOBS: 'on',
      S360_POOL_SIZE: '10',
      S360_CONNECT_TIMEOUT_MS: '2000',
      S360_JOB_SLA_SWEEP_CRON: '*/5 * * * * *',
      S360_JOB_RECURRENCE_CRON: 'off',
      S360_JOB_RETENTION_CRON: 'off',
    },
  });
  child.stdout!.on('data', (d) => log.push(String(d)));
  child.stderr!.on('data', (d) => log.push(String(d)));
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  // Should this process die before after() runs, the aggregator goes with it (the cluster has its own hook).
  process.once('exit', () => {
    if (!exited) {
      child?.kill('SIGKILL');
    }
  });
  await waitFor('the aggregator listens', 60_000, async () => (await fetch(`${base}/healthz`)).ok || undefined);
});

afterAll(async () => {
  try {
    if (child && !exited) {
      const gone = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child!.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    }
  } finally {
    await cluster?.drop();
  }
});

/** One call: when it was sent (`at`) and answered (`done`). */
type Answer = { kind: string; status: number; retryAfter: string | null; at: number; done: number; error?: string };

/** The load: workers calling ingest (single and batch), query, detail and /readyz in turn, paced, until stopped or MAX_CALLS. */
function startLoad(workers = 4, paceMs = 15) {
  const answers: Answer[] = [];
  const accepted = new Set<string>();
  const references: string[] = [];
  let stopped = false;
  let calls = 0;
  let seq = 0;
  const nextId = () => `chaos-${++seq}`;
  const call = async (
    kind: string,
    method: string,
    path: string,
    body?: unknown
  ): Promise<{ status: number; body: any } | null> => {
    const at = Date.now();
    try {
      const res = await fetch(base + path, {
        method,
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      answers.push({ kind, status: res.status, retryAfter: res.headers.get('retry-after'), at, done: Date.now() });
      try {
        return { status: res.status, body: JSON.parse(text) };
      } catch {
        return { status: res.status, body: text };
      }
    } catch (err) {
      answers.push({ kind, status: 0, retryAfter: null, at, done: Date.now(), error: (err as Error).message });
      return null;
    }
  };
  const week = () => ({ from: new Date(Date.now() - 7 * 86_400_000).toISOString(), to: new Date().toISOString() });
  const one = async (n: number) => {
    switch (n % 8) {
      case 0:
      case 2:
      case 4: {
        const item = sampleRequest({ source: 'chaos', external_id: nextId(), created_at: new Date().toISOString() });
        const r = await call('ingest', 'POST', '/v1/requests', item);
        if (r && r.status >= 200 && r.status < 300) {
          accepted.add(item.external_id);
          references.push(r.body.reference);
        }
        return;
      }
      case 6: {
        const items = [0, 1, 2].map(() =>
          sampleRequest({ source: 'chaos', external_id: nextId(), created_at: new Date().toISOString() })
        );
        const r = await call('batch', 'POST', '/v1/requests/batch', { requests: items });
        if (r && r.status >= 200 && r.status < 300) {
          for (const it of items) {
            accepted.add(it.external_id);
          }
        }
        return;
      }
      case 1:
      case 5:
        await call('query', 'POST', '/v1/query', { ...week(), targets: [{ refId: 'A', metric: 'received' }] });
        return;
      case 7:
        await call('readyz', 'GET', '/readyz');
        return;
      default:
        if (references.length) {
          await call('detail', 'GET', `/v1/requests/${references[references.length - 1]}`);
        }
    }
  };
  const running = Array.from({ length: workers }, async (_, w) => {
    for (let n = w; !stopped && calls < MAX_CALLS; n++) {
      calls++;
      await one(n);
      await new Promise((r) => setTimeout(r, paceMs));
    }
  });
  return {
    answers,
    accepted,
    stop: async () => {
      stopped = true;
      await Promise.all(running);
    },
    /** when the first accepted write answered at or after `since` was answered (undefined: none yet) */
    okSince: (since: number) => {
      const ok = answers.filter(
        (a) => a.done >= since && (a.kind === 'ingest' || a.kind === 'batch') && a.status >= 200 && a.status < 300
      );
      return ok.length ? Math.min(...ok.map((a) => a.done)) : undefined;
    },
  };
}

/** Time from `back` (the database accepts connections again) to the first accepted write answered after it. */
async function recovery(load: ReturnType<typeof startLoad>, back: number): Promise<number> {
  const first = await waitFor('an accepted write after the database is back', 60_000, async () => load.okSince(back));
  return first - back;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

testUnless(skip)(
  'PostgreSQL restarted and stopped under load: no exit, only 503 + Retry-After meanwhile, nothing accepted lost, jobs run again',
  async () => {
    const load = startLoad();
    try {
      await sleep(2_000);
      assert.ok(load.okSince(0) !== undefined, `the load is accepted before any outage\n${log.slice(-20).join('')}`);

      const restartAt = Date.now();
      await cluster!.restart();
      const restartBack = Date.now();
      const afterRestart = await recovery(load, restartBack);
      await sleep(2_000);

      await cluster!.stop();
      const stopped = Date.now();
      await sleep(4_000);
      // Sent once the database was down and answered before it came back.
      const during = load.answers.filter((a) => a.at > stopped && a.done < Date.now());
      await cluster!.start();
      const startBack = Date.now();
      const afterStart = await recovery(load, startBack);
      await sleep(2_000);
      await load.stop();

      const line =
        `recovery after the database is back: ${afterRestart} ms after a fast restart (restart took ${restartBack - restartAt} ms), ` +
        `${afterStart} ms after a 4 s stop (goal ${RECOVERY_GOAL_MS} ms, bound asserted ${RECOVERY_BOUND_MS} ms); ` +
        `${load.answers.length} calls, ${load.accepted.size} requests accepted, ` +
        `${load.answers.filter((a) => a.status === 503).length} answered 503`;
      console.log(line);

      assert.equal(exited, null, `the aggregator exited: ${JSON.stringify(exited)}\n${log.slice(-40).join('')}`);
      assert.equal((await fetch(`${base}/healthz`)).status, 200);
      const bad = load.answers.filter(
        (a) =>
          !(
            (a.status >= 200 && a.status < 300) ||
            (a.status === 503 && a.retryAfter !== null && Number(a.retryAfter) > 0)
          )
      );
      assert.deepEqual(
        bad.slice(0, 5),
        [],
        `${bad.length} answers neither 2xx nor 503 with Retry-After\n${log.slice(-20).join('')}`
      );
      assert.ok(
        during.length > 0 && during.every((a) => a.status === 503),
        `calls while the database was stopped are answered 503 (${during.length} calls)`
      );
      assert.ok(afterRestart <= RECOVERY_BOUND_MS, `answers again ${afterRestart} ms after the restart`);
      assert.ok(afterStart <= RECOVERY_BOUND_MS, `answers again ${afterStart} ms after the start`);

      const check = new pg.Client({ connectionString: cluster!.url });
      await check.connect();
      try {
        const ids = [...load.accepted];
        const { rows } = await check.query<{ external_id: string }>(
          "SELECT external_id FROM requests WHERE source = 'chaos' AND external_id = ANY($1::text[])",
          [ids]
        );
        const stored = new Set(rows.map((r) => r.external_id));
        const lost = ids.filter((id) => !stored.has(id));
        assert.deepEqual(
          lost.slice(0, 10),
          [],
          `${lost.length} of ${ids.length} accepted requests are not in the database`
        );

        // The jobs run again: each job's lock session may have died with the restart; the next tick takes it.
        const backAt = new Date(startBack);
        await waitFor(
          'the rollups and the SLA sweep run after the outage and apply every accepted request',
          120_000,
          async () => {
            const {
              rows: [s],
            } = await check.query<{ rollups: boolean; sweep: boolean; pending: number }>(
              `SELECT coalesce(bool_or(job = 'rollups' AND last_run_at > $1 AND last_error IS NULL), false) AS rollups,
                    coalesce(bool_or(job = 'sla-sweep' AND last_run_at > $1 AND last_error IS NULL), false) AS sweep,
                    (SELECT count(*) FROM rollup_pending)::int AS pending
             FROM job_runs`,
              [backAt]
            );
            return s.rollups && s.sweep && s.pending === 0 ? true : undefined;
          }
        );
      } finally {
        await check.end();
      }
      // The LISTEN connection (token revocations, reference changes) is back too.
      await waitFor('the change listener reconnects', 30_000, async () =>
        /^s360_change_listener_connected 1$/m.test(await (await fetch(`${base}/metrics`)).text()) ? true : undefined
      );
      assert.equal(exited, null, 'the aggregator is still running');
    } finally {
      await load.stop();
    }
  },
  300_000
);
