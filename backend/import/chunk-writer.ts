// Writes chunks: each writer holds one connection; a chunk is one transaction that COPYs its rows
// straight into the final tables (customers, requests, request_events, rollup_pending; chunk-copy.ts):
// rows already present are looked up first and left out, ids are reserved from the sequences, the zone
// and SLA policy are settled in the importer by the SQL rules (zone-locator.ts, demo/sla-policy.ts).
// Several writers run side by side so the database can use more than one core while the next chunk is read.
// A bulk load (bulk-load.ts) has one writer whose chunks all go into the load's one transaction.
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from '../db/sql.ts';
import { checkOut, markUnusable, rollback, transactionOn, type Checkout } from '../db/transaction.ts';
import type { ReferenceIndex } from '../domain/reference.ts';
import { SlaPolicies, type SlaPolicy } from '../demo/sla-policy.ts';
import { BulkLoad } from './bulk-load.ts';
import { StagedRows } from './chunk-copy.ts';
import {
  copyStatement,
  CUSTOMERS,
  REQUEST_EVENTS,
  REQUESTS,
  REQUESTS_CLOCKED,
  ROLLUP_MARKS,
  SLA_ALERTS,
} from './copy-columns.ts';
import { ClocksAtLoad, type PolicyClock } from '../sla/clocks-at-load.ts';
import type { ImportRow } from './row-input.ts';
import { ZoneLocator } from './zone-locator.ts';

/** Checked rows of one transaction, in the file's order (kept as COPY text: chunk-copy.ts). */
export class Chunk {
  readonly rows = new StagedRows();
  first = 0;
  last = 0;
  /** rows dropped from the chunk because an earlier row of it had the same key */
  repeats = 0;

  add(line: number, row: ImportRow): void {
    if (this.rows.length === 0) {
      this.first = line;
    }
    this.last = line;
    this.rows.add(row);
  }

  get size(): number {
    return this.rows.length;
  }
}

/**
 * What the writers share: the reference data, the zone locator (reloaded when the zones change), and the instant
 * the rows' SLA clocks are computed at as they are written (null: left to the SLA pass).
 */
export type WriteContext = { ref: ReferenceIndex; locator: ZoneLocator | null; slaAt: Date | null };

export type ChunkResult = { staged: number; inserted: number; repeats: number; seconds: number };

export class ChunkWriteError extends Error {
  constructor(
    readonly chunk: Pick<Chunk, 'first' | 'last'>,
    readonly error: Error
  ) {
    super(`lines ${chunk.first}–${chunk.last} could not be written (${error.message})`);
  }
}

/** May this role turn row triggers off, and would no trigger but the foreign-key checks be skipped? */
export async function bulkModeAllowed(db: pg.Pool | pg.PoolClient): Promise<boolean> {
  const {
    rows: [probe],
  } = await db.query<{ allowed: boolean }>(sql('import/probe_bulk_mode'));
  if (!probe.allowed) {
    return false;
  }
  const {
    rows: [triggers],
  } = await db.query<{ others: number }>(sql('import/insert_triggers'));
  return triggers.others === 0;
}

const DEADLOCK = '40P01';
/** a concurrent writer committed one of the chunk's keys between the look-up and the COPY */
const UNIQUE_VIOLATION = '23505';
const ATTEMPTS = 3;

export class ChunkWriter {
  private readonly client: pg.PoolClient;
  private constructor(
    private readonly checkout: Checkout,
    private readonly bulk: boolean,
    private readonly context: WriteContext,
    private readonly load: BulkLoad | null
  ) {
    this.client = checkout.client;
  }

  /** `bulk`: references checked set-based, row triggers off; `bulkLoad`: every chunk in one transaction (bulk-load.ts). */
  static async open(pool: pg.Pool, bulk: boolean, context: WriteContext, bulkLoad = false): Promise<ChunkWriter> {
    // Held for the whole import: a lost connection fails the chunk's query, not the process (checkOut).
    const checkout = await checkOut(pool);
    try {
      return new ChunkWriter(checkout, bulk, context, bulkLoad ? await BulkLoad.begin(checkout.client) : null);
    } catch (err) {
      checkout.release(err);
      throw err;
    }
  }

