#!/usr/bin/env node
// The test files whose path contains one of the given substrings, run by jest (scripts/jest.js):
// `node scripts/run-tests.js tests/integration/geo sla/clock`. With no filter, every test.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const filters = process.argv.slice(2).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const jest = fileURLToPath(new URL('./jest.js', import.meta.url));
const run = spawnSync(process.execPath, [jest, ...filters], { stdio: 'inherit' });
process.exit(run.status ?? 1);
