// Wires the datasource: its class and its editors. Nothing else lives here.
import { DataSourcePlugin } from '@grafana/data';
import { S360DataSource } from './datasource.ts';
import { ConfigEditor } from './editors/ConfigEditor.tsx';
import { QueryEditor } from './editors/QueryEditor.tsx';
import type { S360Options, S360Query, S360SecureJsonData } from './types.ts';

export const plugin = new DataSourcePlugin<S360DataSource, S360Query, S360Options, S360SecureJsonData>(S360DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
