// The demo's Grafana step (scripts/grafana.sh, sourced by scripts/demo.sh) run the way the demo runs it, in a
// bash with `set -euo pipefail`:
// - where Grafana cannot be downloaded (its APT repository or archive URL pointed at a closed 127.0.0.1 port),
//   it says exactly which URL failed, that nothing else changed and what to do, the demo goes on (exit 0), and
//   no APT source, key or partial download is left behind;
// - with a Grafana binary (a stand-in that records how it was started and answers /api/health), it starts it as
//   the demo's child with our provisioning and plugins, the three unsigned ids, 127.0.0.1, and a generated
//   first-login password in a 0600 file (not admin/admin), and prints the executive overview's kiosk URL.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import { testUnless } from '../support/test-unless.ts';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync as nodeReaddirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A directory's names in this realm's array: fs's array is Node's, and under jest (a vm context) a strict deepEqual
// with a literal fails on the prototype alone.
const readdirSync = (dir: string): string[] => [...nodeReaddirSync(dir)];
const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const KEYRING = '/etc/apt/keyrings/grafana.gpg';
const APT_LIST = '/etc/apt/sources.list.d/grafana.list';
const UNSIGNED = ['src/plugin.json', 'src/datasource/plugin.json', 'src/panel/plugin.json'].map(
  (f) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')).id as string
);