  /**
   * Writes a chunk in one transaction. Two writers inserting the same keys in opposite orders can
   * deadlock, and a key another writer committed after the look-up makes the COPY fail as a duplicate:
   * the chunk is rolled back and written again (those rows are then simply present).
   * In a bulk load the chunk goes into the load's transaction (no other writer: nothing to retry).
   */
  async write(chunk: Chunk): Promise<ChunkResult> {
    const began = process.hrtime.bigint();
    if (this.load) {
      try {
        const { staged, inserted } = await this.rows(chunk);
        return { staged, inserted, repeats: chunk.repeats, seconds: Number(process.hrtime.bigint() - began) / 1e9 };
      } catch (err) {
        throw new ChunkWriteError(chunk, err as Error);
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const { staged, inserted } = await this.once(chunk);
        return { staged, inserted, repeats: chunk.repeats, seconds: Number(process.hrtime.bigint() - began) / 1e9 };
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code === DEADLOCK || code === UNIQUE_VIOLATION) && attempt < ATTEMPTS) {
          continue;
        }
        throw new ChunkWriteError(chunk, err as Error);
      }
    }
  }

  private once(chunk: Chunk): Promise<{ staged: number; inserted: number }> {
    return transactionOn(this.client, () => this.rows(chunk));
  }

  /** The chunk's rows not yet present, written inside the current transaction. */
  private async rows(chunk: Chunk): Promise<{ staged: number; inserted: number }> {
    const c = this.client;
    // The zones and policies as this transaction sees them, as the SQL rules would.
    const fingerprint = await ZoneLocator.fingerprint(c);
    let locator = this.context.locator;
    if (locator?.fingerprint !== fingerprint) {
      this.context.locator = locator = await ZoneLocator.load(c, fingerprint);
    }
    const { rows: policyRows } = await c.query<SlaPolicyRow>(sql('import/sla_policies'));
    const policies = new SlaPolicies(policyRows.map(toPolicy));
    const clocks = this.context.slaAt ? await ClocksAtLoad.open(c, policyRows, this.context.slaAt) : null;

    const rows = chunk.rows;
    const present = await this.present(rows);
    const indexes: number[] = [];
    for (let k = 0; k < rows.length; k++) {
      if (!present.has(k)) {
        indexes.push(k);
      }
    }
    if (indexes.length === 0) {
      return { staged: chunk.size, inserted: 0 };
    }
    if (this.load) {
      this.load.wrote(rows.sources, rows.externalIds, indexes);
      await this.load.beforeWrite();
    }

    const ids = await this.reserveIds(indexes.length, rows.customers(indexes));
    const { text, references: refs } = rows.copyText(
      indexes,
      locator,
      policies,
      clocks,
      this.context.ref,
      ids.requests,
      ids.customers
    );
    let triggersOff = false;
    if (this.bulk) {
      const {
        rows: [check],
      } = await c.query<{ missing: number }>(sql('import/check_references'), [
        refs.channels,
        refs.categories,
        refs.topics,
        refs.departments,
        refs.statuses,
        refs.stages,
        refs.zoneIds,
        refs.slaPolicyIds,
      ]);
      // A reference gone since the rows were checked: with the row triggers on, they name it.
      if (Number(check.missing) === 0) {
        await c.query(sql('import/bulk_mode'));
        triggersOff = true;
      }
    }
    // Customers before the requests that name them, requests before their journeys and marks.
    if (text.customers.length) {
      await this.copy(copyStatement(CUSTOMERS), text.customers);
    }
    for (const [table, data] of [
      [REQUESTS, text.requests],
      [REQUESTS_CLOCKED, text.clocked],
    ] as const) {
      if (data.length) {
        await this.copy(copyStatement(table), data);
      }
    }
    await this.copy(copyStatement(REQUEST_EVENTS), text.events);
    if (text.alerts.length) {
      await this.copy(copyStatement(SLA_ALERTS), text.alerts);
    }
    await this.copy(copyStatement(ROLLUP_MARKS), text.marks);
    // In a bulk load the transaction goes on: the next chunk checks its own references.
    if (this.load && triggersOff) {
      await c.query(sql('import/bulk_mode_off'));
    }
    return { staged: chunk.size, inserted: indexes.length };
  }

  /** Positions of the chunk's rows already in requests. */
  private async present(rows: StagedRows): Promise<Set<number>> {
    if (this.load) {
      return this.load.present(rows.sources, rows.externalIds);
    }
    const { rows: found } = await this.client.query<{ i: number }>(sql('import/present_keys'), [
      rows.sources,
      rows.externalIds,
    ]);
    return new Set(found.map((r) => r.i - 1));
  }

  /** Ids for the rows, in increasing order: one nextval each, or in a bulk load one range per sequence. */
  private async reserveIds(requests: number, customers: number): Promise<{ requests: string[]; customers: string[] }> {
    if (this.load) {
      const {
        rows: [first],
      } = await this.client.query<{ requests: string | null; customers: string | null }>(
        sql('import/reserve_id_ranges'),
        [requests, customers]
      );
      return { requests: idRange(first.requests, requests), customers: idRange(first.customers, customers) };
    }
    const {
      rows: [ids],
    } = await this.client.query<{ requests: string[]; customers: string[] | null }>(sql('import/reserve_ids'), [
      requests,
      customers,
    ]);
    return { requests: ids.requests, customers: ids.customers ?? [] };
  }

  /** A bulk load: builds the dropped indexes again and commits (see bulk-load.ts); other writers: nothing to do. */
  async finish(): Promise<number> {
    return this.load ? this.load.commit() : 0;
  }

  /** COPY the text (in pieces, waiting whenever the socket is full). */
  private copy(statement: string, data: Buffer): Promise<void> {
    const stream = this.client.query(copyFrom(statement));
    return new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      let at = 0;
      const more = () => {
        while (at < data.length) {
          const piece = data.subarray(at, (at += 1 << 20));
          if (!stream.write(piece)) {
            stream.once('drain', more);
            return;
          }
        }
        stream.end();
      };
      more();
    });
  }

  /** Releases the connection; a bulk load not finished is rolled back (nothing of it stays). */
  async close(): Promise<void> {
    // A load that cannot roll back marks the client for discarding (rollback()).
    if (this.load && !this.load.committed) {
      await rollback(this.client);
    }
    this.checkout.release();
  }

  destroy(): void {
    markUnusable(this.client);
    this.checkout.release();
  }
}

