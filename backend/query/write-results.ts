// Writes the answer of POST /v1/query ({"results": {refId: {"frames": [...]}}}) frame by frame instead of
// one JSON.stringify of the whole: a large answer (up to S360_QUERY_MAX_CALL_POINTS values) is never one
// string in memory, and the event loop serves other requests (/healthz) between frames. Honours the
// socket's back-pressure; stops when the client has gone.
import type { Response } from 'express';
import type { Frame } from './frames.ts';

/** Bytes written between two turns of the event loop. */
const YIELD_BYTES = 256 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves when the socket wants more (drain) or the response is over (closed): never hangs on a gone client. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export async function writeResults(res: Response, results: Record<string, { frames: Frame[] }>): Promise<void> {
  res.status(200).setHeader('Content-Type', 'application/json; charset=utf-8');
  let sinceYield = 0;
  const write = async (chunk: string) => {
    if (res.destroyed) {
      return;
    }
    sinceYield += chunk.length;
    if (!res.write(chunk)) {
      await drained(res);
    } else if (sinceYield >= YIELD_BYTES) {
      sinceYield = 0;
      await nextTurn();
    }
  };
  await write('{"results":{');
  let firstTarget = true;
  for (const [refId, { frames }] of Object.entries(results)) {
    await write(`${firstTarget ? '' : ','}${JSON.stringify(refId)}:{"frames":[`);
    firstTarget = false;
    for (const [i, frame] of frames.entries()) {
      await write(`${i ? ',' : ''}${JSON.stringify(frame)}`);
    }
    await write(']}');
  }
  res.end('}}');
}
