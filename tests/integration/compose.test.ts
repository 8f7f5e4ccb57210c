// The compose stack comes up on the first try from a fresh clone. No Docker engine runs here, so this test does
// what Compose would do with the stack's inputs, in a `git clone` of the committed HEAD (no dist/, no
// node_modules, no .demo/): every bind-mount source exists in the clone; every named volume a service reads is
// written by a service it waits for (service_completed_successfully); every Dockerfile, stage and COPY source
// exists; nothing runs `npm ci` when a container starts; the plugins are built inside the stack without a
// restrictive umask; health checks mean ready (pg_isready -h, the aggregator's /readyz, Grafana's /api/health);
// Node 22 or newer; Grafana on 127.0.0.1 only with a first-login password that must be given (no admin/admin);
// the demo's 3 months by default and the jobs run after the seed; a multi-arch PostGIS image.
// S360_COMPOSE_REF=<commit> checks another commit (e.g. the one before this test, to see it fail).
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import { testUnless } from '../support/test-unless.ts';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const REF = process.env.S360_COMPOSE_REF ?? 'HEAD';

let clone: string;
let compose: { services: Record<string, any>; volumes?: Record<string, unknown> };
let services: Record<string, any>;
const inClone = (p: string) => join(clone, p);
const read = (p: string) => readFileSync(inClone(p), 'utf8');

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 's360-compose-clone-'));
  const sha = execFileSync('git', ['-C', ROOT, 'rev-parse', REF], { encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '-q', '--no-checkout', ROOT, clone], { stdio: 'pipe' });
  execFileSync('git', ['-C', clone, 'checkout', '-q', sha], { stdio: 'pipe' });
  compose = parse(read('docker-compose.yaml'));
  services = compose.services;
});
afterAll(() => {
  if (clone) {
    rmSync(clone, { recursive: true, force: true });
  }
});

/** Compose's interpolation of `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR}` with no variable set. */
const interpolate = (s: string) =>
  s.replace(/\$\{([A-Z0-9_]+)(?::?-([^}]*)|:?\?[^}]*)?\}/g, (_, _name, def) => def ?? '');

type Mount = { source: string; target: string; readOnly: boolean; type: 'bind' | 'volume' };
function mounts(s: any): Mount[] {
  return (s.volumes ?? []).map((v: any) => {
    if (typeof v === 'object') {
      return { source: interpolate(v.source), target: v.target, readOnly: !!v.read_only, type: v.type };
    }
    const parts = interpolate(v).split(':');
    const [source, target, mode] = parts.length === 1 ? ['', parts[0], ''] : parts;
    const type = /^[./~]/.test(source) ? 'bind' : 'volume';
    return { source, target, readOnly: (mode ?? '').split(',').includes('ro'), type };
  });
}
/** What a service runs when it starts: its command and entrypoint, and the scripts of this repository they name. */
function startup(s: any): string {
  const words = [s.entrypoint, s.command].flat().filter((x) => typeof x === 'string') as string[];
  const scripts = words.flatMap((w) => w.split(/\s+/)).filter((w) => /\.(sh|js)$/.test(w) && existsSync(inClone(w)));
  return [...words, ...scripts.map(read)].join('\n');
}
/** Services this one waits for, with the condition, transitively. */
function waitsFor(name: string, seen = new Map<string, string>()): Map<string, string> {
  for (const [dep, spec] of Object.entries<any>(services[name].depends_on ?? {})) {
    if (seen.has(dep)) {
      continue;
    }
    seen.set(dep, spec?.condition ?? 'service_started');
    waitsFor(dep, seen);
  }
  return seen;
}
/** The Dockerfile of a service's build and the lines of the stage it targets (with the stages it builds FROM). */
function dockerfileOf(s: any): { path: string; text: string; stage: string } | null {
  if (!s.build) {
    return null;
  }
  const build = typeof s.build === 'string' ? { context: s.build } : s.build;
  const path = normalize(join(build.context ?? '.', build.dockerfile ?? 'Dockerfile'));
  assert.ok(existsSync(inClone(path)), `${path} (a build of the stack) is in the clone`);
  const text = read(path);
  const stages = new Map<string, string>();
  let current = '';
  for (const line of text.split('\n')) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      current = from[1] ?? `#${stages.size}`;
    }
    stages.set(current, `${stages.get(current) ?? ''}${line}\n`);
  }
  const target = build.target ?? [...stages.keys()].at(-1)!;
  assert.ok(stages.has(target), `${path} has the stage ${target}`);
  let stage = stages.get(target)!;
  for (
    let base = /^FROM\s+(\S+)/im.exec(stage)?.[1];
    base && stages.has(base);
    base = /^FROM\s+(\S+)/im.exec(stages.get(base)!)?.[1]
  ) {
    stage = stages.get(base)! + stage;
  }
  return { path, text, stage };
}
const dockerArgs = (text: string) =>
  Object.fromEntries([...text.matchAll(/^ARG\s+([A-Z0-9_]+)=(\S+)/gim)].map((m) => [m[1], m[2]]));

