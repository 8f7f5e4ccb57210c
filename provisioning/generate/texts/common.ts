// Texts every dashboard shares: the filter variables' labels, the annotation, the link to a request's journey; and
// the wall playlist's name.
import type { Catalogue } from '../language.ts';

const en = {
  language: 'Language',
  zone: 'Zone',
  channel: 'Channel',
  category: 'Category',
  department: 'Department',
  all: 'All',
  annotations: 'Incidents and SLA policy changes',
  requestJourneyLink: 'Request journey',
  wallPlaylist: 'Services 360 wall screen',
};

export const COMMON_TEXTS: Catalogue<keyof typeof en> = {
  en,
  ar: {
    language: 'اللغة',
    zone: 'المنطقة',
    channel: 'القناة',
    category: 'الفئة',
    department: 'الإدارة',
    all: 'الكل',
    annotations: 'الحوادث وتغييرات سياسات مستوى الخدمة',
    requestJourneyLink: 'رحلة الطلب',
    wallPlaylist: 'خدمات 360 — الشاشة الجدارية',
  },
};
