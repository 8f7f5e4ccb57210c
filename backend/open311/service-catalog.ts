// Our topics as Open311 services: service_code = topic code, group = the department that owns it.
// Every service has the same definition: a `category` list (what kind of contact; `report` when not
// given) and an optional `external_id` (the client's own id, which makes resubmission idempotent).
import type { ReferenceIndex, Topic } from '../domain/reference.ts';
import { itemName, nameIn, type Lang } from './lang.ts';

export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
};

export type Open311Attribute = {
  variable: boolean;
  code: string;
  datatype: 'string' | 'singlevaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: Array<{ key: string; name: string }>;
};

export type Open311ServiceDefinition = { service_code: string; attributes: Open311Attribute[] };

export const DEFAULT_CATEGORY = 'report';
export const ATTRIBUTE_CODES = ['category', 'external_id'] as const;
export type AttributeCode = (typeof ATTRIBUTE_CODES)[number];

const TEXT = {
  handledBy: {
    en: (topic: string, dept: string) => `${topic}: handled by ${dept}.`,
    ar: (topic: string, dept: string) => `${topic}: الجهة المختصة ${dept}.`,
  },
  category: {
    en: 'What kind of contact is this? A report when not given.',
    ar: 'ما نوع هذا التواصل؟ بلاغ إن لم يُحدَّد.',
  },
  externalId: {
    en: 'Your own unique id for this request. Sending the same id again returns the original request instead of creating a second one.',
    ar: 'معرّفك الفريد لهذا الطلب. إرسال المعرّف نفسه مرة أخرى يعيد الطلب الأصلي بدلاً من إنشاء طلب جديد.',
  },
  externalIdType: { en: 'Up to 200 characters.', ar: 'حتى 200 حرف.' },
} as const;

function keywords(topic: Topic, department: string, name: string): string {
  const fromCode = topic.code.split('.').map((part) => part.replace(/_/g, ' '));
  return [...new Set([name, department, ...fromCode])].join(', ');
}

function toService(topic: Topic, ref: ReferenceIndex, lang: Lang): Open311Service {
  const department =
    nameIn(
      ref.departments.find((d) => d.code === topic.department_code),
      lang
    ) ?? topic.department_code;
  const name = itemName(topic, lang);
  return {
    service_code: topic.code,
    service_name: name,
    description: TEXT.handledBy[lang](name, department),
    metadata: true,
    type: 'realtime',
    keywords: keywords(topic, department, name),
    group: department,
  };
}

/** The services a resident may request now: retired topics (backend/city) are left out. */
export function serviceList(ref: ReferenceIndex, lang: Lang): Open311Service[] {
  return ref.topics.filter((t) => !t.retired).map((t) => toService(t, ref, lang));
}

/** The definition of one service, or null when the code is not one of ours. */
export function serviceDefinition(ref: ReferenceIndex, code: string, lang: Lang): Open311ServiceDefinition | null {
  if (!ref.topic.has(code)) {
    return null;
  }
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'category',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: null,
        order: 1,
        description: TEXT.category[lang],
        values: ref.categories.map((c) => ({ key: c.code, name: itemName(c, lang) })),
      },
      {
        variable: true,
        code: 'external_id',
        datatype: 'string',
        required: false,
        datatype_description: TEXT.externalIdType[lang],
        order: 2,
        description: TEXT.externalId[lang],
      },
    ],
  };
}
