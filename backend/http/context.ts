// What every route needs, created once by the server (createAppContext) and passed to each route module.
import type pg from 'pg';
import type { Config } from '../config.ts';
import { TokenVerifier } from '../auth/tokens.ts';
import { ReferenceCache } from '../domain/reference.ts';
import type { Scheduler } from '../jobs/scheduler.ts';
import { CoalescingRequestWriter } from '../ingest/coalescing-writer.ts';
import type { ChangeListener } from '../db/change-listener.ts';
import { ReadRouter } from '../db/read-router.ts';

export type AppContext = {
  /** the primary: every write, token checks, reference data, and the reads that must see their own writes */
  pool: pg.Pool;
  /** the read routes' database: a fresh read replica, else the primary (db/read-router.ts) */
  reads: ReadRouter;
  config: Config;
  tokens: TokenVerifier;
  reference: ReferenceCache;
  /** writes single ingested requests, several arriving together in one statement */
  requestWriter: CoalescingRequestWriter;
  /** the job scheduler of this instance, when it runs jobs */
  scheduler?: Scheduler;
  /** the LISTEN connection that keeps the caches right across instances (the server's; absent in run-jobs) */
  changes?: ChangeListener;
};

/**
 * The context over a pool: the caches live as long as config says, dropped on every change the listener
 * hears of (the server), or not at all (0: run-jobs).
 */
export function createAppContext(
  pool: pg.Pool,
  config: Config,
  changes?: ChangeListener,
  reads: ReadRouter = new ReadRouter(pool, config, [])
): AppContext {
  return {
    pool,
    config,
    changes,
    reads,
    tokens: new TokenVerifier(
      pool,
      { cacheMs: config.tokenCacheMs, negativeCacheMs: config.tokenNegativeCacheMs, size: config.tokenCacheSize },
      changes
    ),
    reference: new ReferenceCache(pool, config.referenceCacheMs, changes),
    requestWriter: new CoalescingRequestWriter(pool, {
      maxGroup: config.ingestGroupMax,
      concurrency: config.ingestWriters,
    }),
  };
}