/** A port on 127.0.0.1 that nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** The demo's Grafana step, then the demo's next line: as scripts/demo.sh runs it (asynchronously: a test may serve). */
async function grafanaStep(env: Record<string, string>, after_ = '') {
  const script = `set -euo pipefail; pids=(); source scripts/grafana.sh; grafana_start; ${after_}
    echo "continued"; echo "url=$GRAFANA_URL"; echo "kiosk=$GRAFANA_KIOSK_URL"; echo "note=$GRAFANA_NOTE"`;
  const base = { ...process.env };
  delete base.DATABASE_URL; // no alerting login here
  const child = spawn('bash', ['-c', script], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const out = Object.fromEntries(
    stdout
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
  );
  return { status, stdout, stderr: plain(stderr), out };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 's360-demo-grafana-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const advice = (url: string) =>
  '[grafana] The demo goes on without Grafana. To see the dashboards, point an existing Grafana 13.2 or newer ' +
  `at the aggregator (README.md, "Pointing your own Grafana at it"), or run npm run demo on a machine that reaches ${url}.`;
const unchanged =
  '[grafana] Nothing else was changed: no APT source, key or package and no Grafana files were left on this machine.';

describe('the demo without network access to Grafana', () => {
  const aptPossible =
    process.getuid?.() === 0 && existsSync('/etc/debian_version') && spawnSync('apt-get', ['--version']).status === 0;

  testUnless(aptPossible ? null : 'needs root on Debian/Ubuntu')(
    'APT (Debian/Ubuntu as root): says the key URL failed, nothing changed, what to do; the demo goes on; no APT source left',
    async () => {
      const before = { keyring: existsSync(KEYRING), list: existsSync(APT_LIST) };
      const port = await closedPort();
      const repo = `http://127.0.0.1:${port}`;
      const state = join(dir, 'apt');
      const r = await grafanaStep({ S360_GRAFANA_SOURCE: 'apt', S360_GRAFANA_APT_URL: repo, S360_DEMO_DIR: state });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^continued$/m);
      const lines = r.stderr.trim().split('\n');
      assert.deepEqual(lines.length, 4, r.stderr);
      assert.equal(lines[0], `[grafana] installing Grafana OSS 13.2.* from ${repo} (APT)`);
      assert.match(
        lines[1],
        new RegExp(
          `^\\[grafana\\] could not download Grafana's APT signing key from ${repo}/gpg\\.key \\(Failed to ` +
            `connect to 127\\.0\\.0\\.1 port ${port}\\b[^)]*\\)\\.$`
        )
      );
      assert.equal(lines[2], unchanged);
      assert.equal(lines[3], advice(`${repo}/gpg.key`));
      assert.equal(r.out.url, '');
      assert.equal(r.out.note, `no Grafana: could not download Grafana's APT signing key from ${repo}/gpg.key`);
      if (!before.list) {
        assert.ok(!existsSync(APT_LIST), `${APT_LIST} left behind`);
      }
      if (!before.keyring) {
        assert.ok(!existsSync(KEYRING), `${KEYRING} left behind`);
      }
      assert.deepEqual(
        readdirSync('/etc/apt/sources.list.d').filter((f) => /grafana/i.test(f)),
        before.list ? ['grafana.list'] : []
      );
      assert.ok(!existsSync(join(state, 'grafana-admin.env')), 'no password for a Grafana that does not run');
    }
  );

  test('the standalone archive: says the archive URL failed, nothing changed, what to do; no partial download left', async () => {
    const port = await closedPort();
    const base = `http://127.0.0.1:${port}/oss/release`;
    const state = join(dir, 'archive');
    const r = await grafanaStep({
      S360_GRAFANA_SOURCE: 'archive',
      S360_GRAFANA_DOWNLOAD_URL: base,
      S360_DEMO_DIR: state,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^continued$/m);
    const arch = ({ x64: 'amd64', arm64: 'arm64' } as Record<string, string>)[process.arch] ?? process.arch;
    const url = `${base}/grafana-13.2.3.linux-${arch}.tar.gz`;
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 4, r.stderr);
    assert.equal(lines[0], `[grafana] downloading Grafana OSS 13.2.3 (${url})`);
    assert.match(
      lines[1],
      new RegExp(
        `^\\[grafana\\] could not download the Grafana 13\\.2\\.3 archive from ` +
          `${url.replace(/\./g, '\\.')} \\(Failed to connect to 127\\.0\\.0\\.1 port ${port}\\b[^)]*\\)\\.$`
      )
    );
    assert.equal(lines[2], unchanged);
    assert.equal(lines[3], advice(url));
    assert.deepEqual(existsSync(state) ? readdirSync(state) : [], [], 'nothing left in the state dir');
  });
});

describe('the demo with a Grafana binary', () => {
  test('starts it as a child with our provisioning and plugins, on 127.0.0.1, a generated 0600 password, and prints the kiosk URL', async () => {
    const bin = join(dir, 'bin');
    const dist = join(dir, 'dist');
    const state = join(dir, 'state');
    mkdirSync(bin, { recursive: true });
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'plugin.json'), JSON.stringify({ id: 'services360-app' }));
    const envOut = join(dir, 'grafana.env');
    const argsOut = join(dir, 'grafana.args');
    // A stand-in for Grafana: records its environment and arguments, answers /api/health where Grafana would listen.
    writeFileSync(
      join(bin, 'grafana'),
      `#!/bin/sh
env > '${envOut}'
echo "$@" > '${argsOut}'
exec node -e "require('node:http').createServer((q, r) => { r.statusCode = q.url === '/api/health' ? 200 : 404; r.end('{}'); })
  .listen(Number(process.env.GF_SERVER_HTTP_PORT), process.env.GF_SERVER_HTTP_ADDR)"
`
    );
    chmodSync(join(bin, 'grafana'), 0o755);
    const port = await closedPort();
    const r = await grafanaStep(
      {
        S360_GRAFANA_SOURCE: 'binary',
        S360_GRAFANA_BIN: join(bin, 'grafana'),
        S360_GRAFANA_DIST: dist,
        S360_GRAFANA_PORT: String(port),
        S360_DEMO_DIR: state,
        S360_AGGREGATOR_URL: 'http://127.0.0.1:8360',
        S360_API_TOKEN: 'read-token',
        S360_PII_API_TOKEN: 'pii-token',
      },
      'kill "${pids[@]}"; wait 2>/dev/null || true;'
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^continued$/m);
    assert.equal(r.out.url, `http://127.0.0.1:${port}`);
    assert.equal(r.out.kiosk, `http://127.0.0.1:${port}/d/s360-executive?kiosk&refresh=10s`);
    assert.match(
      r.stderr,
      new RegExp(`wall screen: http://127\\.0\\.0\\.1:${port}/d/s360-executive\\?kiosk&refresh=10s`)
    );
    // The kiosk link names the executive overview that provisioning installs.
    const exec = JSON.parse(
      readFileSync(join(ROOT, 'provisioning/dashboards/services360/executive-overview.json'), 'utf8')
    );
    assert.equal(exec.uid, 's360-executive');

    const pwFile = join(state, 'grafana-admin.env');
    assert.equal(statSync(pwFile).mode & 0o777, 0o600);
    const password = /^GF_ADMIN_PASSWORD=(.+)$/m.exec(readFileSync(pwFile, 'utf8'))![1];
    assert.ok(password.length >= 20 && password !== 'admin', 'a generated password');
    const env = Object.fromEntries(
      readFileSync(envOut, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    );
    assert.equal(env.GF_SECURITY_ADMIN_PASSWORD, password);
    assert.equal(env.GF_SERVER_HTTP_ADDR, '127.0.0.1');
    assert.equal(env.GF_SERVER_HTTP_PORT, String(port));
    assert.equal(env.GF_PATHS_PROVISIONING, join(ROOT, 'provisioning'));
    assert.deepEqual(env.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',').sort(), [...UNSIGNED].sort());
    assert.ok(
      existsSync(join(env.GF_PATHS_PLUGINS, 'services360-app/plugin.json')),
      'dist/ is the services360-app plugin'
    );
    assert.ok(env.GF_PATHS_DATA.startsWith(state));
    for (const v of [
      'S360_AGGREGATOR_URL',
      'S360_API_TOKEN',
      'S360_PII_API_TOKEN',
      'S360_ALERT_EMAILS',
      'S360_TEAMS_WEBHOOK_URL',
      'S360_ALERTING_DB_HOST',
      'S360_ALERTING_DB_NAME',
      'S360_ALERTING_DB_USER',
      'S360_ALERTING_DB_PASSWORD',
    ]) {
      assert.ok(env[v], `${v} given to Grafana`);
    }
    assert.equal(readFileSync(argsOut, 'utf8').trim(), 'server --homepath /usr/share/grafana');

    // A second start keeps the password (Grafana sets it at its first start only).
    const again = await grafanaStep(
      {
        S360_GRAFANA_SOURCE: 'binary',
        S360_GRAFANA_BIN: join(bin, 'grafana'),
        S360_GRAFANA_DIST: dist,
        S360_GRAFANA_PORT: String(port),
        S360_DEMO_DIR: state,
      },
      'kill "${pids[@]}"; wait 2>/dev/null || true;'
    );
    assert.equal(again.status, 0, again.stderr);
    assert.match(readFileSync(pwFile, 'utf8'), new RegExp(`^GF_ADMIN_PASSWORD=${password}$`, 'm'));
  });
});

