#!/usr/bin/env node
// Starts jest in its ES module mode (the package is ESM: `.ts` imports, import.meta.url, top-level await), with
// every argument passed on: `node scripts/jest.js backend/sla/clock.test.ts -t 'pauses'`, `--selectProjects plugin`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const node = ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'];
// One run id for the whole run (it names the run's test databases: tests/support/db-names.ts), set before jest starts,
// so its global set-up, its workers and every aggregator they start agree on it.
const env = { ...process.env, S360_TEST_RUN: process.env.S360_TEST_RUN || `r${process.pid}${Date.now().toString(36)}` };
const run = spawnSync(process.execPath, [...node, jest, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
