// Display names of dimensions and their values, in English or Arabic.
import type { ReferenceIndex } from '../domain/reference.ts';
import type { Dimension } from '../rollups/cubes.ts';
import type { Language } from './metrics.ts';
import { validCodesOf } from '../geo/request-filters.ts';

export const DIMENSION_NAMES: Record<Dimension, Record<Language, string>> = {
  zone: { en: 'Zone', ar: 'المنطقة' },
  channel: { en: 'Channel', ar: 'القناة' },
  category: { en: 'Category', ar: 'الفئة' },
  topic: { en: 'Topic', ar: 'الموضوع' },
  department: { en: 'Department', ar: 'الإدارة' },
  advisor: { en: 'Advisor', ar: 'موظف الخدمة' },
  status_class: { en: 'Status', ar: 'الحالة' },
  priority: { en: 'Priority', ar: 'الأولوية' },
};

const FIXED: Partial<Record<Dimension, Record<string, Record<Language, string>>>> = {
  status_class: {
    open: { en: 'Open', ar: 'مفتوح' },
    closed: { en: 'Closed', ar: 'منجز' },
    cancelled: { en: 'Cancelled', ar: 'ملغى' },
  },
  priority: {
    low: { en: 'Low', ar: 'منخفضة' },
    normal: { en: 'Normal', ar: 'عادية' },
    high: { en: 'High', ar: 'عالية' },
    urgent: { en: 'Urgent', ar: 'عاجلة' },
  },
};

const NONE: Record<Dimension, Record<Language, string>> = {
  zone: { en: 'Unzoned', ar: 'خارج المناطق' },
  channel: { en: 'None', ar: 'لا يوجد' },
  category: { en: 'None', ar: 'لا يوجد' },
  topic: { en: 'No topic', ar: 'بدون موضوع' },
  department: { en: 'No department', ar: 'بدون إدارة' },
  advisor: { en: 'Unassigned', ar: 'غير مسند' },
  status_class: { en: 'None', ar: 'لا يوجد' },
  priority: { en: 'None', ar: 'لا يوجد' },
};

/** The code of a stored dimension value (zones and advisors are stored by id). */
export function codeOf(dim: Dimension, stored: string | number | null, ref: ReferenceIndex): string | null {
  if (stored === null) {
    return null;
  }
  if (dim === 'zone') {
    return ref.zoneById.get(Number(stored))?.code ?? String(stored);
  }
  if (dim === 'advisor') {
    return ref.advisorById.get(Number(stored))?.code ?? String(stored);
  }
  return String(stored);
}

export function nameOf(dim: Dimension, code: string | null, ref: ReferenceIndex, lang: Language): string {
  if (code === null) {
    return NONE[dim][lang];
  }
  const pick = (x: { name_en: string; name_ar: string } | undefined) =>
    x ? (lang === 'ar' ? x.name_ar : x.name_en) : code;
  switch (dim) {
    case 'zone':
      return pick(ref.zone.get(code));
    case 'channel':
      return pick(ref.channel.get(code));
    case 'category':
      return pick(ref.category.get(code));
    case 'topic':
      return pick(ref.topic.get(code));
    case 'department':
      return pick(ref.departments.find((d) => d.code === code));
    case 'advisor':
      return ref.advisor.get(code)?.name ?? code;
    case 'priority': {
      const p = ref.priorities?.find((x) => x.code === code);
      return p ? pick(p) : (FIXED.priority?.[code]?.[lang] ?? code);
    }
    default:
      return FIXED[dim]?.[code]?.[lang] ?? code;
  }
}

/** The codes a dimension accepts in filters (one list for the whole API: geo/request-filters.ts). */
export function validCodes(dim: Dimension, ref: ReferenceIndex): string[] {
  return validCodesOf(dim, ref);
}
