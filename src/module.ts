// Wires the app: its configuration page. The datasource and the panel are nested plugins with their own modules.
import { AppPlugin } from '@grafana/data';
import { AppConfig } from './app/AppConfig.tsx';

export const plugin = new AppPlugin<{}>().addConfigPage({
  title: 'Status',
  icon: 'heart-rate',
  id: 'status',
  body: AppConfig,
});
