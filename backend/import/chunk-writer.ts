// Writes staged chunks: each writer holds one connection with its own temporary staging table; a chunk
// is one transaction (COPY into staging, then sql/import/insert_staged.sql). Several writers run side
// by side so the database can use more than one core while the next chunk is being read.
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql, sqlWith } from '../db/sql.ts';
import { REQUEST_LOOKUPS } from '../ingest/write-requests.ts';

/** Rows for the staging table, kept as UTF-8 COPY text off the JavaScript heap. */
export class Chunk {
  readonly pieces: Buffer[] = [];
  rows = 0;
  first = 0;
  last = 0;
  /** rows dropped from the chunk because an earlier row of it had the same key */
  repeats = 0;
  private pending: string[] = [];

  add(line: number, copyLine: string): void {
    if (this.rows === 0) this.first = line;
    this.last = line;
    this.rows++;
    this.pending.push(copyLine);
    if (this.pending.length >= 1000) this.seal();
  }

  /** Moves the lines added since the last call into a buffer. */
  seal(): this {
    if (this.pending.length) { this.pieces.push(Buffer.from(this.pending.join(''), 'utf8')); this.pending = []; }
    return this;
  }
}

export type ChunkResult = { staged: number; inserted: number; repeats: number; seconds: number };

export class ChunkWriteError extends Error {
  constructor(readonly chunk: Pick<Chunk, 'first' | 'last'>, readonly error: Error) {
    super(`lines ${chunk.first}–${chunk.last} could not be written (${error.message})`);
  }
}

/** May this role turn row triggers off, and would no trigger but the foreign-key checks be skipped? */
export async function bulkModeAllowed(db: pg.Pool | pg.PoolClient): Promise<boolean> {
  const { rows: [probe] } = await db.query<{ allowed: boolean }>(sql('import/probe_bulk_mode'));
  if (!probe.allowed) return false;
  const { rows: [triggers] } = await db.query<{ others: number }>(sql('import/insert_triggers'));
  return triggers.others === 0;
}

const DEADLOCK = '40P01';
const ignoreConnectionError = () => {};
const ATTEMPTS = 3;

export class ChunkWriter {
  private constructor(private readonly client: pg.PoolClient, private readonly bulk: boolean) {}

  static async open(pool: pg.Pool, bulk: boolean): Promise<ChunkWriter> {
    const client = await pool.connect();
    // Held for the whole import: a lost connection must fail the chunk's query, not the process.
    client.on('error', ignoreConnectionError);
    try {
      await client.query(sql('import/create_staging'));
    } catch (err) {
      client.off('error', ignoreConnectionError);
      client.release(true);
      throw err;
    }
    return new ChunkWriter(client, bulk);
  }

  /**
   * Writes a chunk in one transaction. Two writers inserting the same keys in opposite orders can
   * deadlock; the one PostgreSQL picks is rolled back and written again (the other's rows are then
   * simply present).
   */
  async write(chunk: Chunk): Promise<ChunkResult> {
    const began = process.hrtime.bigint();
    for (let attempt = 1; ; attempt++) {
      try {
        const { staged, inserted } = await this.once(chunk);
        return { staged, inserted, repeats: chunk.repeats, seconds: Number(process.hrtime.bigint() - began) / 1e9 };
      } catch (err) {
        await this.client.query('ROLLBACK').catch(() => {});
        if ((err as { code?: string }).code === DEADLOCK && attempt < ATTEMPTS) continue;
        throw new ChunkWriteError(chunk, err as Error);
      }
    }
  }

  private async once(chunk: Chunk): Promise<{ staged: number; inserted: number }> {
    const c = this.client;
    await c.query(sql('import/begin_chunk'));
    await this.copy(chunk.seal().pieces);
    if (this.bulk) {
      const { rows: [refs] } = await c.query<{ missing: number }>(sql('import/lock_references'));
      // A reference gone since the rows were checked: with the row triggers on, they name it.
      if (refs.missing === 0) await c.query(sql('import/bulk_mode'));
    }
    const { rows: [counts] } = await c.query<{ staged: number; inserted: number }>(sqlWith('import/insert_staged', REQUEST_LOOKUPS));
    await c.query('COMMIT');
    return counts;
  }

  /** COPY the pieces, waiting whenever the socket is full. */
  private copy(pieces: readonly Buffer[]): Promise<void> {
    const stream = this.client.query(copyFrom(sql('import/copy_staging')));
    return new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      let at = 0;
      const more = () => {
        while (at < pieces.length) if (!stream.write(pieces[at++])) { stream.once('drain', more); return; }
        stream.end();
      };
      more();
    });
  }

  async close(): Promise<void> {
    await this.client.query(sql('import/drop_staging')).catch(() => {});
    this.client.off('error', ignoreConnectionError);
    this.client.release();
  }

  destroy(): void {
    this.client.off('error', ignoreConnectionError);
    this.client.release(true);
  }
}

/** Hands chunks to the first free writer; at most one chunk per writer in flight. */
export class WriterPool {
  private idle: ChunkWriter[];
  private running = new Set<Promise<void>>();
  private failure: Error | null = null;

  constructor(private readonly writers: ChunkWriter[], private readonly onDone: (r: ChunkResult) => void) {
    this.idle = [...writers];
  }

  static async open(pool: pg.Pool, count: number, bulk: boolean, onDone: (r: ChunkResult) => void): Promise<WriterPool> {
    const writers: ChunkWriter[] = [];
    try {
      for (let i = 0; i < count; i++) writers.push(await ChunkWriter.open(pool, bulk));
    } catch (err) {
      for (const w of writers) w.destroy();
      throw err;
    }
    return new WriterPool(writers, onDone);
  }

  get failed(): Error | null { return this.failure; }

  /** Resolves once a writer has taken the chunk (not when it is written). */
  async submit(chunk: Chunk): Promise<void> {
    while (!this.idle.length && !this.failure) await Promise.race(this.running);
    if (this.failure) throw this.failure;
    const writer = this.idle.pop()!;
    const job: Promise<void> = writer.write(chunk)
      .then((r) => this.onDone(r), (err) => { this.failure ??= err as Error; })
      .finally(() => { this.idle.push(writer); this.running.delete(job); });
    this.running.add(job);
  }

  /** Waits for every chunk in flight; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure) throw this.failure;
  }

  /** Releases the connections (destroying them after a failure). */
  async close(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure) { for (const w of this.writers) w.destroy(); return; }
    for (const w of this.writers) await w.close();
  }
}
