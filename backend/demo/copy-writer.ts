// Streams COPY text into a table on the caller's connection (inside its transaction). The lines are handed
// to the socket at once and the returned promise settles when PostgreSQL has taken them, so the caller
// can build the next chunk while this one is being loaded.
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';

const PIECE_LINES = 2000;

/** Lines (strings) or blocks of lines already encoded (Buffers). */
export function copyLines(
  client: pg.ClientBase,
  statement: string,
  lines: ReadonlyArray<string | Buffer>
): Promise<void> {
  if (!lines.length) {
    return Promise.resolve();
  }
  const stream = client.query(copyStreams.from(statement));
  const done = finished(stream);
  let text: string[] = [];
  for (const piece of lines) {
    if (typeof piece !== 'string') {
      stream.write(piece);
      continue;
    }
    text.push(piece);
    if (text.length >= PIECE_LINES) {
      stream.write(text.join(''));
      text = [];
    }
  }
  if (text.length) {
    stream.write(text.join(''));
  }
  stream.end();
  return done;
}

/**
 * Packs lines into one encoded block and empties the array. Building millions of short-lived strings
 * and encoding them a few thousand at a time keeps them in the young generation: far less GC work than
 * holding a whole chunk of strings until it is written.
 */
export function pack(lines: string[], into: Buffer[]): void {
  if (!lines.length) {
    return;
  }
  into.push(Buffer.from(lines.join(''), 'utf8'));
  lines.length = 0;
}
