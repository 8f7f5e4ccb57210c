// Words of the request and journey frames in English and Arabic: field display names, the SLA states and the
// journey's event kinds (the aggregator names statuses, stages, zones... itself, but sends these two as codes),
// frame names and the notices. Declared once; the wording follows the aggregator's (backend/query/labels.ts).
import type { Language } from '../vocabulary.ts';

type Words = Record<Language, string>;

export const FIELD_LABELS = {
  reference: { en: 'Reference', ar: 'الرقم المرجعي' },
  status: { en: 'Status', ar: 'الحالة' },
  stage: { en: 'Stage', ar: 'المرحلة' },
  progress_pct: { en: 'Progress', ar: 'نسبة الإنجاز' },
  priority: { en: 'Priority', ar: 'الأولوية' },
  channel: { en: 'Channel', ar: 'القناة' },
  category: { en: 'Category', ar: 'الفئة' },
  topic: { en: 'Topic', ar: 'الموضوع' },
  department: { en: 'Department', ar: 'الإدارة' },
  zone: { en: 'Zone', ar: 'المنطقة' },
  advisor: { en: 'Advisor', ar: 'موظف الخدمة' },
  created_at: { en: 'Created', ar: 'تاريخ الإنشاء' },
  first_response_at: { en: 'First response', ar: 'الاستجابة الأولى' },
  resolved_at: { en: 'Resolved', ar: 'تاريخ الحل' },
  closed_at: { en: 'Closed', ar: 'تاريخ الإغلاق' },
  sla_state: { en: 'SLA state', ar: 'حالة اتفاقية مستوى الخدمة' },
  first_response_due_at: { en: 'First response due', ar: 'موعد الاستجابة الأولى' },
  resolution_due_at: { en: 'Resolution due', ar: 'موعد الحل' },
  resolution_due_source: { en: 'Resolution due set by', ar: 'جهة تحديد موعد الحل' },
  resolution_elapsed_pct: { en: 'Resolution time used', ar: 'المستهلك من مهلة الحل' },
  customer_masked: { en: 'Personal data masked', ar: 'البيانات الشخصية محجوبة' },
  customer_name: { en: 'Customer', ar: 'المتعامل' },
  customer_phone: { en: 'Phone', ar: 'الهاتف' },
  customer_email: { en: 'Email', ar: 'البريد الإلكتروني' },
  customer_national_id: { en: 'National ID', ar: 'رقم الهوية' },
  customer_language: { en: 'Customer language', ar: 'لغة المتعامل' },
  customer_home_zone: { en: 'Home zone', ar: 'منطقة السكن' },
  time: { en: 'Time', ar: 'الوقت' },
  kind: { en: 'Event', ar: 'الحدث' },
  from_status: { en: 'From', ar: 'من الحالة' },
  to_status: { en: 'To', ar: 'إلى الحالة' },
  actor: { en: 'By', ar: 'بواسطة' },
  note: { en: 'Note', ar: 'ملاحظة' },
} satisfies Record<string, Words>;

export type FieldName = keyof typeof FIELD_LABELS;

/** SLA states (backend/sla/clock.ts). */
export const SLA_STATE_LABELS: Record<string, Words> = {
  in_progress: { en: 'In progress', ar: 'قيد التنفيذ' },
  warning: { en: 'Warning', ar: 'تحذير' },
  breached: { en: 'Breached', ar: 'متجاوز' },
  met: { en: 'Met', ar: 'ملتزم به' },
  paused: { en: 'Paused', ar: 'متوقف مؤقتًا' },
  cancelled: { en: 'Cancelled', ar: 'ملغى' },
};

/** Where a request's resolution due time came from (requests.resolution_due_source, migration 0040). */
export const DUE_SOURCE_LABELS: Record<string, Words> = {
  policy: { en: 'SLA policy', ar: 'سياسة اتفاقية مستوى الخدمة' },
  source: { en: 'Source system', ar: 'النظام المصدر' },
};

/** Kinds of journey events (request_events.kind). */
export const EVENT_KIND_LABELS: Record<string, Words> = {
  received: { en: 'Received', ar: 'تم الاستلام' },
  assigned: { en: 'Assigned', ar: 'تم الإسناد' },
  first_response: { en: 'First response', ar: 'الاستجابة الأولى' },
  stage: { en: 'Stage change', ar: 'تغيير المرحلة' },
  on_hold: { en: 'On hold', ar: 'معلّق' },
  resumed: { en: 'Resumed', ar: 'استئناف' },
  resolved: { en: 'Resolved', ar: 'تم الحل' },
  closed: { en: 'Closed', ar: 'تم الإغلاق' },
  reopened: { en: 'Reopened', ar: 'أعيد فتحه' },
  cancelled: { en: 'Cancelled', ar: 'تم الإلغاء' },
  note: { en: 'Note', ar: 'ملاحظة' },
};

export const FRAME_NAMES = {
  request: { en: 'Request', ar: 'الطلب' },
  journey: { en: 'Journey', ar: 'مسار الطلب' },
} satisfies Record<string, Words>;

export const NOTICES = {
  noReference: {
    en: 'Type a reference number (S360- followed by its digits) or a request id to show a request.',
    ar: 'اكتب الرقم المرجعي (S360- متبوعًا بأرقامه) أو رقم الطلب لعرضه.',
  },
  unresolved: {
    en: 'The reference "{ref}" is a template variable this dashboard does not define: add a text box variable named "{name}" or type a reference number.',
    ar: 'الرقم المرجعي "{ref}" متغير غير معرّف في هذه اللوحة: أضف متغيرًا نصيًا باسم "{name}" أو اكتب رقمًا مرجعيًا.',
  },
} satisfies Record<string, Words>;

export const fieldLabel = (name: FieldName, language: Language): string => FIELD_LABELS[name][language];

/** A code's label in the language; an unknown code is shown as it is. */
export function codeLabel(
  table: Record<string, Words>,
  code: string | null | undefined,
  language: Language
): string | null {
  if (code === null || code === undefined) {
    return null;
  }
  return table[code]?.[language] ?? code;
}
