// Starts the aggregator: config, pool, read replicas, change listener, caches, app, graceful shutdown.
import type { Server } from 'node:http';
import { databaseUrl, loadConfig, type Config } from './config.ts';
import { createPool } from './db/pool.ts';
import { ChangeListener } from './db/change-listener.ts';
import { ReadRouter } from './db/read-router.ts';
import { createApp } from './http/app.ts';
import { createAppContext, type AppContext } from './http/context.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { scheduledJobs } from './jobs/definitions.ts';

export type RunningServer = { server: Server; ctx: AppContext; url: string; close: () => Promise<void> };

export async function startServer(overrides: Partial<Config> = {}, url = databaseUrl()): Promise<RunningServer> {
  const config = { ...loadConfig(), ...overrides };
  const pool = createPool(url, config);
  // Its first attempt is awaited (a database that is down does not stop the server: it keeps retrying).
  const changes = new ChangeListener({
    url,
    connectTimeoutMs: config.connectTimeoutMs,
    retryMs: config.changeListenerRetryMs,
  });
  // The read replicas (S360_READ_DATABASE_URL): each measured once before the first request, then every second.
  const reads = new ReadRouter(pool, config);
  const ctx = createAppContext(pool, config, changes, reads);
  await Promise.all([changes.start(), reads.start()]);
  const app = createApp(ctx);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.on('error', reject);
  }).catch(async (err) => {
    await changes.stop();
    await reads.stop();
    await pool.end();
    throw err;
  });
  server.keepAliveTimeout = 65_000;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  if (config.jobs === 'on') {
    ctx.scheduler = startScheduler(ctx, scheduledJobs(config));
  }
  const close = async () => {
    await ctx.scheduler?.stop();
    await changes.stop();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await reads.stop();
    await pool.end();
  };
  return { server, ctx, url: `http://127.0.0.1:${port}`, close };
}
