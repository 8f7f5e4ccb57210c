// Names other provisioning files and the tests refer to: datasource uids, dashboard uids, and the panels the
// alert rules link to (provisioning/alerting/rules.yaml carries the same numbers; the provisioning test checks).
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';

export const S360: DataSourceRef = { type: 'services360-requests-datasource', uid: 'services360-requests' };
/** The same aggregator with a token of scopes read + pii: the only way to personal data. */
export const S360_PII: DataSourceRef = { type: 'services360-requests-datasource', uid: 'services360-requests-pii' };
export const ZONEMAP_PANEL = 'services360-zonemap-panel';

export const DASHBOARD_UIDS = {
  executive: 's360-executive',
  channels: 's360-channels',
  zones: 's360-zones',
  categories: 's360-categories',
  sla: 's360-sla',
  journey: 's360-journey',
  proactive: 's360-proactive',
} as const;

/** Panels an alert rule links to (`__dashboardUid__` / `__panelId__`). */
export const ALERT_PANELS = {
  onTimeByDepartment: { dashboardUid: DASHBOARD_UIDS.sla, panelId: 1 },
  backlogByDepartment: { dashboardUid: DASHBOARD_UIDS.sla, panelId: 4 },
  zoneSpikes: { dashboardUid: DASHBOARD_UIDS.zones, panelId: 1 },
  ingestion: { dashboardUid: DASHBOARD_UIDS.channels, panelId: 1 },
  runningAboveForecast: { dashboardUid: DASHBOARD_UIDS.proactive, panelId: 3 },
} as const;
