// The Channels dashboard's texts (dashboards/channels.ts), in English and Arabic.
import type { Catalogue } from '../language.ts';

const en = {
  title: 'Services 360 — Channels',
  description: 'Requests by channel: volume, share, first response, on-time resolution and satisfaction.',
  byChannel: 'Requests by channel',
  byChannelAbout:
    'Requests received per hour, one line per channel. A flat zero on every channel means nothing is being ingested.',
  share: 'Share by channel',
  shareAbout: 'Requests received in the period by channel.',
  glance: 'Channels at a glance',
  glanceAbout:
    'Per channel over the period: requests, resolved on time, median first response, mean satisfaction (1–5).',
  firstResponse: 'First response by channel (median)',
  firstResponseAbout: 'Median time from receipt to the first response.',
  satisfaction: 'Satisfaction by channel',
  satisfactionAbout: 'Mean satisfaction score (1–5) of the requests closed each day.',
  backlog: 'Open backlog by channel',
  backlogAbout: 'Requests open at the end of each hour, by the channel they came in on.',
};

export const CHANNELS_TEXTS: Catalogue<keyof typeof en> = {
  en,
  ar: {
    title: 'خدمات 360 — القنوات',
    description: 'الطلبات حسب القناة: الحجم، والحصة، وأول استجابة، والإنجاز في الموعد، والرضا.',
    byChannel: 'الطلبات حسب القناة',
    byChannelAbout: 'الطلبات الواردة لكل ساعة، خط لكل قناة. الصفر الثابت في كل القنوات يعني أن لا شيء يُستقبل.',
    share: 'الحصة حسب القناة',
    shareAbout: 'الطلبات الواردة في الفترة حسب القناة.',
    glance: 'القنوات في لمحة',
    glanceAbout: 'لكل قناة خلال الفترة: الطلبات، والمنجز في الموعد، والوقت الوسيط لأول استجابة، ومتوسط الرضا (1–5).',
    firstResponse: 'أول استجابة حسب القناة (الوسيط)',
    firstResponseAbout: 'الوقت الوسيط من الاستلام حتى أول استجابة.',
    satisfaction: 'الرضا حسب القناة',
    satisfactionAbout: 'متوسط درجة الرضا (1–5) للطلبات المغلقة كل يوم.',
    backlog: 'الطلبات المفتوحة حسب القناة',
    backlogAbout: 'الطلبات المفتوحة في نهاية كل ساعة، حسب القناة التي وردت منها.',
  },
};
