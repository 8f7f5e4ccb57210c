// npm run dashboards: writes the provisioned dashboards of every language (provisioning/dashboards/services360/*.json
// in English, provisioning/dashboards/services360-ar/*.json in Arabic) from the typed builders in dashboards/, and the
// wall playlists (provisioning/playlists/). With --check it writes nothing and exits 1 naming every file that differs
// from what the builders produce, or that no builder produces (the dashboards test runs this).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DASHBOARDS } from './dashboards/index.ts';
import { EDITIONS, LANGUAGES } from './language.ts';
import { PLAYLISTS } from './playlists.ts';
import { dropRemovedOptions } from './removed-options.ts';

/** The provisioning folder. */
export const PROVISIONING_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The folders whose JSON files are all generated (relative to the provisioning folder). */
export const GENERATED_DIRS = [...LANGUAGES.map((lang) => join('dashboards', EDITIONS[lang].dir)), 'playlists'];

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The JSON text of every generated file, by path relative to the provisioning folder. */
export function renderProvisioning(): Map<string, string> {
  const out = new Map<string, string>();
  for (const lang of LANGUAGES) {
    for (const [file, build] of Object.entries(DASHBOARDS)) {
      out.set(join('dashboards', EDITIONS[lang].dir, `${file}.json`), json(dropRemovedOptions(build(lang) as never)));
    }
  }
  for (const { file, playlist } of PLAYLISTS) {
    out.set(join('playlists', file), json(playlist));
  }
  return out;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const rendered = renderProvisioning();
  const existing = GENERATED_DIRS.flatMap((dir) =>
    existsSync(join(PROVISIONING_DIR, dir))
      ? readdirSync(join(PROVISIONING_DIR, dir))
          .filter((f) => f.endsWith('.json'))
          .map((f) => join(dir, f))
      : []
  );
  const problems: string[] = [];
  for (const [file, text] of rendered) {
    const path = join(PROVISIONING_DIR, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === text) {
      continue;
    }
    if (check) {
      problems.push(`${file}: ${current === null ? 'missing' : 'differs from the generated file'}`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      console.log(`wrote ${join('provisioning', file)}`);
    }
  }
  for (const file of existing) {
    if (!rendered.has(file)) {
      problems.push(`${file}: not produced by the generator (remove it or add a builder)`);
    }
  }
  if (problems.length) {
    for (const p of problems) {
      console.error(p);
    }
    if (check) {
      console.error('run `npm run dashboards` and commit the result');
    }
    return 1;
  }
  const dashboards = [...rendered.keys()].filter((f) => f.startsWith('dashboards')).length;
  if (check) {
    console.log(
      `${dashboards} dashboards (${LANGUAGES.join(', ')}) and ${PLAYLISTS.length} playlists match their builders`
    );
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
