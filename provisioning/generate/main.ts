// npm run dashboards: writes the provisioned dashboards (provisioning/dashboards/services360/*.json) from the
// typed builders in dashboards/. With --check it writes nothing and exits 1 naming every file that differs
// from what the builders produce (the dashboards test runs this).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DASHBOARDS } from './dashboards/index.ts';
import { dropRemovedOptions } from './removed-options.ts';

export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'dashboards', 'services360');

/** The JSON text of every dashboard, by file name. */
export function renderDashboards(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, build] of Object.entries(DASHBOARDS)) out.set(`${file}.json`, `${JSON.stringify(dropRemovedOptions(build() as never), null, 2)}\n`);
  return out;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const rendered = renderDashboards();
  const existing = existsSync(OUT_DIR) ? readdirSync(OUT_DIR).filter((f) => f.endsWith('.json')) : [];
  const problems: string[] = [];
  for (const [file, text] of rendered) {
    const path = join(OUT_DIR, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === text) continue;
    if (check) problems.push(`${file}: ${current === null ? 'missing' : 'differs from the generated dashboard'}`);
    else {
      mkdirSync(OUT_DIR, { recursive: true });
      writeFileSync(path, text);
      console.log(`wrote ${join('provisioning/dashboards/services360', file)}`);
    }
  }
  for (const file of existing) if (!rendered.has(file)) problems.push(`${file}: not produced by the generator (remove it or add a builder)`);
  if (problems.length) {
    for (const p of problems) console.error(p);
    if (check) console.error('run `npm run dashboards` and commit the result');
    return 1;
  }
  if (check) console.log(`${rendered.size} dashboards match their builders`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
