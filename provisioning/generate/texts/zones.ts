// The Zones dashboard's texts (dashboards/zones.ts), in English and Arabic.
import type { Catalogue } from '../language.ts';

const en = {
  title: 'Services 360 — Zones',
  description:
    'Requests by zone: the last 24 hours on the map, per 10,000 residents, and the open backlog. Click a zone to filter the dashboard.',
  last24h: 'Requests in the last 24 hours',
  last24hAbout:
    'Zones coloured by the requests of the last 24 hours, the requests as points when zoomed in. Click a zone to filter the dashboard.',
  perCapitaMap: 'Requests per 10,000 residents',
  perCapitaMapAbout:
    'Requests in the period divided by the zone population (zones without population data are hatched).',
  perCapitaTable: 'Zones per 10,000 residents',
  perCapitaTableAbout: 'Per zone over the period: requests, requests per 10,000 residents, requests open now.',
  backlog: 'Open backlog by zone (top 15)',
  backlogAbout: 'Requests open now, the 15 zones with the most.',
  selected: 'Requests in the selected zones',
  selectedAbout: 'Requests received per hour in the zones chosen above (all zones when All).',
};

export const ZONES_TEXTS: Catalogue<keyof typeof en> = {
  en,
  ar: {
    title: 'خدمات 360 — المناطق',
    description:
      'الطلبات حسب المنطقة: آخر 24 ساعة على الخريطة، ولكل 10,000 ' +
      'نسمة، والطلبات المفتوحة. انقر منطقة لتصفية لوحة المعلومات.',
    last24h: 'الطلبات في آخر 24 ساعة',
    last24hAbout: 'المناطق ملوّنة بطلبات آخر 24 ساعة، والطلبات نقاطاً عند التكبير. انقر منطقة لتصفية لوحة المعلومات.',
    perCapitaMap: 'الطلبات لكل 10,000 نسمة',
    perCapitaMapAbout: 'طلبات الفترة مقسومة على عدد سكان المنطقة (المناطق التي لا تتوفر بيانات سكانها مظلّلة بخطوط).',
    perCapitaTable: 'المناطق لكل 10,000 نسمة',
    perCapitaTableAbout: 'لكل منطقة خلال الفترة: الطلبات، والطلبات لكل 10,000 نسمة، والطلبات المفتوحة الآن.',
    backlog: 'الطلبات المفتوحة حسب المنطقة (أعلى 15)',
    backlogAbout: 'الطلبات المفتوحة الآن، في المناطق الخمس عشرة الأكثر.',
    selected: 'الطلبات في المناطق المختارة',
    selectedAbout: 'الطلبات الواردة لكل ساعة في المناطق المختارة أعلاه (جميع المناطق عند اختيار الكل).',
  },
};
