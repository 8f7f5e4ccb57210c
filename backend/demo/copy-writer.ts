// Streams COPY text into a table on the caller's connection (inside its transaction). The lines are handed
// to the socket at once and the returned promise settles when PostgreSQL has taken them, so the caller
// can build the next chunk while this one is being loaded.
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';

const PIECE_LINES = 2000;

export function copyLines(client: pg.ClientBase, statement: string, lines: readonly string[]): Promise<void> {
  if (!lines.length) return Promise.resolve();
  const stream = client.query(copyStreams.from(statement));
  const done = finished(stream);
  for (let i = 0; i < lines.length; i += PIECE_LINES) stream.write(lines.slice(i, i + PIECE_LINES).join(''));
  stream.end();
  return done;
}
