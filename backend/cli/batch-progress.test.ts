// The batch progress of the bulk build and the SLA first pass, off a terminal: one line per committed batch.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from '@jest/globals';
import { batchProgress } from './batch-progress.ts';

/** A stream that is no terminal, keeping what is written. */
function captured(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream: Object.assign(sink, { isTTY: false }) as NodeJS.WriteStream, text: () => chunks.join('') };
}

test('off a terminal, a line per committed batch with its label, unit and the total as it grew; nothing between', () => {
  const out = captured();
  const progress = batchProgress(out.stream, 'SLA clocks', 'requests');
  progress.update({ done: 0, total: 500, batch: 1, phase: 'versions' });
  progress.update({ done: 300, total: 500, batch: 1, phase: 'committed' });
  progress.update({ done: 300, total: 500, batch: 2, phase: 'cube 1/16' });
  progress.update({ done: 700, total: 700, batch: 2, phase: 'committed' });
  progress.stop();
  const lines = out.text().split('\n').filter(Boolean);
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^SLA clocks: 300 of 500 requests \(\d+\/s\)$/);
  assert.match(lines[1], /^SLA clocks: 700 of 700 requests \(\d+\/s\)$/);
});
