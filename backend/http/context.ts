// What every route needs, created once by the server and passed to each route module.
import type pg from 'pg';
import type { Config } from '../config.ts';
import type { TokenVerifier } from '../auth/tokens.ts';
import type { ReferenceCache } from '../domain/reference.ts';
import type { Scheduler } from '../jobs/scheduler.ts';
import type { CoalescingRequestWriter } from '../ingest/coalescing-writer.ts';

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
