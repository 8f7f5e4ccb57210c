// Display names of forecast levels and methods, in English and Arabic.
import type { Language } from '../../query/metrics.ts';

const LEVEL_NAMES: Record<string, Record<Language, string>> = {
  city: { en: 'City', ar: 'المدينة' },
  department: { en: 'Department', ar: 'الإدارة' },
  channel: { en: 'Channel', ar: 'القناة' },
  category: { en: 'Category', ar: 'الفئة' },
  topic: { en: 'Topic', ar: 'الموضوع' },
  zone: { en: 'Zone', ar: 'المنطقة' },
  zone_topic: { en: 'Zone × topic', ar: 'المنطقة × الموضوع' },
};
const METHOD_NAMES: Record<string, Record<Language, string>> = {
  mstl_ets: { en: 'MSTL + ETS', ar: 'MSTL + ETS' },
  seasonal_naive: { en: 'Seasonal-naive', ar: 'موسمي بسيط' },
};

export const levelName = (level: string, lang: Language) => LEVEL_NAMES[level]?.[lang] ?? level;
export const methodName = (method: string, lang: Language) => METHOD_NAMES[method]?.[lang] ?? method;
