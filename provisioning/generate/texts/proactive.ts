// The Proactive dashboard's texts (dashboards/proactive.ts), in English and Arabic.
import type { Catalogue } from '../language.ts';

const en = {
  title: 'Services 360 — Proactive',
  description:
    'Forecasts of the requests to come (MSTL + ETS, 95 % intervals), zones running above their forecast ' +
    'today, what to act on now, and where an awareness campaign or a move to digital channels pays.',
  next7: 'Next 7 days by department',
  next7About:
    'Requests expected per day by department, shaded between the bounds of the 95 % prediction interval ' +
    '(dashed: a forecast). The notices say how each level is forecast and how accurate it was.',
  tomorrowMap: 'Tomorrow: expected requests per 10,000 residents',
  tomorrowMapAbout:
    "Zones coloured by tomorrow's forecast per 10,000 residents (zones without population data are hatched). Click a zone to filter the dashboard.",
  above: 'Running above forecast now',
  aboveAbout:
    "Zones and zone × topic series whose requests so far today are above the upper bound of today's " +
    'forecast scaled to this time of day (the alert rule "Running above forecast" fires on the same figure).',
  actNow: 'Act now',
  actNowAbout:
    'What to act on, ranked: zones × topics running above forecast today, forecast to rise over the next ' +
    "7 days, and recurring hot spots of the last 30 days — with the department and the topic's " +
    'proactive action. Links: the zone on the Zones dashboard, the latest request on Request journey.',
  accuracy: 'Forecast accuracy by level',
  accuracyAbout:
    'Per level: MASE of the model against seasonal-naive (same weekday last week; below 1 beats it), the ' +
    'share of days inside the 80 % and 95 % intervals, and the method used (seasonal-naive where the model does not beat it).',
  campaignRow: 'Campaign planning',
  digitalMap: 'Digital share by zone (last 30 days)',
  digitalMapAbout:
    'Share of requests through the channels the city file marks digital (the website, apps, WhatsApp and ' +
    "the virtual assistant in Dubai's): the lighter zones are where a move to digital service pays.",
  inquiries: 'Inquiries per 10,000 residents (top 15 zones)',
  inquiriesAbout:
    "Inquiries of the last 30 days per 10,000 residents: where people ask what they could have found — against the city's rate in the next panel.",
  cityRate: 'City rate and satisfaction by channel',
  cityRateAbout:
    "The city's inquiries per 10,000 residents (last 30 days), and the mean satisfaction (1–5) of each channel.",
};

export const PROACTIVE_TEXTS: Catalogue<keyof typeof en> = {
  en,
  ar: {
    title: 'خدمات 360 — العمل الاستباقي',
    description:
      'توقعات الطلبات القادمة (نماذج موسمية وتمهيد أسّي، ' +
      'بفترات ثقة 95 %)، والمناطق التي تتجاوز توقعاتها اليوم، ' +
      'وما يجب التصرف فيه الآن، وأين تُجدي حملة توعية أو التحوّل إلى القنوات الرقمية.',
    next7: 'الأيام السبعة القادمة حسب الإدارة',
    next7About:
      'الطلبات المتوقعة لكل يوم حسب الإدارة، مظلّلة بين حدّي ' +
      'فترة التنبؤ 95 % (المتقطع: توقع). تبيّن الملاحظات كيف يُتوقع كل مستوى ومدى دقته.',
    tomorrowMap: 'الغد: الطلبات المتوقعة لكل 10,000 نسمة',
    tomorrowMapAbout:
      'المناطق ملوّنة بتوقع الغد لكل 10,000 نسمة (المناطق التي ' +
      'لا تتوفر بيانات سكانها مظلّلة بخطوط). انقر منطقة لتصفية لوحة المعلومات.',
    above: 'فوق التوقع الآن',
    aboveAbout:
      'المناطق وسلاسل المنطقة × الموضوع التي تجاوزت طلباتها ' +
      'حتى الآن اليوم الحدّ الأعلى لتوقع اليوم محسوباً لهذا ' +
      'الوقت من اليوم (قاعدة التنبيه «فوق التوقع» تعمل على الرقم نفسه).',
    actNow: 'تصرّف الآن',
    actNowAbout:
      'ما يجب التصرف فيه، مرتباً: المنطقة × الموضوع فوق توقع ' +
      'اليوم، والمتوقع ارتفاعه في الأيام السبعة القادمة، ' +
      'والنقاط الساخنة المتكررة في آخر 30 يوماً — مع ' +
      'الإدارة والإجراء الاستباقي للموضوع. الروابط: ' +
      'المنطقة في لوحة المناطق، وآخر طلب في رحلة الطلب.',
    accuracy: 'دقة التوقع حسب المستوى',
    accuracyAbout:
      'لكل مستوى: متوسط الخطأ المطلق المعياري للنموذج مقارنة ' +
      'بالتوقع الموسمي البسيط (اليوم نفسه من الأسبوع ' +
      'الماضي؛ أقل من 1 يتفوق عليه)، ونسبة الأيام داخل فترتي ' +
      '80 % و95 %، والطريقة المستخدمة (التوقع الموسمي البسيط حيث لا يتفوق النموذج عليه).',
    campaignRow: 'تخطيط الحملات',
    digitalMap: 'الحصة الرقمية حسب المنطقة (آخر 30 يوماً)',
    digitalMapAbout:
      'نسبة الطلبات عبر القنوات التي يصنّفها ملف المدينة ' +
      'رقمية (الموقع الإلكتروني والتطبيقات وواتساب ' +
      'والمساعد الافتراضي في ملف دبي): المناطق الأفتح هي ' +
      'حيث يُجدي التحوّل إلى الخدمة الرقمية.',
    inquiries: 'الاستفسارات لكل 10,000 نسمة (أعلى 15 منطقة)',
    inquiriesAbout:
      'استفسارات آخر 30 يوماً لكل 10,000 نسمة: حيث يسأل الناس عمّا ' +
      'كان يمكنهم إيجاده — مقارنة بمعدل المدينة في اللوحة التالية.',
    cityRate: 'معدل المدينة والرضا حسب القناة',
    cityRateAbout: 'استفسارات المدينة لكل 10,000 نسمة (آخر 30 يوماً)، ومتوسط الرضا (1–5) لكل قناة.',
  },
};
