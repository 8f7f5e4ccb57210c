// A bulk history load (`import-requests --bulk`), as PostgreSQL's "Populating a Database" advises for
// loading a city's past years into a new installation: the whole file is ONE transaction that locks
// requests and request_events (ACCESS EXCLUSIVE: other sessions neither read nor write them until it
// ends) and customers against inserts, drops the secondary indexes of requests and request_events,
// COPYs every chunk, builds the indexes again (maintenance_work_mem raised for the transaction) and
// commits. All or nothing: a failure or a crash rolls the whole load back (the indexes included) and
// leaves everything committed before it as it was.
//
// The indexes dropped are those backing no constraint, read from the catalog with their definitions
// (pg_get_indexdef: sql/import/bulk_secondary_indexes.sql), so what is built again is exactly what the
// migrations made. The primary and unique keys stay: uniqueness is enforced as the rows go in.
//
// Rows already present are skipped as in any import, but cheaper: nobody else writes requests during
// the load, so a source with no request when the load first meets it can only repeat keys of this
// load; those keys are remembered here (up to MAX_REMEMBERED_KEYS, then looked up like the others)
// instead of being looked up in the database chunk after chunk.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { begin, commit, rollback } from '../db/transaction.ts';

type SecondaryIndex = { name: string; drop_statement: string; create_statement: string };

/** Keys remembered in memory (about 60 bytes each); beyond, rows are looked up in the database. */
export const MAX_REMEMBERED_KEYS = 2_000_000;

export class BulkLoad {
  committed = false;
  private dropped = false;
  /** source → external ids this load wrote, for the sources that had no request before it */
  private readonly newSources = new Map<string, Set<string>>();
  /** sources that had requests before the load: their rows are looked up */
  private readonly oldSources = new Set<string>();
  private remembered = 0;
  private remembering = true;

  private constructor(
    private readonly client: pg.PoolClient,
    readonly indexes: readonly SecondaryIndex[]
  ) {}

  /**
   * Begins the load's transaction on the client and locks; the secondary indexes are read now and
   * dropped before the first rows are written (a file whose rows are all present rebuilds nothing).
   */
  static async begin(client: pg.PoolClient): Promise<BulkLoad> {
    await begin(client);
    try {
      await client.query(sql('import/bulk_lock'));
      const { rows } = await client.query<SecondaryIndex>(sql('import/bulk_secondary_indexes'));
      return new BulkLoad(client, rows);
    } catch (err) {
      await rollback(client);
      throw err;
    }
  }

  /** Drops the secondary indexes, once, before the first rows are written. */
  async beforeWrite(): Promise<void> {
    if (this.dropped) {
      return;
    }
    for (const index of this.indexes) {
      await this.client.query(index.drop_statement);
    }
    this.dropped = true;
  }

  /**
   * Which rows (positions) are present already, given each row's source and external id: looked up
   * in the database only for sources that had requests before the load (or all, once too many keys
   * are remembered). Call before writing the chunk, then `wrote` with the rows written.
   */
  async present(sources: readonly string[], externalIds: readonly string[]): Promise<Set<number>> {
    const present = new Set<number>();
    if (!this.remembering) {
      const { rows } = await this.client.query<{ i: number }>(sql('import/present_keys'), [sources, externalIds]);
      for (const r of rows) {
        present.add(r.i - 1);
      }
      return present;
    }
    const unseen = [...new Set(sources)].filter((s) => !this.newSources.has(s) && !this.oldSources.has(s));
    if (unseen.length) {
      // Probed before this chunk writes anything: what is found was there before the load.
      const { rows } = await this.client.query<{ source: string }>(sql('import/sources_present'), [unseen]);
      for (const r of rows) {
        this.oldSources.add(r.source);
      }
      for (const s of unseen) {
        if (!this.oldSources.has(s)) {
          this.newSources.set(s, new Set());
        }
      }
    }
    const lookUp: number[] = [];
    for (let k = 0; k < sources.length; k++) {
      const mine = this.newSources.get(sources[k]);
      if (!mine) {
        lookUp.push(k);
      } else if (mine.has(externalIds[k])) {
        present.add(k);
      }
    }
    if (lookUp.length) {
      const { rows } = await this.client.query<{ i: number }>(sql('import/present_keys'), [
        lookUp.map((k) => sources[k]),
        lookUp.map((k) => externalIds[k]),
      ]);
      for (const r of rows) {
        present.add(lookUp[r.i - 1]);
      }
    }
    return present;
  }

  /** Remembers the keys of rows written (see present). */
  wrote(sources: readonly string[], externalIds: readonly string[], indexes: readonly number[]): void {
    if (!this.remembering) {
      return;
    }
    for (const k of indexes) {
      this.newSources.get(sources[k])?.add(externalIds[k]);
    }
    this.remembered += indexes.length;
    if (this.remembered > MAX_REMEMBERED_KEYS) {
      // From now on every row is looked up (the rows written so far are in the table and its unique index).
      this.remembering = false;
      this.newSources.clear();
    }
  }

  /** Builds the dropped indexes again and commits; returns the seconds the builds took (0: none were dropped). */
  async commit(): Promise<number> {
    const began = process.hrtime.bigint();
    if (this.dropped) {
      for (const index of this.indexes) {
        await this.client.query(index.create_statement);
      }
    }
    const seconds = this.dropped ? Number(process.hrtime.bigint() - began) / 1e9 : 0;
    await commit(this.client);
    this.committed = true;
    return seconds;
  }

  /** Rolls the load back; a client that cannot is discarded by its owner (transaction.ts). */
  async rollback(): Promise<void> {
    await rollback(this.client);
  }
}
