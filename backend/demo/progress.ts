// Progress of a demo run: a bar per phase when stderr is a terminal, else a line at every tenth.
import cliProgress from 'cli-progress';
import type { DemoProgress } from './generate.ts';

export function demoProgress(stream: NodeJS.WriteStream): { update: DemoProgress; stop: () => void } {
  let phase = '';
  let started = 0;
  let bar: cliProgress.SingleBar | null = null;
  let nextTenth = 1;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  const update: DemoProgress = (p, done, total) => {
    if (p !== phase) {
      stop();
      phase = p;
      started = Date.now();
      nextTenth = 1;
      if (stream.isTTY) {
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${p.padEnd(9)} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
            hideCursor: true,
            etaBuffer: 20,
          },
          cliProgress.Presets.shades_classic
        );
        bar.start(Math.max(total, 1), 0, { rate: 0 });
      }
    }
    const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
    if (bar) {
      bar.update(done, { rate });
      return;
    }
    if (total > 0 && done >= (nextTenth * total) / 10) {
      while (done >= (nextTenth * total) / 10) {
        nextTenth++;
      }
      stream.write(`${p}: ${done} of ${total} (${rate}/s)\n`);
    }
  };
  return { update, stop };
}
