// npm run compat: Grafana's levitate (`@grafana/levitate is-compatible`) on each plugin module (the app, the
// datasource and the panel) against the oldest @grafana/* we support (plugin.json's grafanaDependency >=13.2.0,
// so 13.2.0) and the newest published (`latest` from the npm registry). It NEEDS the npm registry (levitate
// downloads both versions of each package into its own cache), so it is a script, not a test. Exit 1 when any
// module is reported incompatible or a check could not run. `--oldest 13.2.0 --newest 13.3.0` override the versions.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '../..');
const MODULES = ['src/module.ts', 'src/datasource/module.ts', 'src/panel/module.ts'];
const PACKAGES = ['@grafana/data', '@grafana/ui', '@grafana/runtime'];
const OLDEST = '13.2.0';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function newestPublished(): string {
  const npm = spawnSync('npm', ['view', '@grafana/data@latest', 'version'], { cwd: ROOT, encoding: 'utf8' });
  const v = npm.stdout.trim();
  if (npm.status !== 0 || !/^\d+\.\d+\.\d+/.test(v)) {
    throw new Error(`the newest @grafana/data could not be read from the npm registry: ${npm.stderr.trim() || v}`);
  }
  return v;
}

function main(): number {
  const versions = [...new Set([arg('oldest') ?? OLDEST, arg('newest') ?? newestPublished()])];
  const failures: string[] = [];
  for (const version of versions) {
    const target = PACKAGES.map((p) => `${p}@${version}`).join(',');
    for (const path of MODULES) {
      const started = Date.now();
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/@grafana/levitate/dist/bin.js'), 'is-compatible', '--path', path, '--target', target],
        { cwd: ROOT, encoding: 'utf8' }
      );
      const out = `${run.stdout}${run.stderr}`;
      const ok = run.status === 0 && /appears to be compatible/.test(out);
      console.log(
        `${ok ? 'compatible  ' : 'INCOMPATIBLE'} ${path} with ${target} (${Math.round((Date.now() - started) / 1000)} s)`
      );
      if (!ok) {
        failures.push(`${path} @ ${version}`);
        console.log(
          out
            .split('\n')
            .filter((l) => /✖|incompatib|removed|changed|Error/i.test(l))
            .slice(0, 40)
            .join('\n')
        );
      }
    }
  }
  if (failures.length) {
    console.error(`not compatible or not checked: ${failures.join('; ')}`);
  }
  return failures.length ? 1 : 0;
}

process.exitCode = main();
