// A throwaway PostgreSQL cluster of its own (Debian's postgresql-common, run as root as CI is), for tests
// that restart or stop the database: never the shared cluster the other tests use. The cluster is named
// per process, so runs side by side never meet, and is dropped in drop() — and, should the test process
// die first, by an 'exit' hook (synchronous, as exit hooks must be).
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export type PgCluster = {
  name: string;
  version: string;
  port: number;
  /** a superuser role's URL to the cluster's database */
  url: string;
  restart: () => Promise<void>;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  drop: () => Promise<void>;
};

/** A TCP port nobody listens on right now (127.0.0.1). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Why this machine cannot create a cluster (a reason to skip), or null when it can. */
export function clusterUnavailable(): string | null {
  if (process.getuid?.() !== 0) {
    return 'needs root (pg_createcluster / pg_ctlcluster)';
  }
  try {
    execFileSync('which', ['pg_createcluster', 'pg_ctlcluster', 'pg_dropcluster'], { stdio: 'ignore' });
  } catch {
    return 'postgresql-common is not installed';
  }
  if (!newestVersion()) {
    return 'no PostgreSQL server under /usr/lib/postgresql';
  }
  return null;
}

function newestVersion(): string | null {
  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(a) - Number(b));
    return versions.at(-1) ?? null;
  } catch {
    return null;
  }
}

/** Runs SQL as the postgres role through the cluster's Unix socket (peer authentication). */
async function psql(version: string, port: number, sqlText: string): Promise<void> {
  await run(
    'runuser',
    [
      '-u',
      'postgres',
      '--',
      `/usr/lib/postgresql/${version}/bin/psql`,
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-p',
      String(port),
      '-d',
      'postgres',
      '-c',
      sqlText,
    ],
    { cwd: '/' }
  );
}

