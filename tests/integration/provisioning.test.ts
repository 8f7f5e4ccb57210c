// What a municipality installs, checked against Grafana's documented file-provisioning formats and against
// itself: every YAML parses with apiVersion 1; no secret is written down (every password, token, URL and address
// is an environment reference); datasources, the app, dashboards, contact points, templates, the notification
// policy and the rules name each other consistently (each rule's labels route it where intended); and
// docker-compose.yaml runs the images and versions the plugins need, mounts what exists and gives Grafana every
// environment variable the provisioning files read. No Docker engine runs here, so the stack is checked as data.
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { EDITIONS, LANGUAGES, uidIn } from '../../provisioning/generate/language.ts';
import { playlistFile } from '../../provisioning/generate/playlists.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const PROVISIONING = join(ROOT, 'provisioning');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const yamlOf = (path: string) => parse(read(path));
const json = (path: string) => JSON.parse(read(path));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      walk(p, out);
    } else {
      out.push(relative(ROOT, p));
    }
  }
  return out;
}
const YAML_FILES = walk(PROVISIONING)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
/** The four folders Grafana reads provisioning YAML from. */
const GRAFANA_YAML = YAML_FILES.filter((f) =>
  /^provisioning\/(datasources|dashboards|plugins|alerting)\/[^/]+\.ya?ml$/.test(f)
);

const ENV_REF = /^\$\{?([A-Z][A-Z0-9_]*)\}?$/;
const ENV_REFS_IN = (text: string) =>
  [...text.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}|\$([A-Z][A-Z0-9_]*)/g)].map((m) => m[1] ?? m[2]);
const SECRET_KEY = /password|token|secret|apikey|api_key|url|webhook|addresses|credentials/i;

/** Every [path, key, value] of a parsed YAML document. */
function* leaves(value: unknown, path: string[] = []): Generator<[string[], string, unknown]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      yield* leaves(value[i], [...path, String(i)]);
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (v && typeof v === 'object') {
        yield* leaves(v, [...path, k]);
      } else {
        yield [[...path, k], k, v];
      }
    }
  }
}

const datasources = () =>
  GRAFANA_YAML.filter((f) => f.includes('/datasources/')).flatMap((f) => yamlOf(f).datasources as any[]);
const contactPoints = () => yamlOf('provisioning/alerting/contact-points.yaml').contactPoints as any[];
const policies = () => yamlOf('provisioning/alerting/notification-policies.yaml').policies as any[];
const rules = () =>
  (yamlOf('provisioning/alerting/rules.yaml').groups as any[]).flatMap((g) =>
    g.rules.map((r: any) => ({ ...r, group: g }))
  );
/** Every language's dashboards (services360/, services360-ar/). */
const dashboards = () =>
  LANGUAGES.flatMap((lang) =>
    readdirSync(join(PROVISIONING, 'dashboards', EDITIONS[lang].dir)).map((f) =>
      json(`provisioning/dashboards/${EDITIONS[lang].dir}/${f}`)
    )
  );