/** A stand-in for Grafana: records how it was started, answers /api/health where Grafana would listen. */
const fakeGrafana = (envOut: string, argsOut: string) => `#!/bin/sh
env > '${envOut}'
echo "$0 $@" > '${argsOut}'
exec node -e "require('node:http').createServer((q, r) => { r.statusCode = q.url === '/api/health' ? 200 : 404; r.end('{}'); })
  .listen(Number(process.env.GF_SERVER_HTTP_PORT), process.env.GF_SERVER_HTTP_ADDR)"
`;

describe('the demo with the standalone archive (served on 127.0.0.1)', () => {
  let server: Server;
  let base: string;
  let archive: Buffer;
  const arch = ({ x64: 'amd64', arm64: 'arm64' } as Record<string, string>)[process.arch] ?? process.arch;
  const name = `grafana-13.2.3.linux-${arch}.tar.gz`;
  let sha = '';
  beforeAll(async () => {
    const top = join(dir, 'archive-src/grafana-v13.2.3');
    mkdirSync(join(top, 'bin'), { recursive: true });
    mkdirSync(join(top, 'conf'), { recursive: true });
    writeFileSync(join(top, 'conf/defaults.ini'), '; stand-in\n');
    writeFileSync(join(top, 'bin/grafana'), fakeGrafana(join(dir, 'archive.env'), join(dir, 'archive.args')));
    chmodSync(join(top, 'bin/grafana'), 0o755);
    execFileSync('tar', ['-czf', join(dir, name), '-C', join(dir, 'archive-src'), 'grafana-v13.2.3']);
    archive = readFileSync(join(dir, name));
    sha = createHash('sha256').update(archive).digest('hex');
    server = createHttpServer((req, res) => {
      if (req.url === `/oss/release/${name}`) {
        res.end(archive);
      } else if (req.url === `/oss/release/${name}.sha256`) {
        res.end(`${sha}  ${name}\n`);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/oss/release`;
  });
  afterAll(() => {
    server?.close();
  });

  test('downloads it, checks its SHA-256, unpacks it into the state dir and runs it from there', async () => {
    const state = join(dir, 'archive-ok');
    const dist = join(dir, 'archive-dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'plugin.json'), '{}');
    const port = await closedPort();
    const r = await grafanaStep(
      {
        S360_GRAFANA_SOURCE: 'archive',
        S360_GRAFANA_DOWNLOAD_URL: base,
        S360_DEMO_DIR: state,
        S360_GRAFANA_DIST: dist,
        S360_GRAFANA_PORT: String(port),
      },
      'kill "${pids[@]}"; wait 2>/dev/null || true;'
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.out.url, `http://127.0.0.1:${port}`, r.stderr);
    const home = join(state, 'grafana/grafana-13.2.3');
    assert.equal(
      readFileSync(join(dir, 'archive.args'), 'utf8').trim(),
      `${home}/bin/grafana server --homepath ${home}`
    );
    assert.deepEqual(
      readdirSync(join(state, 'grafana')).filter((f) => f.startsWith('download')),
      [],
      'no download left over'
    );
  });

  test('refuses an archive whose SHA-256 is not the published one, and leaves nothing', async () => {
    const state = join(dir, 'archive-bad');
    const r = await grafanaStep({
      S360_GRAFANA_SOURCE: 'archive',
      S360_GRAFANA_DOWNLOAD_URL: base,
      S360_DEMO_DIR: state,
      S360_GRAFANA_SHA256: '0'.repeat(64),
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^continued$/m);
    assert.equal(r.out.url, '');
    assert.match(
      r.stderr,
      new RegExp(
        `the archive from ${base.replace(/\./g, '\\.')}/${name.replace(/\./g, '\\.')} has SHA-256 ${sha}, not 0{64}: not used`
      )
    );
    assert.deepEqual(readdirSync(state), [], 'nothing left in the state dir');
  });
});

describe('scripts/demo.sh', () => {
  const demo = readFileSync(join(ROOT, 'scripts/demo.sh'), 'utf8');
  test('sets no restrictive umask in its own shell (the plugins it builds must stay readable by Grafana)', () => {
    const bare = demo
      .split('\n')
      .filter((l) => !/^\s*#/.test(l) && /\bumask\s+0?0?77\b/.test(l) && !/^\s*\(\s*umask\s+0?0?77\s*;/.test(l));
    assert.deepEqual(bare, []);
  });
  test('runs the Grafana step of scripts/grafana.sh and ends with where to look and how long each step took', () => {
    assert.match(demo, /source scripts\/grafana\.sh\n\s*grafana_start/);
    for (const what of ['aggregator', 'grafana', 'wall screen', 'tokens', 'steps:']) {
      assert.ok(demo.includes(what), what);
    }
    assert.match(demo, /GRAFANA_KIOSK_URL/);
    assert.match(demo, /step "building the Grafana plugins/);
  });
});
