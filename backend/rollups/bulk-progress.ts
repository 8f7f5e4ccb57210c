// Progress of the bulk rollup build: a bar when stderr is a terminal, else a line per committed batch.
import cliProgress from 'cli-progress';
import type { BulkProgress } from './bulk.ts';

export function bulkProgress(stream: NodeJS.WriteStream): { update: (p: BulkProgress) => void; stop: () => void } {
  const started = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  const rate = (n: number) => Math.round(n / Math.max((Date.now() - started) / 1000, 0.001));
  return {
    update: (p) => {
      if (stream.isTTY) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              stream,
              format:
                'rollups [{bar}] {percentage}% | {value}/{total} requests | {rate}/s | batch {batch}: {phase} | ETA {eta_formatted}',
              hideCursor: true,
              etaBuffer: 5,
            },
            cliProgress.Presets.shades_classic
          );
          bar.start(Math.max(p.pending, 1), 0, { rate: 0, batch: 1, phase: p.phase });
        }
        bar.setTotal(Math.max(p.pending, 1));
        bar.update(p.requests, { rate: rate(p.requests), batch: p.batches + 1, phase: p.phase });
      } else if (p.phase === 'committed') {
        stream.write(`rollups: ${p.requests} of ${p.pending} requests (${rate(p.requests)}/s)\n`);
      }
    },
    stop: () => {
      bar?.stop();
      bar = null;
    },
  };
}