/** Hands chunks to the first free writer; at most one chunk per writer in flight. */
export class WriterPool {
  private idle: ChunkWriter[];
  private running = new Set<Promise<void>>();
  private failure: Error | null = null;

  constructor(
    private readonly writers: ChunkWriter[],
    private readonly onDone: (r: ChunkResult) => void
  ) {
    this.idle = [...writers];
  }

  /** `bulkLoad`: one writer, all chunks in one transaction (bulk-load.ts). */
  static async open(
    pool: pg.Pool,
    count: number,
    bulk: boolean,
    ref: ReferenceIndex,
    onDone: (r: ChunkResult) => void,
    bulkLoad = false,
    slaAt: Date | null = null
  ): Promise<WriterPool> {
    const writers: ChunkWriter[] = [];
    const context: WriteContext = { ref, locator: null, slaAt };
    try {
      for (let i = 0; i < (bulkLoad ? 1 : count); i++) {
        writers.push(await ChunkWriter.open(pool, bulk, context, bulkLoad));
      }
    } catch (err) {
      for (const w of writers) {
        w.destroy();
      }
      throw err;
    }
    return new WriterPool(writers, onDone);
  }

  get failed(): Error | null {
    return this.failure;
  }

  /** Resolves once a writer has taken the chunk (not when it is written). */
  async submit(chunk: Chunk): Promise<void> {
    let writer = this.idle.pop();
    while (!writer && !this.failure) {
      await Promise.race(this.running);
      writer = this.idle.pop();
    }
    if (this.failure) {
      if (writer) {
        this.idle.push(writer);
      }
      throw this.failure;
    }
    if (!writer) {
      throw new Error('no writer is idle and none failed');
    }
    const job: Promise<void> = writer
      .write(chunk)
      .then(
        (r) => this.onDone(r),
        (err) => {
          this.failure ??= err as Error;
        }
      )
      .finally(() => {
        this.idle.push(writer);
        this.running.delete(job);
      });
    this.running.add(job);
  }

  /** Waits for every chunk in flight; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure) {
      throw this.failure;
    }
  }

  /** Once every chunk is written: a bulk load rebuilds its indexes and commits; returns the seconds that took. */
  async finish(): Promise<number> {
    await this.drain();
    let seconds = 0;
    for (const w of this.writers) {
      seconds += await w.finish();
    }
    return seconds;
  }

  /** Releases the connections (destroying them after a failure; a bulk load not finished is rolled back). */
  async close(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure) {
      for (const w of this.writers) {
        w.destroy();
      }
      return;
    }
    for (const w of this.writers) {
      await w.close();
    }
  }
}

/** `count` ids from `first` on, as text (ids stay below 2^53). */
function idRange(first: string | null, count: number): string[] {
  const out: string[] = new Array(count);
  if (count === 0) {
    return out;
  }
  const start = Number(first);
  if (first === null || !Number.isSafeInteger(start + count)) {
    throw new Error(`id range from ${first} cannot be handed out`);
  }
  for (let k = 0; k < count; k++) {
    out[k] = String(start + k);
  }
  return out;
}

type SlaPolicyRow = Omit<SlaPolicy, 'valid_from' | 'valid_to'> &
  PolicyClock & { valid_from: string; valid_to: string | null };

/** Validity bounds in microseconds (exact: below 2^53 until the year 2255). */
const toPolicy = (p: SlaPolicyRow): SlaPolicy & PolicyClock => ({
  ...p,
  valid_from: Number(p.valid_from),
  valid_to: p.valid_to === null ? null : Number(p.valid_to),
});
