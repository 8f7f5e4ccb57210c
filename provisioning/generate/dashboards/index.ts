// The provisioned dashboards, by file name (provisioning/dashboards/services360/<name>.json).
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { categories } from './categories.ts';
import { channels } from './channels.ts';
import { executive } from './executive.ts';
import { journey } from './journey.ts';
import { proactive } from './proactive.ts';
import { sla } from './sla.ts';
import { zones } from './zones.ts';

export const DASHBOARDS: Record<string, () => Dashboard> = {
  'executive-overview': executive,
  channels,
  zones,
  'categories-recurring': categories,
  'sla-advisors': sla,
  'request-journey': journey,
  proactive,
};
