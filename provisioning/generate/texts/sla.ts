// The SLA and advisors dashboard's texts (dashboards/sla.ts), in English and Arabic.
import type { Catalogue } from '../language.ts';

const en = {
  title: 'Services 360 — SLA and advisors',
  description:
    'On-time resolution and first response by department, SLA warnings and breaches, open backlog, and advisors’ response speed.',
  onTime: 'Resolved on time by department',
  onTimeAbout:
    'Share of the requests due or finished in the period that were resolved within their SLA. Target: {{target}} % (alert rule "On time below target").',
  onTimeDaily: 'On time by department, per day',
  onTimeDailyAbout: 'Resolved on time (%) of the requests due or finished each day.',
  warnings: 'SLA warnings and breaches',
  warningsAbout: 'Requests that reached the warning threshold of their SLA, and those that breached it, per hour.',
  backlog: 'Open backlog by department',
  backlogAbout: 'Requests open now, per department (alert rule "Backlog over bound": 2,000).',
  advisors: 'Advisors’ response speed',
  advisorsAbout:
    'Per advisor over the period: requests received, first response on time, median and 90th percentile of the time to first response.',
  firstResponse: 'First response on time by department',
  firstResponseAbout: 'Share of the requests answered within the first-response target.',
  breachesTable: 'Warnings and breaches by department',
  breachesTableAbout:
    'Per department over the period: requests that reached the SLA warning threshold, and those that breached.',
};

export const SLA_TEXTS: Catalogue<keyof typeof en> = {
  en,
  ar: {
    title: 'خدمات 360 — مستوى الخدمة والموظفون',
    description:
      'الإنجاز في الموعد وأول استجابة حسب الإدارة، وتحذيرات ' +
      'مستوى الخدمة وتجاوزاته، والطلبات المفتوحة، وسرعة استجابة الموظفين.',
    onTime: 'المنجز في الموعد حسب الإدارة',
    onTimeAbout:
      'نسبة الطلبات المستحقة أو المنتهية في الفترة التي ' +
      'أُنجزت ضمن مستوى الخدمة المتفق عليه. المستهدف: {{target}} % ' +
      '(قاعدة التنبيه «الإنجاز في الموعد دون المستهدف»).',
    onTimeDaily: 'الإنجاز في الموعد حسب الإدارة، لكل يوم',
    onTimeDailyAbout: 'نسبة المنجز في الموعد (%) من الطلبات المستحقة أو المنتهية كل يوم.',
    warnings: 'تحذيرات مستوى الخدمة وتجاوزاته',
    warningsAbout: 'الطلبات التي بلغت حدّ التحذير في مستوى خدمتها، وتلك التي تجاوزته، لكل ساعة.',
    backlog: 'الطلبات المفتوحة حسب الإدارة',
    backlogAbout: 'الطلبات المفتوحة الآن، لكل إدارة (قاعدة التنبيه «تراكم الطلبات فوق الحد»: 2,000).',
    advisors: 'سرعة استجابة الموظفين',
    advisorsAbout:
      'لكل موظف خلال الفترة: الطلبات الواردة، وأول استجابة في الموعد، والوسيط والمئين التسعون لوقت أول استجابة.',
    firstResponse: 'أول استجابة في الموعد حسب الإدارة',
    firstResponseAbout: 'نسبة الطلبات التي رُدّ عليها ضمن مستهدف أول استجابة.',
    breachesTable: 'التحذيرات والتجاوزات حسب الإدارة',
    breachesTableAbout: 'لكل إدارة خلال الفترة: الطلبات التي بلغت حدّ التحذير في مستوى الخدمة، وتلك التي تجاوزته.',
  },
};
