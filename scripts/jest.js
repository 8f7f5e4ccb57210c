#!/usr/bin/env node
// Starts jest in its ES module mode (the package is ESM: `.ts` imports, import.meta.url, top-level await), with
// every argument passed on: `node scripts/jest.js backend/sla/clock.test.ts -t 'pauses'`, `--selectProjects plugin`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const node = ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'];
const run = spawnSync(process.execPath, [...node, jest, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
