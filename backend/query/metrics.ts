// The metrics the query API answers: their unit, display names and how they are computed from the sums.
export type Language = 'en' | 'ar';
export type Sums = {
  received: number; closed: number; cancelled: number; res_met: number; res_breached: number; fr_met: number;
  fr_breached: number; progress_sum: number; progress_n: number; sat_sum: number; sat_n: number;
};

type Base = { unit: string; en: string; ar: string; decimals?: number };
export type SumMetric = Base & { kind: 'sum'; value: (s: Sums) => number | null };
export type HistMetric = Base & { kind: 'hist'; hist: 'fr' | 'rs'; quantile: number };
export type SpecialMetric = Base & { kind: 'backlog' | 'per_10k' | 'warnings' | 'recurring_topics' | 'hotspots' | 'open_by_stage' | 'due_soon' };
export type MetricDefinition = SumMetric | HistMetric | SpecialMetric;

const ratio = (num: number, den: number, scale = 1) => (den > 0 ? (num / den) * scale : null);

export const METRICS = {
  received: { kind: 'sum', unit: 'short', en: 'Requests received', ar: 'الطلبات المستلمة', value: (s) => s.received },
  closed: { kind: 'sum', unit: 'short', en: 'Requests closed', ar: 'الطلبات المنجزة', value: (s) => s.closed },
  backlog: { kind: 'backlog', unit: 'short', en: 'Open backlog', ar: 'الطلبات المفتوحة' },
  on_time_pct: { kind: 'sum', unit: 'percent', decimals: 1, en: 'Resolved on time', ar: 'الحل في الوقت المحدد', value: (s) => ratio(s.res_met, s.res_met + s.res_breached, 100) },
  first_response_on_time_pct: { kind: 'sum', unit: 'percent', decimals: 1, en: 'First response on time', ar: 'الاستجابة الأولى في الوقت المحدد', value: (s) => ratio(s.fr_met, s.fr_met + s.fr_breached, 100) },
  first_response_median: { kind: 'hist', hist: 'fr', quantile: 0.5, unit: 's', en: 'Median first response', ar: 'وسيط زمن الاستجابة الأولى' },
  first_response_p90: { kind: 'hist', hist: 'fr', quantile: 0.9, unit: 's', en: 'First response (90th percentile)', ar: 'زمن الاستجابة الأولى (المئين 90)' },
  resolution_median: { kind: 'hist', hist: 'rs', quantile: 0.5, unit: 's', en: 'Median resolution time', ar: 'وسيط زمن الحل' },
  resolution_p90: { kind: 'hist', hist: 'rs', quantile: 0.9, unit: 's', en: 'Resolution time (90th percentile)', ar: 'زمن الحل (المئين 90)' },
  progress_mean: { kind: 'sum', unit: 'percent', decimals: 1, en: 'Mean progress', ar: 'متوسط نسبة الإنجاز', value: (s) => ratio(s.progress_sum, s.progress_n) },
  received_per_10k: { kind: 'per_10k', unit: 'short', decimals: 2, en: 'Requests per 10,000 residents', ar: 'الطلبات لكل 10,000 نسمة' },
  satisfaction_mean: { kind: 'sum', unit: 'short', decimals: 2, en: 'Mean satisfaction (1–5)', ar: 'متوسط الرضا (1–5)', value: (s) => ratio(s.sat_sum, s.sat_n) },
  sla_warnings: { kind: 'warnings', unit: 'short', en: 'SLA warnings', ar: 'تحذيرات اتفاقية مستوى الخدمة' },
  sla_breaches: { kind: 'sum', unit: 'short', en: 'SLA breaches', ar: 'تجاوزات اتفاقية مستوى الخدمة', value: (s) => s.res_breached + s.fr_breached },
  recurring_topics: { kind: 'recurring_topics', unit: 'short', en: 'Recurring topics', ar: 'المواضيع المتكررة' },
  hotspots: { kind: 'hotspots', unit: 'short', en: 'Recurring hot spots', ar: 'النقاط الساخنة المتكررة' },
  open_by_stage: { kind: 'open_by_stage', unit: 'short', en: 'Open requests by stage', ar: 'الطلبات المفتوحة حسب المرحلة' },
  due_soon: { kind: 'due_soon', unit: 'short', en: 'About to breach (due within the hour)', ar: 'على وشك التجاوز (مستحقة خلال ساعة)' },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export const ZERO_SUMS: Sums = {
  received: 0, closed: 0, cancelled: 0, res_met: 0, res_breached: 0, fr_met: 0, fr_breached: 0,
  progress_sum: 0, progress_n: 0, sat_sum: 0, sat_n: 0,
};

export function addSums(a: Sums, b: Sums): Sums {
  const out = { ...a };
  for (const k of Object.keys(ZERO_SUMS) as (keyof Sums)[]) out[k] += b[k];
  return out;
}

/** Histogram bin k≥1 covers [1.05^(k-1), 1.05^k) seconds; bin 0 covers [0, 1 s). */
export const HIST_RATIO = 1.05;
/** The representative value reported for a bin: its geometric middle (relative error ≤ √1.05 − 1 ≈ 2.47%). */
export function binValue(bin: number): number {
  return bin === 0 ? 0.5 : Math.pow(HIST_RATIO, bin - 0.5);
}
/** The documented error bound of a percentile read from the histogram. */
export function withinHistogramBound(estimate: number, exact: number): boolean {
  return Math.abs(estimate - exact) <= Math.max(1, exact * (Math.sqrt(HIST_RATIO) - 1) + 1e-9);
}

/** The q-quantile as PostgreSQL's percentile_disc: the value at rank ceil(q·n), read from bin counts. */
export function quantileFromBins(bins: Map<number, number>, q: number): number | null {
  let total = 0;
  for (const n of bins.values()) total += n;
  if (total <= 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const bin of [...bins.keys()].sort((a, b) => a - b)) {
    seen += bins.get(bin)!;
    if (seen >= rank) return binValue(bin);
  }
  return null;
}
