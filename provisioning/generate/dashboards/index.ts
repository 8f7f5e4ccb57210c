// The provisioned dashboards' builders, by file name (provisioning/dashboards/<edition>/<name>.json), each building
// the dashboard in the language it is given (language.ts: the English and the Arabic editions).
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Lang } from '../language.ts';
import { categories } from './categories.ts';
import { channels } from './channels.ts';
import { executive } from './executive.ts';
import { journey } from './journey.ts';
import { proactive } from './proactive.ts';
import { sla } from './sla.ts';
import { zones } from './zones.ts';

export const DASHBOARDS: Record<string, (lang: Lang) => Dashboard> = {
  'executive-overview': executive,
  channels,
  zones,
  'categories-recurring': categories,
  'sla-advisors': sla,
  'request-journey': journey,
  proactive,
};
