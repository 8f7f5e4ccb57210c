// Grafana 13.2 options: every provisioned panel's options checked against @grafana/schema 13.2 (and our own panel
// types) by type-checking a generated file (scripts/check-panel-options.ts); no removed option such as the table's
// `footer` is written. No database, no network.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFile } from '../../scripts/check-panel-options.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');

test("every provisioned panel's options type-check against @grafana/schema 13.2 and our panel types", () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-panel-options.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
  assert.match(run.stdout, /\d+ panel option sets match/);
});

test('the check covers every panel and would name a removed option', () => {
  const { source, problems } = checkFile();
  assert.deepEqual(problems, [], 'every panel type has a known option type');
  assert.ok(!source.includes('"footer"'), 'no table carries the removed footer option');
  assert.match(source, /Loose<table_options> = /);
});
