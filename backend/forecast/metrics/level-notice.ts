// What a forecast frame says of its method, from the level's recorded accuracy (forecast_levels).
import type { Language } from '../../query/metrics.ts';
import { notice, type Notice } from './context.ts';

export type LevelRow = {
  level: string;
  series: number;
  weeks: number;
  mase: number | null;
  coverage_80: number | null;
  coverage_95: number | null;
  use_model: boolean;
  source: string;
};

export function levelNotices(
  lang: Language,
  level: LevelRow | undefined,
  naiveSeries: number,
  totalSeries: number
): Notice[] {
  if (!totalSeries) {
    return [
      notice(
        lang,
        'warning',
        'No forecast stored yet: the nightly job fits them (or: services360 forecast run).',
        'لا توجد توقعات محفوظة بعد: تُحسب ليلياً (أو: services360 forecast run).'
      ),
    ];
  }
  const mase = level?.mase == null ? '—' : level.mase.toFixed(2);
  const out: Notice[] = [];
  if (level && !level.use_model) {
    out.push(
      notice(
        lang,
        'warning',
        `At this level the model did not beat seasonal-naive (MASE ${mase} over ${level.weeks} weeks): ` +
          `forecast by seasonal-naive (same weekday last week), with an empirical interval.`,
        `في هذا المستوى لم يتفوق النموذج على التوقع الموسمي ` +
          `البسيط (MASE ${mase} على ${level.weeks} أسابيع): التوقع بقيمة ` +
          `اليوم نفسه من الأسبوع الماضي مع فترة تجريبية.`
      )
    );
  } else {
    out.push(
      notice(
        lang,
        'info',
        `MSTL + ETS (augurs) with weekly seasonality, MASE ${mase} against seasonal-naive; 95 % prediction ` +
          `interval; the city's holidays were replaced by seasonal-naive values before fitting.`,
        `نموذج MSTL + ETS بموسمية أسبوعية، MASE ${mase} مقارنة بالتوقع ` +
          `الموسمي البسيط؛ فترة تنبؤ 95 %؛ استُبدلت العطل الرسمية بقيم موسمية قبل الملاءمة.`
      )
    );
    if (naiveSeries > 0) {
      out.push(
        notice(
          lang,
          'info',
          `${naiveSeries} of ${totalSeries} series have too little history or volume for the model: seasonal-naive there.`,
          `${naiveSeries} من ${totalSeries} سلسلة بيانات تاريخها أو حجمها قليل: التوقع الموسمي البسيط فيها.`
        )
      );
    }
  }
  return out;
}
