// The metrics the query API answers: their unit, display names, a line saying what each is (the catalogue, GET /v1/catalog,
// serves them to the editors) and how they are computed from the sums. Adding a metric is one entry here (and, for a new
// kind, its file in backend/query/metric-kinds/, saying what its metrics support, registered in registry.ts).
export type Language = 'en' | 'ar';
export type Sums = {
  received: number;
  closed: number;
  cancelled: number;
  res_met: number;
  res_breached: number;
  fr_met: number;
  fr_breached: number;
  progress_sum: number;
  progress_n: number;
  sat_sum: number;
  sat_n: number;
};

/** `about`: what the metric is, in each language (the editors' description; the name when absent). */
type Base = { unit: string; en: string; ar: string; decimals?: number; about?: { en: string; ar: string } };
export type SumMetric = Base & { kind: 'sum'; value: (s: Sums) => number | null };
export type HistMetric = Base & { kind: 'hist'; hist: 'fr' | 'rs'; quantile: number };
export type SpecialMetric = Base & {
  kind: 'backlog' | 'per_10k' | 'warnings' | 'recurring_topics' | 'hotspots' | 'open_by_stage' | 'due_soon';
};
/** Answered by backend/forecast/metrics/ (one file each): forecasts, early warning, the action list, channel shift. */
/** `support`: what the query may ask of it (backend/query/metric-kinds/proactive.ts, PROACTIVE_SUPPORT). */
export type ProactiveMetric = Base & {
  kind: 'proactive';
  support: 'series' | 'forecast_series' | 'forecast_table' | 'running_above' | 'ranked_table';
};
export type MetricDefinition = SumMetric | HistMetric | SpecialMetric | ProactiveMetric;

const ratio = (num: number, den: number, scale = 1) => (den > 0 ? (num / den) * scale : null);

