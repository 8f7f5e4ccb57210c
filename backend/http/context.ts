// What every route needs, created once by the server and passed to each route module.
import type pg from 'pg';
import type { Config } from '../config.ts';
import type { TokenVerifier } from '../auth/tokens.ts';
import type { ReferenceCache } from '../domain/reference.ts';
import type { Scheduler } from '../jobs/scheduler.ts';

export type AppContext = {
  pool: pg.Pool;
  config: Config;
  tokens: TokenVerifier;
  reference: ReferenceCache;
  /** the job scheduler of this instance, when it runs jobs */
  scheduler?: Scheduler;
};
