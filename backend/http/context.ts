// What every route needs, created once by the server (createAppContext) and passed to each route module.
import type pg from 'pg';
import type { Config } from '../config.ts';
import { TokenVerifier } from '../auth/tokens.ts';
import { ReferenceCache } from '../domain/reference.ts';
import type { Scheduler } from '../jobs/scheduler.ts';
import { CoalescingRequestWriter } from '../ingest/coalescing-writer.ts';

export type AppContext = {
  pool: pg.Pool;
  config: Config;
  tokens: TokenVerifier;
  reference: ReferenceCache;
  /** writes single ingested requests, several arriving together in one statement */
  requestWriter: CoalescingRequestWriter;
  /** the job scheduler of this instance, when it runs jobs */
  scheduler?: Scheduler;
};

/** The context over a pool: the caches live as long as config says (the server) or not at all (0: run-jobs). */
export function createAppContext(pool: pg.Pool, config: Config): AppContext {
  return {
    pool, config,
    tokens: new TokenVerifier(pool, config.tokenCacheMs),
    reference: new ReferenceCache(pool, config.referenceCacheMs),
    requestWriter: new CoalescingRequestWriter(pool, { maxGroup: config.ingestGroupMax, concurrency: config.ingestWriters }),
  };
}
