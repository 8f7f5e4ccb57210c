// The Request journey dashboard's texts (dashboards/journey.ts), in English and Arabic.
import type { Catalogue } from '../language.ts';

const en = {
  title: 'Services 360 — Request journey',
  description:
    'One request by reference number: its status, SLA clocks and the timeline of its events. Personal data through the PII datasource only.',
  reference: 'Reference number',
  referenceAbout: 'S360- followed by the digits, or the numeric id',
  request: 'Request',
  requestAbout:
    'The request with this reference: status, stage, progress, channel, category, topic, department, zone, ' +
    "its times and SLA, and the customer (read through the personal-data datasource; every read is written to the aggregator's audit log).",
  journey: 'Journey',
  journeyAbout:
    'Every event of the request in order: when, what happened, the status before and after, the stage and ' +
    'its progress, the advisor, who recorded it and the note.',
};

export const JOURNEY_TEXTS: Catalogue<keyof typeof en> = {
  en,
  ar: {
    title: 'خدمات 360 — رحلة الطلب',
    description:
      'طلب واحد برقمه المرجعي: حالته، ومؤقتات مستوى الخدمة، ' +
      'والتسلسل الزمني لأحداثه. البيانات الشخصية عبر مصدر البيانات الشخصية فقط.',
    reference: 'الرقم المرجعي',
    referenceAbout: 'البادئة S360- تليها الأرقام، أو الرقم التعريفي',
    request: 'الطلب',
    requestAbout:
      'الطلب بهذا الرقم المرجعي: الحالة، والمرحلة، والتقدّم، ' +
      'والقناة، والفئة، والموضوع، والإدارة، والمنطقة، ' +
      'وأوقاته ومستوى خدمته، والمتعامل (يُقرأ عبر مصدر ' +
      'البيانات الشخصية؛ وتُسجَّل كل قراءة في سجل التدقيق لدى المجمِّع).',
    journey: 'الرحلة',
    journeyAbout:
      'كل أحداث الطلب بالترتيب: متى، وماذا حدث، والحالة قبلها ' +
      'وبعدها، والمرحلة وتقدّمها، والموظف، ومن سجّلها، والملاحظة.',
  },
};
