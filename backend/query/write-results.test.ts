import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { writeResults } from './write-results.ts';
import type { Frame } from './frames.ts';

/** A response that keeps what is written; every third write asks to wait for 'drain' (back-pressure). */
function fakeResponse() {
  const r = new EventEmitter() as EventEmitter & {
    chunks: string[];
    ended: boolean;
    statusCode: number;
    headers: Record<string, string>;
    destroyed: boolean;
  };
  Object.assign(r, { chunks: [], ended: false, statusCode: 0, headers: {}, destroyed: false });
  let n = 0;
  return Object.assign(r, {
    status(code: number) {
      r.statusCode = code;
      return r;
    },
    setHeader(k: string, v: string) {
      r.headers[k.toLowerCase()] = v;
      return r;
    },
    write(chunk: string) {
      r.chunks.push(chunk);
      if (++n % 3) {
        return true;
      }
      setImmediate(() => r.emit('drain'));
      return false;
    },
    end(chunk: string) {
      r.chunks.push(chunk);
      r.ended = true;
      return r;
    },
  });
}

test('the streamed answer is the JSON of {results}, frame by frame, honouring back-pressure', async () => {
  const frame = (refId: string, i: number): Frame => ({
    name: `f${i}`,
    refId,
    fields: [{ name: 'time', type: 'time', values: [1, 2, i], config: {} }],
  });
  const results = {
    A: { frames: [frame('A', 1), frame('A', 2)] },
    'B"x': { frames: [] },
    C: { frames: Array.from({ length: 50 }, (_, i) => frame('C', i)) },
  };
  const res = fakeResponse();
  await writeResults(res as unknown as Response, results);
  assert.ok(res.ended);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
  assert.deepEqual(JSON.parse(res.chunks.join('')), { results });
  assert.ok(res.chunks.length > 50);
});
