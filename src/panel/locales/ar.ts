// The panel's Arabic catalogue (i18next format; Arabic has six plural forms: zero, one, two, few, many, other).
import type { en } from './en.ts';

export const ar: Partial<Record<keyof typeof en | `${string}_${'zero' | 'two' | 'few' | 'many'}`, string>> = {
  'zonemap.no-data': 'لا توجد بيانات',
  'zonemap.loading-zones': 'جارٍ تحميل المناطق…',
  'zonemap.whole-city': 'المدينة كلها',
  'zonemap.close': 'إغلاق',
  'zonemap.population': 'السكان',
  'zonemap.unknown': 'غير معروف',
  'zonemap.requests_zero': 'لا طلبات',
  'zonemap.requests_one': 'طلب واحد',
  'zonemap.requests_two': 'طلبان',
  'zonemap.requests_few': '{{count}} طلبات',
  'zonemap.requests_many': '{{count}} طلبًا',
  'zonemap.requests_other': '{{count}} طلب',
  'zonemap.request': 'طلب',
  'zonemap.mostly': 'غالبًا',
  'zonemap.each-request': 'كل طلب',
  'zonemap.shorter-range': 'يظهر لفترة زمنية أقصر',
  'zonemap.under-pointer': 'تحت المؤشر',
  'zonemap.hotspot': 'نقطة ساخنة: {{topic}}',
  'zonemap.recurring-topic': 'موضوع متكرر',
  'zonemap.reports': 'البلاغات',
  'zonemap.zone': 'المنطقة',
  'zonemap.between': 'بين',
  'zonemap.between-dates': '{{from}} و{{to}}',
  'zonemap.self-filter': 'استعلام هذه الخريطة يصفّي على ${{variable}}، وهو المتغير الذي تضبطه النقرة: أزل هذا التصفية لتبقى المدينة كلها ظاهرة',
};
