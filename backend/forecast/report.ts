// The backtest's table, per level: the model's MASE against seasonal-naive and both methods' interval coverage.
import type { Evaluation } from './evaluate-all.ts';
import { coverageOf, FORECAST_LEVELS } from './types.ts';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

export function backtestTable(ev: Evaluation): string {
  const lines = [
    `rolling origin: ${ev.weeks} weekly origins, 7 days ahead each, up to ${ev.today} (holidays left out of the score)`,
    "cover: share of days inside the model's raw 80 % / 95 % intervals; calibrated: widened by the factor learnt from the older origins only",
    [
      'level'.padEnd(11),
      'series',
      'model',
      'MASE',
      'cover 80',
      'cover 95',
      'calib 80',
      'calib 95',
      'naive 80',
      'naive 95',
      'used',
    ].join('  '),
  ];
  for (const level of FORECAST_LEVELS) {
    const s = ev.levels.get(level);
    if (!s) {
      continue;
    }
    const naive = s.naive;
    lines.push(
      [
        level.padEnd(11),
        String(s.series).padStart(6),
        String(s.modelled).padStart(5),
        (s.mase === null ? '—' : s.mase.toFixed(3)).padStart(5),
        pct(s.coverage80).padStart(8),
        pct(s.coverage95).padStart(8),
        pct(s.calibrated80).padStart(8),
        pct(s.calibrated95).padStart(8),
        pct(coverageOf(naive, 80)).padStart(8),
        pct(coverageOf(naive, 95)).padStart(8),
        s.useModel ? 'MSTL+ETS' : 'seasonal-naive (model does not beat it)',
      ].join('  ')
    );
  }
  lines.push(
    `seasons of the models (days; the week always, whole-city levels add what augurs detects): ${seasonsLine(ev)}`
  );
  return lines.join('\n');
}

/** Per level, each set of seasonal periods its models use and how many series use it: "city 7; department 7 ×8". */
function seasonsLine(ev: Evaluation): string {
  return FORECAST_LEVELS.flatMap((level) => {
    const sets = new Map<string, number>();
    for (const f of ev.fits) {
      if (f.series.level === level && f.model) {
        sets.set(f.seasons.join('+'), (sets.get(f.seasons.join('+')) ?? 0) + 1);
      }
    }
    return sets.size ? [`${level} ${[...sets].map(([s, n]) => (n > 1 ? `${s} ×${n}` : s)).join(', ')}`] : [];
  }).join('; ');
}