export const METRICS = {
  received: {
    kind: 'sum',
    unit: 'short',
    en: 'Requests received',
    ar: 'الطلبات المستلمة',
    value: (s) => s.received,
    about: { en: 'Requests created in each bucket', ar: 'الطلبات المنشأة في كل فترة' },
  },
  closed: {
    kind: 'sum',
    unit: 'short',
    en: 'Requests closed',
    ar: 'الطلبات المنجزة',
    value: (s) => s.closed,
    about: { en: 'Requests closed in each bucket', ar: 'الطلبات المغلقة في كل فترة' },
  },
  backlog: {
    kind: 'backlog',
    unit: 'short',
    en: 'Open backlog',
    ar: 'الطلبات المفتوحة',
    about: { en: 'Requests open at the end of each bucket', ar: 'الطلبات المفتوحة في نهاية كل فترة' },
  },
  on_time_pct: {
    kind: 'sum',
    unit: 'percent',
    decimals: 1,
    en: 'Resolved on time',
    ar: 'الحل في الوقت المحدد',
    value: (s) => ratio(s.res_met, s.res_met + s.res_breached, 100),
    about: {
      en: 'Share of due or finished requests resolved within the SLA',
      ar: 'نسبة الطلبات المستحقة أو المنجزة التي حُلّت ضمن اتفاقية مستوى الخدمة',
    },
  },
  first_response_on_time_pct: {
    kind: 'sum',
    unit: 'percent',
    decimals: 1,
    en: 'First response on time',
    ar: 'الاستجابة الأولى في الوقت المحدد',
    value: (s) => ratio(s.fr_met, s.fr_met + s.fr_breached, 100),
    about: {
      en: 'Share answered within the first-response target',
      ar: 'نسبة الطلبات التي تلقّت الاستجابة الأولى ضمن المدة المستهدفة',
    },
  },
  first_response_median: {
    kind: 'hist',
    hist: 'fr',
    quantile: 0.5,
    unit: 's',
    en: 'Median first response',
    ar: 'وسيط زمن الاستجابة الأولى',
    about: { en: 'Median time to the first response', ar: 'الوسيط لزمن الاستجابة الأولى' },
  },
  first_response_p90: {
    kind: 'hist',
    hist: 'fr',
    quantile: 0.9,
    unit: 's',
    en: 'First response (90th percentile)',
    ar: 'زمن الاستجابة الأولى (المئين 90)',
    about: { en: '90th percentile of the time to the first response', ar: 'المئين 90 لزمن الاستجابة الأولى' },
  },
  resolution_median: {
    kind: 'hist',
    hist: 'rs',
    quantile: 0.5,
    unit: 's',
    en: 'Median resolution time',
    ar: 'وسيط زمن الحل',
    about: { en: 'Median time to resolution', ar: 'الوسيط لزمن الحل' },
  },
  resolution_p90: {
    kind: 'hist',
    hist: 'rs',
    quantile: 0.9,
    unit: 's',
    en: 'Resolution time (90th percentile)',
    ar: 'زمن الحل (المئين 90)',
    about: { en: '90th percentile of the time to resolution', ar: 'المئين 90 لزمن الحل' },
  },
  progress_mean: {
    kind: 'sum',
    unit: 'percent',
    decimals: 1,
    en: 'Mean progress',
    ar: 'متوسط نسبة الإنجاز',
    value: (s) => ratio(s.progress_sum, s.progress_n),
    about: { en: 'Mean progress of open requests', ar: 'متوسط نسبة إنجاز الطلبات المفتوحة' },
  },
  received_per_10k: {
    kind: 'per_10k',
    unit: 'short',
    decimals: 2,
    en: 'Requests per 10,000 residents',
    ar: 'الطلبات لكل 10,000 نسمة',
    about: { en: 'Requests per 10,000 residents of the zone', ar: 'الطلبات لكل 10,000 من سكان المنطقة' },
  },
  satisfaction_mean: {
    kind: 'sum',
    unit: 'short',
    decimals: 2,
    en: 'Mean satisfaction (1–5)',
    ar: 'متوسط الرضا (1–5)',
    value: (s) => ratio(s.sat_sum, s.sat_n),
    about: { en: 'Mean satisfaction score', ar: 'متوسط درجة رضا المتعاملين' },
  },
  sla_warnings: {
    kind: 'warnings',
    unit: 'short',
    en: 'SLA warnings',
    ar: 'تحذيرات اتفاقية مستوى الخدمة',
    about: {
      en: 'Requests that reached the SLA warning threshold',
      ar: 'الطلبات التي بلغت حدّ التحذير في اتفاقية مستوى الخدمة',
    },
  },
  sla_breaches: {
    kind: 'sum',
    unit: 'short',
    en: 'SLA breaches',
    ar: 'تجاوزات اتفاقية مستوى الخدمة',
    value: (s) => s.res_breached + s.fr_breached,
    about: { en: 'Requests that breached their SLA', ar: 'الطلبات التي تجاوزت اتفاقية مستوى الخدمة' },
  },
  recurring_topics: {
    kind: 'recurring_topics',
    unit: 'short',
    en: 'Recurring topics',
    ar: 'المواضيع المتكررة',
    about: {
      en: 'Most frequent topics with their change against the previous period',
      ar: 'أكثر المواضيع تكراراً مع تغيّرها عن الفترة السابقة',
    },
  },
  hotspots: {
    kind: 'hotspots',
    unit: 'short',
    en: 'Recurring hot spots',
    ar: 'النقاط الساخنة المتكررة',
    about: { en: 'Places where one topic recurs', ar: 'أماكن يتكرر فيها الموضوع نفسه' },
  },
  open_by_stage: {
    kind: 'open_by_stage',
    unit: 'short',
    en: 'Open requests by stage',
    ar: 'الطلبات المفتوحة حسب المرحلة',
    about: {
      en: 'Requests open now at each stage of the journey, with their share',
      ar: 'الطلبات المفتوحة الآن في كل مرحلة من مراحل الرحلة مع نسبتها',
    },
  },
  due_soon: {
    kind: 'due_soon',
    unit: 'short',
    en: 'About to breach (due within the hour)',
    ar: 'على وشك التجاوز (مستحقة خلال ساعة)',
    about: {
      en: 'Open requests with an SLA target due within the hour, soonest first',
      ar: 'الطلبات المفتوحة التي يحين موعد هدفها خلال ساعة، الأقرب أولاً',
    },
  },
  forecast_received: {
    kind: 'proactive',
    support: 'forecast_series',
    unit: 'short',
    decimals: 0,
    en: 'Requests expected',
    ar: 'الطلبات المتوقعة',
    about: {
      en: 'Daily forecast for the next 1–14 days with its 95 % interval',
      ar: 'التوقع اليومي للأيام 1–14 القادمة مع فترة الثقة 95 %',
    },
  },
  forecast_accuracy: {
    kind: 'proactive',
    support: 'forecast_table',
    unit: 'short',
    decimals: 2,
    en: 'Forecast accuracy',
    ar: 'دقة التوقعات',
    about: {
      en: 'MASE against seasonal-naive and interval coverage, per level or series',
      ar: 'مقياس MASE مقارنةً بالتوقع الموسمي البسيط وتغطية فترات الثقة لكل مستوى أو سلسلة',
    },
  },
  running_above_forecast: {
    kind: 'proactive',
    support: 'running_above',
    unit: 'short',
    decimals: 1,
    en: 'Running above forecast',
    ar: 'أعلى من المتوقع',
    about: {
      en: "Zones (and zone × topic) above the forecast's upper bound so far today",
      ar: 'المناطق (والمنطقة × الموضوع) التي تجاوزت الحد الأعلى للتوقع حتى الآن اليوم',
    },
  },
  proactive_actions: {
    kind: 'proactive',
    support: 'ranked_table',
    unit: 'short',
    en: 'Proactive actions',
    ar: 'الإجراءات الاستباقية',
    about: {
      en: 'What to act on now: running above forecast, forecast to rise, recurring hot spots',
      ar: 'ما يجب التصرف فيه الآن: ما تجاوز المتوقع، وما يُتوقع ارتفاعه، والنقاط الساخنة المتكررة',
    },
  },
  digital_share: {
    kind: 'proactive',
    support: 'series',
    unit: 'percent',
    decimals: 1,
    en: 'Digital share',
    ar: 'الحصة الرقمية',
    about: {
      en: 'Share of requests through the channels the city file marks digital (such as the website, apps, WhatsApp and the virtual assistant)',
      ar:
        'نسبة الطلبات الواردة عبر القنوات التي يحددها ملف ' +
        'المدينة رقمية (مثل الموقع والتطبيقات وواتساب والمساعد الافتراضي)',
    },
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export const ZERO_SUMS: Sums = {
  received: 0,
  closed: 0,
  cancelled: 0,
  res_met: 0,
  res_breached: 0,
  fr_met: 0,
  fr_breached: 0,
  progress_sum: 0,
  progress_n: 0,
  sat_sum: 0,
  sat_n: 0,
};

export function addSums(a: Sums, b: Sums): Sums {
  const out = { ...a };
  for (const k of Object.keys(ZERO_SUMS) as Array<keyof Sums>) {
    out[k] += b[k];
  }
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
  for (const n of bins.values()) {
    total += n;
  }
  if (total <= 0) {
    return null;
  }
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [bin, n] of [...bins].sort(([a], [b]) => a - b)) {
    seen += n;
    if (seen >= rank) {
      return binValue(bin);
    }
  }
  return null;
}
