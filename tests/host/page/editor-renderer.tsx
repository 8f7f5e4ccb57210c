// Renders a datasource's QueryEditor and ConfigEditor, and an app's config pages, with the props Grafana gives
// them; records every onChange so a test can see what a click did to the query.
import { useState } from 'react';

import { CoreApp, type DataQuery, type DataSourceApi, type DataSourceSettings, type TimeRange } from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';

import type { EditorView } from '../api';

import { importAppPlugin } from './plugin-importer';

export function QueryEditorHost({
  ds,
  initial,
  range,
  view,
}: {
  ds: DataSourceApi;
  initial: DataQuery;
  range: TimeRange;
  view: EditorView;
}) {
  const [query, setQuery] = useState<DataQuery>(initial);
  const Editor = ds.components?.QueryEditor;
  if (!Editor) {
    return <div>{ds.type} has no QueryEditor</div>;
  }
  return (
    <Editor
      datasource={ds}
      query={query}
      queries={[query]}
      range={range}
      app={CoreApp.Dashboard}
      onChange={(q: DataQuery) => {
        view.current = JSON.parse(JSON.stringify(q));
        view.changes.push(view.current);
        setQuery(q);
      }}
      onRunQuery={() => {
        view.runs++;
      }}
    />
  );
}

export async function fetchDataSourceSettings(uid: string): Promise<DataSourceSettings> {
  return getBackendSrv().get(`/api/datasources/uid/${uid}`);
}

export function ConfigEditorHost({
  ds,
  initial,
  view,
}: {
  ds: DataSourceApi;
  initial: DataSourceSettings;
  view: EditorView;
}) {
  const [options, setOptions] = useState<DataSourceSettings>(initial);
  const Editor = ds.components?.ConfigEditor;
  if (!Editor) {
    return <div>{ds.type} has no ConfigEditor</div>;
  }
  return (
    <Editor
      options={options}
      onOptionsChange={(o: DataSourceSettings) => {
        view.current = JSON.parse(JSON.stringify(o));
        view.changes.push(view.current);
        setOptions(o);
      }}
    />
  );
}

export async function appConfigElement(id: string, pageIndex: number) {
  const meta = await getBackendSrv().get(`/api/plugins/${id}/settings`);
  const plugin = await importAppPlugin(meta);
  const page = plugin.configPages?.[pageIndex];
  if (!page) {
    throw new Error(`${id} has no config page ${pageIndex} (it has ${plugin.configPages?.length ?? 0})`);
  }
  const Body = page.body;
  return <Body plugin={plugin} query={{}} />;
}
