// Starts the plugin host for a person: builds (or reuses) the host bundle and serves dist/ with provisioning/.
// Usage: node --import tsx tests/host/serve.ts [--port 3333]
//   with S360_AGGREGATOR_URL, S360_API_TOKEN, S360_PII_API_TOKEN in the environment (the provisioning reads them).
import { ensureHostBuild } from './build.ts';
import { startHostServer } from './server.ts';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3333;
const build = await ensureHostBuild({ log: (l) => console.error(l) });
const server = await startHostServer({ bundleDir: build.dir, port });
console.log(
  `plugin host on ${server.url} (bundle ${build.hash}, ${build.built ? `built in ${build.ms} ms` : 'from cache'})`
);
console.log(`plugins: ${server.plugins.map((p) => `${p.id} (${p.type})`).join(', ') || 'none (run npm run build)'}`);
console.log(`datasources: ${server.datasources.map((d) => `${d.uid} (${d.type})`).join(', ') || 'none'}`);