describe(`docker-compose.yaml from a fresh clone (${REF})`, () => {
  test('the clone has no build output: what the stack needs it makes itself', () => {
    assert.ok(!existsSync(inClone('dist')) && !existsSync(inClone('node_modules')));
  });

  test('every bind-mount source exists in the clone', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const m of mounts(s)) {
        if (m.type !== 'bind') {
          continue;
        }
        assert.ok(
          existsSync(inClone(m.source)),
          `${name}: the bind-mount source ${m.source} does not exist in a fresh clone`
        );
      }
    }
  });

  test('every named volume a service reads is written by a service it waits for to complete', () => {
    const declared = new Set(Object.keys(compose.volumes ?? {}));
    for (const [name, s] of Object.entries(services)) {
      for (const m of mounts(s)) {
        if (m.type !== 'volume' || !m.source) {
          continue;
        }
        assert.ok(declared.has(m.source), `${name}: volume ${m.source} is declared`);
        if (!m.readOnly) {
          continue;
        }
        const writers = Object.entries(services)
          .filter(([other, o]) => other !== name && mounts(o).some((x) => x.source === m.source && !x.readOnly))
          .map(([n]) => n);
        assert.ok(writers.length, `${name} reads the volume ${m.source}, which no service writes`);
        const waits = waitsFor(name);
        assert.ok(
          writers.some((w) => waits.get(w) === 'service_completed_successfully'),
          `${name} reads ${m.source} (written by ${writers.join(', ')}) without waiting for it (depends_on … condition: service_completed_successfully)`
        );
      }
    }
  });

  test('every Dockerfile, build stage and COPY source exists in the clone', () => {
    const built = Object.entries(services).filter(([, s]) => s.build);
    assert.ok(built.length >= 2, 'the aggregator and the plugins are built from the clone');
    const ignored = existsSync(inClone('.dockerignore'))
      ? read('.dockerignore')
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith('#'))
      : [];
    for (const [name, s] of built) {
      const { stage } = dockerfileOf(s)!;
      for (const [, args] of stage.matchAll(/^COPY\s+(?!--from)(.+)$/gim)) {
        const words = args
          .trim()
          .split(/\s+/)
          .filter((w) => !w.startsWith('--'));
        for (const src of words.slice(0, -1)) {
          assert.ok(existsSync(inClone(src)), `${name}: COPY ${src}: not in the clone`);
          assert.ok(!ignored.includes(src), `${name}: COPY ${src}: excluded by .dockerignore`);
        }
      }
    }
  });

  test('no service installs dependencies when it starts; the images do it when they are built', () => {
    for (const [name, s] of Object.entries(services)) {
      assert.doesNotMatch(startup(s), /\bnpm\s+(ci|install|i)\b/, `${name} runs npm ci/install at start`);
    }
    const aggregator = dockerfileOf(services.aggregator);
    assert.ok(aggregator, 'the aggregator is an image built from the clone');
    assert.match(
      aggregator.stage,
      /^RUN\s+npm ci\b[^\n]*--omit=dev/m,
      'the aggregator image has the production dependencies only'
    );
    for (const name of ['seed', 'trickle']) {
      assert.equal(services[name].image, services.aggregator.image, `${name} runs the aggregator's image`);
    }
  });

  test('the plugins are built inside the stack, readable by Grafana (no restrictive umask), and mounted into Grafana', () => {
    const target = mounts(services.grafana).find((m) => m.target === '/var/lib/grafana/plugins/services360-app');
    assert.ok(target, 'Grafana mounts the services360-app plugin');
    assert.equal(
      target.type,
      'volume',
      'from a volume the stack fills (a bind mount of dist/ needs a build outside the stack)'
    );
    const builder = Object.entries(services).find(
      ([n, s]) => n !== 'grafana' && mounts(s).some((m) => m.source === target.source && !m.readOnly)
    );
    assert.ok(builder, `a service fills the volume ${target.source}`);
    const [builderName, b] = builder;
    const built = dockerfileOf(b);
    const recipe = `${built?.stage ?? ''}\n${startup(b)}`;
    assert.match(recipe, /npm ci[\s\S]*npm run build/, `${builderName}: npm ci && npm run build`);
    for (const text of [
      recipe,
      read('scripts/demo.sh')
        .split('\n')
        .filter((l) => !/^\s*#/.test(l) && !/^\s*\(\s*umask/.test(l))
        .join('\n'),
    ]) {
      assert.doesNotMatch(
        text,
        /\bumask\s+0?0?[67]7\b/,
        'a restrictive umask makes the plugins unreadable for Grafana (uid 472)'
      );
    }
  });

  test('health checks mean ready, and every service waits for the health of what it needs', () => {
    const hc = (n: string) => [services[n].healthcheck?.test].flat().join(' ');
    for (const [name, s] of Object.entries(services)) {
      const check = [s.healthcheck?.test].flat().join(' ');
      if (/pg_isready/.test(check)) {
        assert.match(
          check,
          /pg_isready\b[^;&|]*\s-h\s*\S+/,
          `${name}: pg_isready -h (the image's setup server listens on the socket only)`
        );
      }
      for (const [dep, condition] of Object.entries<any>(s.depends_on ?? {})) {
        if (condition?.condition === 'service_healthy') {
          assert.ok(services[dep].healthcheck, `${name} waits for ${dep}'s health, which has a check`);
        }
      }
    }
    assert.match(hc('postgis'), /pg_isready/);
    assert.match(
      hc('aggregator'),
      /\/readyz/,
      'the aggregator is ready when /readyz says so (database and migrations)'
    );
    assert.match(hc('grafana'), /\/api\/health/);
    assert.equal(services.aggregator.depends_on?.postgis?.condition, 'service_healthy');
    assert.equal(services.grafana.depends_on?.aggregator?.condition, 'service_healthy');
    assert.equal(services.seed.depends_on?.aggregator?.condition, 'service_healthy');
  });

  test('Node 22 or newer everywhere', () => {
    const nodeImages: Array<[string, string]> = [];
    for (const [name, s] of Object.entries(services)) {
      if (typeof s.image === 'string' && /^node:/.test(s.image) && !s.build) {
        nodeImages.push([name, s.image]);
      }
      const built = dockerfileOf(s);
      if (built) {
        const args = dockerArgs(built.text);
        for (const [, from] of built.stage.matchAll(/^FROM\s+(\S+)/gim)) {
          const image = from.replace(/\$\{?([A-Z0-9_]+)\}?/g, (_, a) => args[a] ?? '');
          if (/^node:/.test(image)) {
            nodeImages.push([name, image]);
          }
        }
      }
    }
    assert.ok(nodeImages.length >= 3, JSON.stringify(nodeImages));
    for (const [name, image] of nodeImages) {
      const major = Number(/^node:(\d+)/.exec(image)?.[1]);
      assert.ok(major >= 22, `${name}: ${image} (Node 20 leaves maintenance in April 2026; 22 is LTS)`);
    }
  });

  test('Grafana: published on 127.0.0.1 only, with a first-login password that must be given (never admin/admin)', () => {
    const g = services.grafana;
    for (const p of g.ports ?? []) {
      const host = typeof p === 'object' ? p.host_ip : String(p).split(':').length === 3 ? String(p).split(':')[0] : '';
      assert.equal(host, '127.0.0.1', `Grafana's port ${JSON.stringify(p)} is open to the network`);
    }
    const env = Array.isArray(g.environment)
      ? Object.fromEntries(g.environment.map((e: string) => e.split(/=(.*)/s).slice(0, 2)))
      : (g.environment ?? {});
    const pw = String(env.GF_SECURITY_ADMIN_PASSWORD ?? '');
    assert.match(
      pw,
      /^\$\{[A-Z0-9_]+:\?[^}]+\}$/,
      'GF_SECURITY_ADMIN_PASSWORD is ${VAR:?…}: compose refuses to start without it'
    );
    assert.notEqual(env.GF_SECURITY_ADMIN_PASSWORD__FILE, 'admin');
    assert.doesNotMatch(read('docker-compose.yaml'), /admin\s*\/\s*admin/, 'no admin/admin in the instructions');
  });

  test('the same demo as npm run demo: 3 months, the Dubai communities when given, the jobs run once after the seed', () => {
    const seed = services.seed;
    const months = String(seed.environment?.S360_DEMO_MONTHS ?? '');
    assert.equal(interpolate(months), '3', `S360_DEMO_MONTHS defaults to ${interpolate(months)}`);
    assert.match(read('scripts/demo.sh'), /months=3\b/);
    const script = startup(seed);
    assert.match(script, /S360_DEMO_MONTHS:-3\b/);
    assert.match(
      script,
      /generate-demo[\s\S]*\brun-jobs\b[\s\S]*create-token/,
      'the jobs run after the seed, so hot spots exist at once'
    );
    const dubai = mounts(seed).find((m) => m.target === '/shared/data/dubai');
    assert.ok(
      dubai,
      'the Dubai communities folder is mounted where the code looks for it (../shared/data/dubai beside /app)'
    );
    assert.match(
      seed.volumes.find((v: string) => v.includes('/shared/data/dubai')),
      /^\$\{S360_DUBAI_DIR:-\.\/[^}]+\}:/,
      'an env path with a fallback in the clone'
    );
    assert.ok(
      !existsSync(join(inClone(dubai.source), 'dubai_communities.geojson')),
      'the fallback is the generated city'
    );
    assert.match(
      dockerfileOf(seed)?.stage ?? `WORKDIR ${seed.working_dir}`,
      /^WORKDIR \/app$/m,
      'the app is /app, so ../shared is /shared'
    );
  });

  test('a PostGIS image published for arm64 as well as amd64', () => {
    assert.doesNotMatch(services.postgis.image, /^postgis\/postgis:/, 'postgis/postgis publishes amd64 images only');
    assert.match(services.postgis.image, /^imresamu\/postgis:(\d+)-3\.\d+$/);
    assert.ok(Number(/:(\d+)-/.exec(services.postgis.image)![1]) >= 15);
  });

  // Compose's own validation (its JSON schema of the Compose Specification, interpolation, build contexts), where a
  // Compose is installed: `docker compose` (v2), else Debian's `docker-compose` (1.29, whose schema predates the
  // top-level `name`, so that line is left out for it). Neither needs a Docker engine for `config`.
  const composeCli = (): string[] | null => {
    if (spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0) {
      return ['docker', 'compose'];
    }
    if (spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0) {
      return ['docker-compose'];
    }
    return null;
  };
  const cli = composeCli();
  testUnless(cli ? null : 'no docker compose or docker-compose here')(
    'Compose accepts the file, and refuses to start without GF_ADMIN_PASSWORD',
    () => {
      const v1 = cli![0] === 'docker-compose';
      const file = inClone('.compose-check.yaml');
      writeFileSync(file, v1 ? read('docker-compose.yaml').replace(/^name:.*$/m, '') : read('docker-compose.yaml'));
      const env = { ...process.env };
      for (const k of Object.keys(env)) {
        if (/^(GF_|S360_)/.test(k)) {
          delete env[k];
        }
      }
      const config = (extra: Record<string, string>) =>
        spawnSync(cli![0], [...cli!.slice(1), '-f', file, '--project-directory', clone, 'config', '-q'], {
          cwd: clone,
          encoding: 'utf8',
          env: { ...env, ...extra },
          timeout: 60_000,
        });
      const ok = config({ GF_ADMIN_PASSWORD: 'a long secret' });
      assert.equal(ok.status, 0, ok.stderr);
      const refused = config({});
      assert.notEqual(refused.status, 0);
      assert.match(refused.stderr, /set GF_ADMIN_PASSWORD/);
    }
  );
});
