// The Categories and recurring reports dashboard's texts (dashboards/categories.ts), in English and Arabic.
import type { Catalogue } from '../language.ts';

const en = {
  title: 'Services 360 — Categories and recurring reports',
  description:
    'Requests by category, the recurring topics with their trend, and the hot spots where one topic keeps coming back.',
  byCategory: 'Requests by category',
  byCategoryAbout: 'Requests received per day, by category.',
  share: 'Share by category',
  shareAbout: 'Requests received in the period by category.',
  recurring: 'Recurring topics',
  recurringAbout: 'The 10 topics reported most in the period, with the count of the period before and the change.',
  trends: 'Topic trends',
  trendsAbout: 'Requests per day by topic.',
  hotspotsMap: 'Hot spots',
  hotspotsMapAbout:
    'Places where the same topic was reported again and again (rings sized by count), over zones coloured by requests.',
  hotspotsTable: 'Hot spots',
  hotspotsTableAbout: 'Each place where one topic recurred: zone, topic, count, first and last report.',
};

export const CATEGORIES_TEXTS: Catalogue<keyof typeof en> = {
  en,
  ar: {
    title: 'خدمات 360 — الفئات والبلاغات المتكررة',
    description: 'الطلبات حسب الفئة، والمواضيع المتكررة واتجاهها، والنقاط الساخنة التي يتكرر فيها الموضوع نفسه.',
    byCategory: 'الطلبات حسب الفئة',
    byCategoryAbout: 'الطلبات الواردة لكل يوم، حسب الفئة.',
    share: 'الحصة حسب الفئة',
    shareAbout: 'الطلبات الواردة في الفترة حسب الفئة.',
    recurring: 'المواضيع المتكررة',
    recurringAbout: 'المواضيع العشرة الأكثر إبلاغاً في الفترة، مع عددها في الفترة السابقة والتغيّر.',
    trends: 'اتجاهات المواضيع',
    trendsAbout: 'الطلبات لكل يوم حسب الموضوع.',
    hotspotsMap: 'النقاط الساخنة',
    hotspotsMapAbout: 'أماكن أُبلغ فيها عن الموضوع نفسه مرة بعد مرة (حلقات بحجم العدد)، فوق مناطق ملوّنة بالطلبات.',
    hotspotsTable: 'النقاط الساخنة',
    hotspotsTableAbout: 'كل مكان تكرر فيه موضوع واحد: المنطقة، والموضوع، والعدد، وأول بلاغ وآخره.',
  },
};