describe('provisioning files', () => {
  test('every YAML parses and Grafana-read files are apiVersion 1', () => {
    assert.ok(GRAFANA_YAML.length >= 8, GRAFANA_YAML.join(', '));
    for (const f of YAML_FILES) {
      const doc = yamlOf(f);
      assert.ok(doc && typeof doc === 'object', `${f} parses to a mapping`);
      if (GRAFANA_YAML.includes(f)) {
        assert.equal(doc.apiVersion, 1, `${f}: apiVersion`);
      }
    }
  });

  test('no literal secret: every password, token, URL, webhook and address is an environment reference', () => {
    let checked = 0;
    for (const f of GRAFANA_YAML) {
      for (const [path, key, value] of leaves(yamlOf(f))) {
        if (typeof value !== 'string') {
          continue;
        }
        const secret = path.includes('secureJsonData') || SECRET_KEY.test(key);
        if (secret) {
          assert.match(value, ENV_REF, `${f} ${path.join('.')}: "${value}" must be an environment reference`);
          checked++;
        }
      }
      const text = read(f);
      assert.doesNotMatch(text, /s360_[A-Za-z0-9_-]{20,}/, `${f}: an API token`);
      assert.doesNotMatch(
        text,
        /https?:\/\/[^\s'"]*(webhook|logic\.azure|office\.com|powerautomate)/i,
        `${f}: a webhook URL`
      );
      assert.doesNotMatch(text.replace(/#.*$/gm, ''), /[\w.+-]+@[\w-]+\.[\w.]+/, `${f}: an email address`);
    }
    assert.ok(checked >= 8, `${checked} secret-bearing fields checked`);
  });

  test('datasources: ours with fixed uids, and the core PostgreSQL one for alerting from the environment', () => {
    const byUid = new Map(datasources().map((d) => [d.uid, d]));
    assert.deepEqual([...byUid.keys()].sort(), [
      'services360-alerting-pg',
      'services360-requests',
      'services360-requests-pii',
    ]);
    const ours = json('src/datasource/plugin.json').id;
    assert.equal(byUid.get('services360-requests').type, ours);
    assert.equal(byUid.get('services360-requests-pii').type, ours);
    const pg = byUid.get('services360-alerting-pg');
    assert.equal(pg.type, 'grafana-postgresql-datasource');
    assert.equal(pg.user, '${S360_ALERTING_DB_USER}');
    assert.equal(pg.url, '${S360_ALERTING_DB_HOST}');
    assert.equal(pg.secureJsonData.password, '${S360_ALERTING_DB_PASSWORD}');
    assert.equal(pg.jsonData.database, '${S360_ALERTING_DB_NAME}');
    assert.equal(pg.jsonData.sslmode, '${S360_ALERTING_DB_SSLMODE}');
    assert.equal(pg.jsonData.postgresVersion, 1500);
    assert.equal(pg.jsonData.timescaledb, false);
    assert.equal(pg.database, undefined, 'database belongs in jsonData (the top-level field is deprecated)');
  });

  test(
    'the wall-screen playlists, one per language (posted to /api/playlists: Grafana has no file ' +
      'provisioning for playlists), name provisioned dashboards',
    () => {
      const uids = new Set(dashboards().map((d) => d.uid));
      for (const lang of LANGUAGES) {
        const playlist = json(`provisioning/playlists/${playlistFile(lang)}`);
        assert.ok(playlist.name && /^\d+[smh]$/.test(playlist.interval));
        assert.ok(playlist.items.length >= 2);
        for (const item of playlist.items) {
          assert.equal(item.type, 'dashboard_by_uid');
          assert.ok(uids.has(item.value), `playlist item ${item.value}`);
        }
        assert.equal(playlist.items[0].value, uidIn('s360-executive', lang));
      }
    }
  );

  test('the app is enabled by provisioning under its plugin id', () => {
    const { apps } = yamlOf('provisioning/plugins/services360-app.yaml');
    const app = json('src/plugin.json');
    assert.equal(app.type, 'app');
    assert.deepEqual(
      apps.map((a: any) => [a.type, a.disabled]),
      [[app.id, false]]
    );
  });
});

type Route = {
  receiver?: string;
  object_matchers?: Array<[string, string, string]>;
  continue?: boolean;
  routes?: Route[];
  group_by?: string[];
};

function matches(route: Route, labels: Record<string, string>): boolean {
  return (route.object_matchers ?? []).every(([name, op, value]) => {
    const v = labels[name] ?? '';
    if (op === '=') {
      return v === value;
    }
    if (op === '!=') {
      return v !== value;
    }
    if (op === '=~') {
      return new RegExp(`^(?:${value})$`).test(v);
    }
    if (op === '!~') {
      return !new RegExp(`^(?:${value})$`).test(v);
    }
    throw new Error(`matcher operator ${op}`);
  });
}

/** Alertmanager's routing: the deepest matching routes, siblings tried on while `continue`; the parent if none. */
function route(node: Route, labels: Record<string, string>, inherited: string): string[] {
  const receiver = node.receiver ?? inherited;
  const out: string[] = [];
  for (const child of node.routes ?? []) {
    if (!matches(child, labels)) {
      continue;
    }
    out.push(...route(child, labels, receiver));
    if (!child.continue) {
      break;
    }
  }
  return out.length ? out : [receiver];
}

describe('alerting', () => {
  test('contact points: email to the env address list, Teams to the env Workflows URL, templates that exist', () => {
    const byName = new Map(contactPoints().map((c) => [c.name, c]));
    const email = byName.get('Services 360 email').receivers[0];
    const teams = byName.get('Services 360 Teams').receivers[0];
    assert.equal(email.type, 'email');
    assert.equal(email.settings.addresses, '${S360_ALERT_EMAILS}');
    assert.equal(teams.type, 'teams');
    assert.equal(teams.settings.url, '${S360_TEAMS_WEBHOOK_URL}');
    const defined = new Set(
      [...read('provisioning/alerting/templates.yaml').matchAll(/define "([^"]+)"/g)].map((m) => m[1])
    );
    for (const c of contactPoints()) {
      for (const r of c.receivers) {
        for (const [, name] of JSON.stringify(r.settings).matchAll(/template \\"([^\\"]+)\\"/g)) {
          assert.ok(defined.has(name), `${c.name} uses template ${name}`);
        }
      }
    }
    const uids = contactPoints().flatMap((c) => c.receivers.map((r: any) => r.uid));
    assert.equal(new Set(uids).size, uids.length);
  });

  test('the policy groups by rule and zone and sends only to provisioned contact points', () => {
    const [root] = policies();
    assert.deepEqual(root.group_by, ['alertname', 'zone']);
    const names = new Set(contactPoints().map((c) => c.name));
    const visit = (r: Route) => {
      if (r.receiver) {
        assert.ok(names.has(r.receiver), `receiver ${r.receiver}`);
      }
      (r.routes ?? []).forEach(visit);
    };
    visit(root);
  });

  test('rules: their queries read the alerting datasource, their expressions chain A → B → C, their links reach a panel', () => {
    const pg = datasources().find((d) => d.uid === 'services360-alerting-pg');
    const provider = yamlOf('provisioning/dashboards/services360.yaml').providers[0];
    const panels = new Map(dashboards().flatMap((d) => d.panels.map((p: any) => [`${d.uid}/${p.id}`, p])));
    const all = rules();
    assert.equal(new Set(all.map((r) => r.uid)).size, all.length);
    for (const r of all) {
      assert.equal(r.group.folder, provider.folder, `${r.uid}: the dashboards' folder`);
      assert.ok(r.uid.length <= 40 && /^[a-zA-Z0-9-_]+$/.test(r.uid), r.uid);
      const refs = new Set(r.data.map((d: any) => d.refId));
      assert.ok(refs.has(r.condition), `${r.uid}: condition ${r.condition}`);
      for (const d of r.data) {
        if (d.datasourceUid === '__expr__') {
          assert.ok(refs.has(d.model.expression), `${r.uid} ${d.refId}: input ${d.model.expression}`);
        } else {
          assert.equal(d.datasourceUid, pg.uid, `${r.uid} ${d.refId}`);
          assert.deepEqual(d.model.datasource, { type: pg.type, uid: pg.uid });
          assert.match(d.model.rawSql, /\balerting\.\w+/, `${r.uid}: reads the alerting views`);
        }
      }
      const { __dashboardUid__: dash, __panelId__: panel, summary, description } = r.annotations;
      assert.ok(summary && description, `${r.uid}: summary and description`);
      assert.equal(dash, r.dashboardUid);
      assert.equal(Number(panel), r.panelId);
      assert.ok(panels.has(`${dash}/${panel}`), `${r.uid}: links to ${dash} panel ${panel}, which exists`);
      assert.ok(['critical', 'warning'].includes(r.labels.severity), `${r.uid}: severity`);
    }
  });

  test('each rule reaches the intended people: criticals to Teams and email, departments by email, zones to Teams', () => {
    const [root] = policies();
    // The labels an instance of each rule carries: the rule's labels and its query's text columns.
    const instance = (uid: string, extra: Record<string, string>) => {
      const r = rules().find((x) => x.uid === uid);
      return { alertname: r.title, ...r.labels, ...extra };
    };
    const to = (labels: Record<string, string>) => route(root, labels, root.receiver).sort();
    assert.deepEqual(
      to(instance('s360-on-time-below-target', { department: 'waste', department_name: 'Waste Management' })),
      ['Services 360 email']
    );
    assert.deepEqual(to(instance('s360-backlog-over-bound', { department: 'waste' })), ['Services 360 email']);
    assert.deepEqual(to(instance('s360-zone-spike', { zone: '332', zone_name: 'AL BARSHA FIRST' })), [
      'Services 360 Teams',
    ]);
    assert.deepEqual(to(instance('s360-ingestion-silent', {})), ['Services 360 Teams', 'Services 360 email']);
    assert.deepEqual(to(instance('s360-rollups-lagging', {})), ['Services 360 email']);
    assert.deepEqual(
      to(instance('s360-holidays-running-out', { calendar: 'field', calendar_name: 'Field working hours' })),
      ['Services 360 email']
    );
    // Every label a matcher or group_by names is one a rule can carry.
    const carried = new Set([
      'alertname',
      ...rules().flatMap((r) => [
        ...Object.keys(r.labels),
        ...(r.data
          .map((d: any) => d.model.rawSql ?? '')
          .join(' ')
          .match(/\w+/g) ?? []),
      ]),
    ]);
    const visit = (r: Route) => {
      for (const [name] of r.object_matchers ?? []) {
        assert.ok(carried.has(name), `matcher on ${name}`);
      }
      for (const name of r.group_by ?? []) {
        assert.ok(carried.has(name), `group_by ${name}`);
      }
      (r.routes ?? []).forEach(visit);
    };
    visit(root);
  });
});

describe('docker-compose.yaml', () => {
  const compose = yamlOf('docker-compose.yaml');
  const services = compose.services as Record<string, any>;
  const grafana = services.grafana;
  const env = (s: any) => s.environment as Record<string, string>;
  const mounts = (s: any) =>
    ((s.volumes ?? []) as string[]).map((v) => {
      const [src, dst, mode] = v.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1').split(':');
      return { src, dst, mode };
    });

  test('runs PostGIS, the aggregator, the demo seeding, the trickle, the plugin build and Grafana', () => {
    const base = Object.keys(services).filter((name) => !services[name].profiles);
    assert.deepEqual(base.sort(), ['aggregator', 'grafana', 'plugins', 'postgis', 'seed', 'trickle']);
    assert.equal(services.seed.depends_on.aggregator.condition, 'service_healthy');
    assert.equal(grafana.depends_on.seed.condition, 'service_completed_successfully');
    assert.equal(grafana.depends_on.plugins.condition, 'service_completed_successfully');
    assert.match(services.aggregator.command.join(' '), /services360\.js migrate[\s\S]*services360\.js serve/);
    assert.ok(existsSync(join(ROOT, services.seed.command[1])), 'the seed script exists');
    assert.match(read(services.seed.command[1]), /generate-demo[\s\S]*create-token[\s\S]*grant-alerting-login/);
  });

  test('uses the official images: Grafana at the version the plugins target, PostGIS on PostgreSQL 15 or newer, Node 22', () => {
    const [, version] = /^grafana\/grafana:(\d+\.\d+\.\d+)$/.exec(grafana.image) ?? [];
    assert.ok(version, grafana.image);
    const pkg = json('package.json');
    assert.equal(version, pkg.dependencies['@grafana/data'], 'the Grafana the @grafana packages come from');
    for (const file of ['src/plugin.json', 'src/datasource/plugin.json', 'src/panel/plugin.json']) {
      const [, min] = /^>=(\d+\.\d+\.\d+)$/.exec(json(file).dependencies.grafanaDependency) ?? [];
      const n = (v: string) =>
        v
          .split('.')
          .map(Number)
          .reduce((a, b) => a * 1000 + b, 0);
      assert.ok(min && n(version) >= n(min), `${file}: grafanaDependency ${min} ≤ ${version}`);
    }
    const [, pgMajor] = /^imresamu\/postgis:(\d+)-\d+\.\d+$/.exec(services.postgis.image) ?? [];
    assert.ok(Number(pgMajor) >= 15, services.postgis.image);
    // The aggregator's image (Dockerfile), on the Node line package.json asks for; the scale profile's copies the same.
    assert.match(read('Dockerfile'), /^ARG NODE_IMAGE=node:22-bookworm-slim$/m);
    for (const s of ['aggregator', 'seed', 'trickle', 'aggregator-1', 'aggregator-2']) {
      assert.deepEqual(
        [services[s].build, services[s].image],
        [{ context: '.', target: 'aggregator' }, 'services360-aggregator:local'],
        s
      );
    }
    for (const s of ['scale-init', 'postgis-replica']) {
      assert.equal(services[s].image, services.postgis.image, s);
    }
    for (const s of ['grafana-1', 'grafana-2']) {
      assert.equal(services[s].image, grafana.image, s);
    }
  });

  test('allows unsigned plugins for our three ids only, and mounts dist/ and provisioning/ where Grafana reads them', () => {
    const ids = ['src/plugin.json', 'src/datasource/plugin.json', 'src/panel/plugin.json']
      .map((f) => json(f).id)
      .sort();
    assert.deepEqual(env(grafana).GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',').sort(), ids);
    const m = mounts(grafana);
    const dist = m.find((x) => x.src === 'plugins');
    assert.equal(
      dist?.dst,
      '/var/lib/grafana/plugins/services360-app',
      'the plugins the stack builds (the dist/ of npm run build)'
    );
    assert.equal(dist?.mode, 'ro');
    assert.deepEqual(services.plugins.build, { context: '.', target: 'plugins' });
    assert.equal(json('src/plugin.json').id, 'services360-app');
    const prov = m.find((x) => x.src === './provisioning');
    assert.equal(prov?.dst, env(grafana).GF_PATHS_PROVISIONING);
    for (const x of Object.values(services).flatMap(mounts)) {
      if (x.src.startsWith('.')) {
        assert.ok(existsSync(join(ROOT, x.src)), `${x.src} exists`);
      }
    }
  });

  test("gives Grafana every environment variable the provisioning files read, and none they don't", () => {
    const read_ = new Set(GRAFANA_YAML.flatMap((f) => ENV_REFS_IN(read(f))));
    const seedWrites = new Set(
      [...read(services.seed.command[1]).matchAll(/^(S360_[A-Z0-9_]+)=\$/gm)].map((m) => m[1])
    );
    const given = new Set([...Object.keys(env(grafana)), ...seedWrites]);
    for (const v of read_) {
      assert.ok(given.has(v), `$${v} is read by provisioning but not given to Grafana`);
    }
    for (const v of Object.keys(env(grafana)).filter((k) => k.startsWith('S360_'))) {
      assert.ok(read_.has(v), `${v} is given to Grafana but read by no provisioning file`);
    }
    assert.ok(
      ['S360_API_TOKEN', 'S360_PII_API_TOKEN', 'S360_ALERTING_DB_PASSWORD'].every(
        (v) => seedWrites.has(v) && !(v in env(grafana))
      ),
      'secrets come from the seed, not from the compose file'
    );
  });

  test('the addresses in Grafana’s environment are the services of the stack', () => {
    const e = env(grafana);
    const agg = new URL(e.S360_AGGREGATOR_URL);
    assert.equal(agg.hostname, 'aggregator');
    assert.equal(agg.port, env(services.aggregator).PORT);
    assert.equal(e.S360_ALERTING_DB_HOST, 'postgis:5432');
    assert.equal(e.S360_ALERTING_DB_NAME, env(services.postgis).POSTGRES_DB);
    assert.equal(e.S360_ALERTING_DB_USER, env(services.seed).S360_ALERTING_DB_USER);
    assert.match(grafana.entrypoint.join(' '), /\. \/demo-env\/tokens\.env[\s\S]*exec \/run\.sh/);
    assert.ok(mounts(grafana).some((x) => x.src === 'demo-env' && x.mode === 'ro'));
    assert.ok(mounts(services.seed).some((x) => x.src === 'demo-env' && x.dst === '/demo-env'));
  });
  // Profile `scale`: the production shape (docs/scaling.md).
  test('profile scale: a streaming replica, two aggregators reading from it behind nginx, two Grafanas in HA', () => {
    const scale = Object.keys(services).filter((name) => services[name].profiles?.includes('scale'));
    assert.deepEqual(scale.sort(), [
      'aggregator-1',
      'aggregator-2',
      'grafana-1',
      'grafana-2',
      'lb',
      'postgis-replica',
      'scale-init',
    ]);
    // The primary lets the replicator role stream; the init makes that role and Grafana's database.
    const hbaMount = mounts(services.postgis).find((x) => x.src === './provisioning/compose/pg_hba.conf');
    assert.ok(
      hbaMount && services.postgis.command.join(' ').includes(`hba_file=${hbaMount.dst}`),
      'the primary uses the mounted pg_hba.conf'
    );
    assert.match(read('provisioning/compose/pg_hba.conf'), /^host\s+replication\s+replicator\s+all\s+scram-sha-256$/m);
    const init = read('provisioning/compose/scale-init.sh');
    assert.match(init, /CREATE ROLE replicator LOGIN REPLICATION/);
    assert.match(init, /CREATE DATABASE grafana/);
    // The replica: pg_basebackup -R from the primary into its own volume, then the image's entrypoint (hot standby).
    const replica = services['postgis-replica'];
    assert.equal(replica.depends_on['scale-init'].condition, 'service_completed_successfully');
    const entry = read(mounts(replica).find((x) => x.dst === replica.entrypoint[1])!.src);
    assert.match(entry, /pg_basebackup -h postgis [\s\S]*-U replicator[\s\S]* -R /);
    assert.match(entry, /exec docker-entrypoint\.sh postgres -c hot_standby=on/);
    assert.ok(mounts(replica).some((x) => x.src === 'pgdata-replica' && x.dst === '/var/lib/postgresql/data'));
    assert.ok('pgdata-replica' in compose.volumes);
    assert.match(replica.healthcheck.test[1], /pg_is_in_recovery/);
    // Two aggregators: write to the primary, read from the replica, jobs on (the job lock elects one per tick);
    // they start after `aggregator` installed the dependencies and migrated (no second npm ci on the volume).
    for (const name of ['aggregator-1', 'aggregator-2']) {
      const a = services[name];
      assert.equal(new URL(env(a).DATABASE_URL).hostname, 'postgis', name);
      assert.equal(new URL(env(a).S360_READ_DATABASE_URL).hostname, 'postgis-replica', name);
      assert.equal(env(a).S360_JOBS, 'on');
      assert.equal(env(a).PORT, env(services.aggregator).PORT);
      assert.doesNotMatch(a.command.join(' '), /npm ci|migrate/, name);
      assert.equal(a.depends_on.aggregator.condition, 'service_healthy');
      assert.equal(a.depends_on['postgis-replica'].condition, 'service_healthy');
    }
    // nginx in front of both pairs, and its configuration names each instance.
    const lb = services.lb;
    assert.match(lb.image, /^nginx:/);
    const conf = read(mounts(lb).find((x) => x.dst === '/etc/nginx/nginx.conf')!.src);
    for (const upstream of ['aggregator-1:8360', 'aggregator-2:8360', 'grafana-1:3000', 'grafana-2:3000']) {
      assert.ok(conf.includes(`server ${upstream}`), upstream);
    }
    assert.match(conf, /listen 8360;[\s\S]*proxy_pass http:\/\/aggregators;/);
    // Host ports ("127.0.0.1:8361:8360" → 8361): on this machine only, and free beside the default Grafana's.
    const hostPort = (p: string) => p.split(':').at(-2)!;
    for (const p of lb.ports as string[]) {
      assert.match(p, /^127\.0\.0\.1:/, `${p}: published on this machine only`);
      assert.ok(
        !(grafana.ports as string[]).some((g) => hostPort(g) === hostPort(p)),
        `port ${hostPort(p)} is free beside the default Grafana`
      );
    }
    // Two Grafanas: the same provisioning as the default one, the aggregator through the balancer, one shared
    // PostgreSQL database for their state, and their alertmanagers as HA peers of each other.
    for (const name of ['grafana-1', 'grafana-2']) {
      const g = env(services[name]);
      const provisioningVars = Object.keys(env(grafana)).filter((k) => k.startsWith('S360_'));
      assert.deepEqual(
        Object.keys(g)
          .filter((k) => k.startsWith('S360_'))
          .sort(),
        provisioningVars.sort(),
        name
      );
      assert.equal(new URL(g.S360_AGGREGATOR_URL).hostname, 'lb');
      assert.equal(g.GF_DATABASE_TYPE, 'postgres');
      assert.equal(g.GF_DATABASE_HOST, 'postgis:5432');
      assert.equal(g.GF_DATABASE_NAME, 'grafana');
      assert.deepEqual(g.GF_UNIFIED_ALERTING_HA_PEERS.split(',').sort(), ['grafana-1:9094', 'grafana-2:9094']);
      assert.deepEqual(
        mounts(services[name])
          .map((m) => m.dst)
          .sort(),
        mounts(grafana)
          .filter((m) => m.src !== 'grafana-data')
          .map((m) => m.dst)
          .sort(),
        `${name}: no local state volume`
      );
    }
  });
});
