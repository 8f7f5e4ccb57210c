// Grafana's alert list panel (`alertlist`, the unified alerting list) as a Foundation SDK builder. The SDK has no
// builder for it and @grafana/schema no type: its options are typed here after Grafana 13.2's
// public/app/plugins/panel/alertlist/types.ts (UnifiedAlertListOptions).
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

export interface AlertListOptions {
  viewMode: 'list' | 'stat';
  groupMode: 'default' | 'custom';
  groupBy: string[];
  maxItems: number;
  sortOrder: 1 | 2 | 3 | 4 | 5; // alphabetical asc, desc, importance, time asc, time desc
  dashboardAlerts: boolean;
  alertName: string;
  alertInstanceLabelFilter: string;
  datasource: string;
  folder?: { uid: string; title: string };
  stateFilter: {
    firing: boolean;
    pending: boolean;
    noData: boolean;
    normal: boolean;
    error: boolean;
    recovering?: boolean;
  };
  showInstances: boolean;
}

/** Firing first (by importance), then pending; nothing of the healthy ones. */
export const FIRING_AND_PENDING: AlertListOptions = {
  viewMode: 'list',
  groupMode: 'default',
  groupBy: [],
  maxItems: 10,
  sortOrder: 3,
  dashboardAlerts: false,
  alertName: '',
  alertInstanceLabelFilter: '',
  datasource: 'grafana',
  stateFilter: { firing: true, pending: true, noData: false, normal: false, error: true, recovering: false },
  showInstances: true,
};

export class AlertListPanelBuilder extends PanelBuilder {
  constructor(options: AlertListOptions = FIRING_AND_PENDING) {
    super();
    this.internal.type = 'alertlist';
    this.internal.options = { ...options };
  }

  alertOptions(options: Partial<AlertListOptions>): this {
    this.internal.options = { ...(this.internal.options as AlertListOptions), ...options };
    return this;
  }
}
