// The backtest's table, per level: the model's MASE against seasonal-naive and both methods' interval coverage.
import type { Evaluation } from './evaluate-all.ts';
import { addAccuracy, coverageOf, FORECAST_LEVELS, NO_ACCURACY } from './types.ts';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

export function backtestTable(ev: Evaluation): string {
  const lines = [`rolling origin: ${ev.weeks} weekly origins, 7 days ahead each, up to ${ev.today} (holidays left out of the score)`,
    ['level'.padEnd(11), 'series', 'model', 'MASE', 'cover 80', 'cover 95', 'naive 80', 'naive 95', 'used'].join('  ')];
  for (const level of FORECAST_LEVELS) {
    const s = ev.levels.get(level);
    if (!s) continue;
    const naive = ev.fits.filter((f) => f.series.level === level).reduce((a, f) => addAccuracy(a, f.naive.accuracy), NO_ACCURACY);
    lines.push([level.padEnd(11), String(s.series).padStart(6), String(s.modelled).padStart(5), (s.mase === null ? '—' : s.mase.toFixed(3)).padStart(5),
      pct(s.coverage80).padStart(8), pct(s.coverage95).padStart(8), pct(coverageOf(naive, 80)).padStart(8), pct(coverageOf(naive, 95)).padStart(8),
      s.useModel ? 'MSTL+ETS' : 'seasonal-naive (model does not beat it)'].join('  '));
  }
  return lines.join('\n');
}
