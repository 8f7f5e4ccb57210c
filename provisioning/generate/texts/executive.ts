// The executive overview's texts (dashboards/executive.ts), in English and Arabic.
import type { Catalogue } from '../language.ts';

const en = {
  title: 'Services 360 — Executive overview',
  description: 'The city at a glance, for a wall screen: open in kiosk mode ({{url}}).',
  requestsToday: 'Requests today',
  requestsTodayAbout: 'Requests received since midnight, by hour.',
  backlog: 'Open backlog',
  backlogAbout: 'Requests open now (received and not yet closed or cancelled).',
  onTime: 'Resolved on time, 7 days',
  onTimeAbout: 'Share of requests due or finished in the last 7 days that were resolved within their SLA.',
  firstResponse: 'First response today (median)',
  firstResponseAbout: 'Median time from receipt to the first response, requests answered today.',
  progress: 'Mean progress of open requests',
  progressAbout: 'Mean progress % of the requests still open.',
  map: 'Requests today by zone',
  mapAbout: 'Each zone coloured by the requests received today; hover for names in English and Arabic.',
  channels: 'Channels today',
  channelsAbout: 'Requests received today by channel.',
  categories: 'Categories today',
  categoriesAbout: 'Requests received today by category.',
  topics: 'Top recurring topics, 7 days',
  topicsAbout: 'The topics reported most in the last 7 days, against the 7 days before.',
  stages: 'Open requests by stage',
  stagesAbout: 'Requests open now at each stage of the journey, as a share of all open requests (the count on hover).',
  alerts: 'Alerts firing',
  alertsAbout:
    'Alert rules firing or about to (pending), most important first: SLA below target, backlog, spikes, silence.',
  dueSoon: 'About to breach (due within the hour)',
  dueSoonAbout:
    'Open requests whose first response or resolution falls due within the hour, soonest first. Click a reference for its journey.',
};

export const EXECUTIVE_TEXTS: Catalogue<keyof typeof en> = {
  en,
  ar: {
    title: 'خدمات 360 — نظرة تنفيذية عامة',
    description: 'المدينة في لمحة، لشاشة العرض الجدارية: افتحها في وضع العرض الكامل ({{url}}).',
    requestsToday: 'طلبات اليوم',
    requestsTodayAbout: 'الطلبات الواردة منذ منتصف الليل، لكل ساعة.',
    backlog: 'الطلبات المفتوحة',
    backlogAbout: 'الطلبات المفتوحة الآن (الواردة ولم تُغلق أو تُلغَ بعد).',
    onTime: 'المنجز في الموعد، 7 أيام',
    onTimeAbout: 'نسبة الطلبات المستحقة أو المنتهية في الأيام السبعة الماضية التي أُنجزت ضمن مستوى الخدمة المتفق عليه.',
    firstResponse: 'أول استجابة اليوم (الوسيط)',
    firstResponseAbout: 'الوقت الوسيط من الاستلام حتى أول استجابة، للطلبات التي رُدّ عليها اليوم.',
    progress: 'متوسط تقدّم الطلبات المفتوحة',
    progressAbout: 'متوسط نسبة التقدّم للطلبات التي ما زالت مفتوحة.',
    map: 'طلبات اليوم حسب المنطقة',
    mapAbout: 'كل منطقة ملوّنة بعدد الطلبات الواردة اليوم؛ مرّر المؤشر لرؤية الاسم بالعربية والإنجليزية.',
    channels: 'القنوات اليوم',
    channelsAbout: 'الطلبات الواردة اليوم حسب القناة.',
    categories: 'الفئات اليوم',
    categoriesAbout: 'الطلبات الواردة اليوم حسب الفئة.',
    topics: 'أكثر المواضيع تكراراً، 7 أيام',
    topicsAbout: 'المواضيع الأكثر إبلاغاً في الأيام السبعة الماضية، مقارنة بالأيام السبعة التي سبقتها.',
    stages: 'الطلبات المفتوحة حسب المرحلة',
    stagesAbout:
      'الطلبات المفتوحة الآن في كل مرحلة من رحلتها، نسبةً إلى جميع الطلبات المفتوحة (العدد عند تمرير المؤشر).',
    alerts: 'التنبيهات النشطة',
    alertsAbout:
      'قواعد التنبيه النشطة أو الوشيكة (قيد الانتظار)، الأهم ' +
      'أولاً: مستوى الخدمة دون المستهدف، تراكم الطلبات، الارتفاعات المفاجئة، الانقطاع.',
    dueSoon: 'على وشك التجاوز (مستحقة خلال ساعة)',
    dueSoonAbout:
      'الطلبات المفتوحة التي تستحق أول استجابة لها أو ' +
      'إنجازها خلال الساعة، الأقرب أولاً. انقر رقماً مرجعياً لرؤية رحلته.',
  },
};
