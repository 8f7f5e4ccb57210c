// Progress of a long run in batches (the bulk rollup build, the SLA first pass over a history): a bar when the
// stream is a terminal, else a line per committed batch.
import cliProgress from 'cli-progress';

/** Where a run stands: `done` of `total` (the total may grow), the batch going on and its step ('committed': done). */
export type BatchStep = { done: number; total: number; batch: number; phase: string };

export type BatchProgress = { update: (p: BatchStep) => void; stop: () => void };

/** `label`: what runs (the bar's first word, "rollups"); `unit`: what `done` counts ("requests"). */
export function batchProgress(stream: NodeJS.WriteStream, label: string, unit: string): BatchProgress {
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
              format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | batch {batch}: {phase} | ETA {eta_formatted}`,
              hideCursor: true,
              etaBuffer: 5,
            },
            cliProgress.Presets.shades_classic
          );
          bar.start(Math.max(p.total, 1), 0, { rate: 0, batch: p.batch, phase: p.phase });
        }
        bar.setTotal(Math.max(p.total, 1));
        bar.update(p.done, { rate: rate(p.done), batch: p.batch, phase: p.phase });
      } else if (p.phase === 'committed') {
        stream.write(`${label}: ${p.done} of ${p.total} ${unit} (${rate(p.done)}/s)\n`);
      }
    },
    stop: () => {
      bar?.stop();
      bar = null;
    },
  };
}
