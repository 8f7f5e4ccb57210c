#!/usr/bin/env node
// Runs every *.test.ts (and *.test.tsx) file with Node's test runner, after preparing a migrated
// template database that each integration test file clones (a fresh database per file, per run).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const roots = ['backend', 'src', 'tests', 'scripts'];
const filters = process.argv.slice(2);

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) {
      continue;
    }
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      walk(p, out);
    } else if (/\.test\.tsx?$/.test(name)) {
      out.push(relative(root, p));
    }
  }
  return out;
}
let files = roots.flatMap((r) => {
  try {
    return walk(join(root, r), []);
  } catch {
    return [];
  }
});
// tests/e2e needs a running Grafana: it has its own script (npm run test:e2e).
files = files.filter((f) => !f.startsWith('tests/e2e/'));
if (filters.length) {
  files = files.filter((f) => filters.some((x) => f.includes(x)));
}
files.sort();
if (!files.length) {
  console.error('no test files matched');
  process.exit(1);
}

const env = { ...process.env, S360_TEST_RUN: process.env.S360_TEST_RUN ?? `r${process.pid}${Date.now().toString(36)}` };
if (env.S360_ADMIN_URL) {
  const prep = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tests/support/prepare-template.ts')], {
    stdio: 'inherit',
    env,
  });
  if (prep.status !== 0) {
    process.exit(prep.status ?? 1);
  }
}
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env, cwd: root });
if (env.S360_ADMIN_URL) {
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tests/support/prepare-template.ts'), '--cleanup'], {
    stdio: 'inherit',
    env,
  });
}
process.exit(run.status ?? 1);
