// Builds the host page and the fixture plugins once per set of inputs and keeps the result in
// .cache/host/<hash>/: a test run reuses it while the host's sources and package-lock.json are unchanged.
// Usage: node --import tsx tests/host/build.ts [--force]   (prints the bundle directory and the time taken)
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack, { type Configuration } from 'webpack';

import {
  FIXTURES_DIR,
  fixtureIds,
  fixturePluginConfigs,
  HOST_DIR,
  hostPageConfig,
  ROOT_DIR,
} from './webpack.config.ts';

export const CACHE_DIR = join(ROOT_DIR, '.cache/host');
const KEEP_BUILDS = 3;

export type HostBuild = { dir: string; hash: string; built: boolean; ms: number };

/** The files whose content decides the bundle. */
function inputFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        walk(p);
      } else {
        files.push(p);
      }
    }
  };
  walk(join(HOST_DIR, 'page'));
  if (existsSync(FIXTURES_DIR)) {
    walk(FIXTURES_DIR);
  }
  for (const f of ['webpack.config.ts', 'build.ts', 'api.ts']) {
    files.push(join(HOST_DIR, f));
  }
  files.push(join(ROOT_DIR, 'package-lock.json'));
  return files;
}

export function inputHash(): string {
  const hash = createHash('sha256');
  for (const f of inputFiles()) {
    hash.update(relative(ROOT_DIR, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Returns the cached bundle for the current inputs, building it first when there is none. */
export async function ensureHostBuild(
  opts: { force?: boolean; log?: (line: string) => void } = {}
): Promise<HostBuild> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const hash = inputHash();
  const dir = join(CACHE_DIR, hash);
  mkdirSync(CACHE_DIR, { recursive: true });
  if (opts.force) {
    rmSync(dir, { recursive: true, force: true });
  }
  if (isComplete(dir)) {
    return { dir, hash, built: false, ms: Date.now() - started };
  }

  const lock = `${dir}.lock`;
  while (!tryLock(lock)) {
    // Another process is building the same inputs: wait for it.
    await new Promise((r) => setTimeout(r, 1000));
    if (isComplete(dir)) {
      return { dir, hash, built: false, ms: Date.now() - started };
    }
  }
  try {
    if (isComplete(dir)) {
      return { dir, hash, built: false, ms: Date.now() - started };
    }
    log(`building the plugin host (${hash}); a cold build takes a few minutes on 2 cores`);
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    await runWebpack([hostPageConfig(tmp), ...fixturePluginConfigs(tmp)]);
    for (const folder of fixtureIds()) {
      copyFileSync(join(FIXTURES_DIR, folder, 'plugin.json'), join(tmp, 'fixtures', folder, 'plugin.json'));
    }
    writeFileSync(
      join(tmp, 'BUILD.json'),
      JSON.stringify({ hash, builtAt: new Date().toISOString(), ms: Date.now() - started })
    );
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    prune(hash);
    return { dir, hash, built: true, ms: Date.now() - started };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const isComplete = (dir: string) => existsSync(join(dir, 'BUILD.json'));

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return true;
  } catch {
    // A lock left by a process that died is taken over.
    try {
      const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      if (pid && !isAlive(pid)) {
        rmSync(lock, { recursive: true, force: true });
      }
    } catch {
      /* the owner is still writing its pid */
    }
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function runWebpack(configs: Configuration[]): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(configs, (err, stats) => {
      if (err) {
        return reject(err);
      }
      if (!stats) {
        return reject(new Error('webpack returned no stats'));
      }
      if (stats.hasErrors()) {
        const text = stats.toString({ all: false, errors: true, errorDetails: false, colors: false });
        return reject(new Error(`plugin host build failed:\n${text.slice(0, 8000)}`));
      }
      resolve();
    });
  });
}

function prune(current: string) {
  const builds = readdirSync(CACHE_DIR)
    .filter((n) => /^[0-9a-f]{16}$/.test(n) && n !== current)
    .map((n) => ({ n, t: statSync(join(CACHE_DIR, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { n } of builds.slice(KEEP_BUILDS - 1)) {
    rmSync(join(CACHE_DIR, n), { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await ensureHostBuild({ force: process.argv.includes('--force'), log: (l) => console.error(l) });
  console.log(JSON.stringify(result));
}