/** Waits until the cluster accepts connections (bounded). */
async function waitReady(url: string, boundMs = 60_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    c.on('error', () => {});
    try {
      await c.connect();
      await c.query('SELECT 1');
      await c.end();
      return;
    } catch (err) {
      await c.end().catch(() => {});
      if (Date.now() > deadline) {
        throw new Error(`the test cluster did not accept connections within ${boundMs} ms: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Drops the cluster when the test process exits first (synchronous, as exit hooks must be); returns the drop. */
function dropOnExit(
  version: string,
  name: string
): { dropSync: () => void; disarm: () => void; isDropped: () => boolean } {
  let dropped = false;
  const dropSync = () => {
    if (dropped) {
      return;
    }
    dropped = true;
    try {
      execFileSync('pg_dropcluster', ['--stop', version, name], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
  };
  process.once('exit', dropSync);
  return {
    dropSync,
    disarm: () => {
      dropped = true;
      process.off('exit', dropSync);
    },
    isDropped: () => dropped,
  };
}

function handle(
  version: string,
  name: string,
  port: number,
  url: string,
  guard: ReturnType<typeof dropOnExit>
): PgCluster {
  const ctl = (...args: string[]) => run('pg_ctlcluster', [version, name, ...args]);
  return {
    name,
    version,
    port,
    url,
    restart: async () => {
      await ctl('restart', '-m', 'fast');
      await waitReady(url);
    },
    stop: async () => {
      await ctl('stop', '-m', 'fast');
    },
    start: async () => {
      await ctl('start');
      await waitReady(url);
    },
    drop: async () => {
      if (guard.isDropped()) {
        return;
      }
      await run('pg_dropcluster', ['--stop', version, name]).catch(() => {});
      guard.disarm();
    },
  };
}

/**
 * Under scripts/test-at-date.sh the tests run on a moved clock (libfaketime); pg_ctlcluster starts a cluster with
 * a clean environment, so the moved clock is written into the cluster's own environment file: its now() is the
 * tests' now, as in the script's main cluster.
 */
function sameClockAsTests(version: string, name: string) {
  const { FAKETIME, LD_PRELOAD } = process.env;
  if (!FAKETIME || !LD_PRELOAD) {
    return;
  }
  appendFileSync(
    `/etc/postgresql/${version}/${name}/environment`,
    `LD_PRELOAD='${LD_PRELOAD}'\nFAKETIME='${FAKETIME}'\nFAKETIME_DONT_FAKE_MONOTONIC=1\n`
  );
}

/** Small and quick: few connections, little memory; durability as in production (fsync on). */
const SMALL = ['-o', 'max_connections=40', '-o', 'shared_buffers=32MB', '-o', 'log_min_messages=warning'];

/**
 * Creates, starts and prepares (a superuser role and a database) a cluster of its own. `replication`: it can
 * also be the primary of a streaming replica (wal_level=replica, WAL senders, a role `s360repl` with the
 * REPLICATION attribute; Debian's pg_hba.conf lets it connect from 127.0.0.1).
 */
export async function createCluster(prefix = 's360chaos', opts: { replication?: boolean } = {}): Promise<PgCluster> {
  const version = newestVersion();
  if (!version) {
    throw new Error('no PostgreSQL server under /usr/lib/postgresql');
  }
  const name = `${prefix}_${process.pid}`;
  const port = await freePort();
  const guard = dropOnExit(version, name);
  const replication = opts.replication
    ? ['-o', 'wal_level=replica', '-o', 'max_wal_senders=5', '-o', 'wal_keep_size=64MB']
    : [];
  try {
    await run('pg_createcluster', [
      version,
      name,
      '--port',
      String(port),
      '--start-conf',
      'manual',
      ...SMALL,
      ...replication,
    ]);
    sameClockAsTests(version, name);
    await run('pg_ctlcluster', [version, name, 'start']);
    await psql(version, port, "CREATE ROLE s360chaos LOGIN SUPERUSER PASSWORD 's360chaos'");
    await psql(version, port, 'CREATE DATABASE s360chaos OWNER s360chaos');
    if (opts.replication) {
      await psql(version, port, "CREATE ROLE s360repl LOGIN REPLICATION PASSWORD 's360repl'");
    }
  } catch (err) {
    guard.dropSync();
    throw err;
  }
  const url = `postgres://s360chaos:s360chaos@127.0.0.1:${port}/s360chaos`;
  await waitReady(url);
  return handle(version, name, port, url, guard);
}

/**
 * A hot standby of `primary` (created with { replication: true }), streaming from it: a cluster of its own on
 * another port whose data directory is replaced by `pg_basebackup -R` (standby.signal and primary_conninfo
 * written by it), then started. Resolves once it accepts connections and its WAL receiver streams.
 */
export async function createStandby(primary: PgCluster, prefix = 's360standby'): Promise<PgCluster> {
  const { version } = primary;
  const name = `${prefix}_${process.pid}`;
  const port = await freePort();
  const guard = dropOnExit(version, name);
  try {
    await run('pg_createcluster', [version, name, '--port', String(port), '--start-conf', 'manual', ...SMALL]);
    sameClockAsTests(version, name);
    const dataDir = `/var/lib/postgresql/${version}/${name}`;
    await run('runuser', ['-u', 'postgres', '--', 'find', dataDir, '-mindepth', '1', '-delete'], { cwd: '/' });
    await run(
      'runuser',
      [
        '-u',
        'postgres',
        '--',
        `/usr/lib/postgresql/${version}/bin/pg_basebackup`,
        '-D',
        dataDir,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
        '-d',
        `host=127.0.0.1 port=${primary.port} user=s360repl password=s360repl application_name=${name}`,
      ],
      { cwd: '/' }
    );
    await run('pg_ctlcluster', [version, name, 'start']);
  } catch (err) {
    guard.dropSync();
    throw err;
  }
  const url = `postgres://s360chaos:s360chaos@127.0.0.1:${port}/s360chaos`;
  await waitReady(url);
  await waitStreaming(url);
  return handle(version, name, port, url, guard);
}

/** Waits until the server is a standby with a WAL receiver streaming (bounded). */
async function waitStreaming(url: string, boundMs = 60_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    c.on('error', () => {});
    try {
      await c.connect();
      const { rows } = await c.query(
        `SELECT pg_is_in_recovery() AS standby, EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') AS streaming`
      );
      await c.end();
      if (rows[0].standby && rows[0].streaming) {
        return;
      }
    } catch {
      await c.end().catch(() => {});
    }
    if (Date.now() > deadline) {
      throw new Error(`the standby did not stream within ${boundMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
