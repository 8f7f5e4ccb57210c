// `npm run build` into a temporary dist/ (twice, to see that it is reproducible), then the tree Grafana loads:
// module.js + plugin.json for the app, the datasource and the panel, logos, README; versions stamped; AMD
// modules that ask only for Grafana's shared modules (plus `module` for their public path); no process.env.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pluginJsonProblems } from './plugin-schema.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const EPOCH = 1_795_000_000; // 2026-11-18T11:06:40Z
const STAMP_DATE = new Date(EPOCH * 1000).toISOString().slice(0, 10);

const PLUGINS = [
  { dir: '', id: 'services360-app' },
  { dir: 'datasource', id: 'services360-requests-datasource' },
  { dir: 'panel', id: 'services360-zonemap-panel' },
];

// What Grafana shares with plugins (tests/host and ../shared/GRAFANA-HOST.md), plus AMD's `module`.
const SHARED = new Set([
  'module',
  'react',
  'react/jsx-runtime',
  'react-dom',
  'react-dom/client',
  '@grafana/data',
  '@grafana/ui',
  '@grafana/runtime',
  '@emotion/css',
  '@emotion/react',
  'rxjs',
  'rxjs/operators',
  'lodash',
  'moment',
  'd3',
  'i18next',
  'react-redux',
  'redux',
  'react-router',
  'react-router-dom',
  'jquery',
  'prismjs',
  'slate',
]);

let work: string;
let dist: string;
let again: string;

function build(out: string) {
  const run = spawnSync('npm', ['run', 'build', '--', '--env', `dist=${out}`], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: String(EPOCH) },
  });
  assert.equal(run.status, 0, `npm run build failed:\n${run.stdout}\n${run.stderr}`);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [relative(work, p).split('/').slice(1).join('/')];
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 's360-build-'));
  dist = join(work, 'dist');
  again = join(work, 'again');
  build(dist);
  build(again);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build', () => {
  test('writes module.js, plugin.json and img/logo.svg for the app and each nested plugin, and the README', () => {
    const tree = new Set(files(dist));
    for (const p of PLUGINS) {
      const prefix = p.dir ? `${p.dir}/` : '';
      for (const f of ['module.js', 'plugin.json', 'img/logo.svg']) {
        assert.ok(tree.has(prefix + f), `${prefix}${f} is built`);
      }
    }
    assert.ok(tree.has('README.md'));
    assert.ok(
      ![...tree].some((f) => f.endsWith('.ts') || f.endsWith('.tsx') || f.endsWith('.LICENSE.txt')),
      'no sources or licence extracts in dist'
    );
  });

  test("each dist plugin.json is valid against Grafana's schema, stamped with the package version and the build date", () => {
    for (const p of PLUGINS) {
      const text = readFileSync(join(dist, p.dir, 'plugin.json'), 'utf8');
      const json = JSON.parse(text);
      assert.deepEqual(pluginJsonProblems(json), [], p.id);
      assert.equal(json.id, p.id);
      assert.equal(json.info.version, pkg.version);
      assert.equal(json.info.updated, STAMP_DATE);
      assert.doesNotMatch(text, /%VERSION%|%TODAY%/);
    }
    assert.doesNotMatch(readFileSync(join(dist, 'README.md'), 'utf8'), /%VERSION%/);
  });

  test("each module.js is an anonymous AMD module that asks only for Grafana's shared modules", () => {
    for (const p of PLUGINS) {
      const js = readFileSync(join(dist, p.dir, 'module.js'), 'utf8');
      const m = /^(?:\/\*![^*]*\*\/\s*)?define\(\[([^\]]*)\]/.exec(js);
      assert.ok(m, `${p.id}: module.js starts with define([...])`);
      const deps = JSON.parse(`[${m[1]}]`) as string[];
      assert.ok(deps.includes('module'), `${p.id} reads its public path from AMD's module.uri`);
      assert.deepEqual(
        deps.filter((d) => !SHARED.has(d)),
        [],
        `${p.id} bundles everything Grafana does not share`
      );
      assert.ok(js.includes(`public/plugins/${p.id}/`), `${p.id}: fallback public path`);
    }
  });

  test('no process.env is left in any bundle', () => {
    for (const f of files(dist).filter((x) => x.endsWith('.js'))) {
      assert.doesNotMatch(readFileSync(join(dist, f), 'utf8'), /process\.env/, f);
    }
  });

  test('a second build of the same sources is byte-identical (SOURCE_DATE_EPOCH fixes the date)', () => {
    const a = files(dist).sort();
    assert.deepEqual(files(again).sort(), a);
    for (const f of a) {
      assert.ok(readFileSync(join(dist, f)).equals(readFileSync(join(again, f))), `${f} differs between builds`);
    }
  });
});
