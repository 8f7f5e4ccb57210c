// The app's configuration page: is the aggregator reachable with the provisioned token, and what the app
// installs (the nested datasource and panel, and the datasources that use it).
import React, { useCallback, useEffect, useState } from 'react';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert, Button, FieldSet, Stack } from '@grafana/ui';
import type { HealthResult } from '../datasource/health/health.ts';
import { checkConnection } from './connection.ts';
import { PROVISIONED_DATASOURCE_UID, installedRows } from './included.ts';

export type AppConfigProps = PluginConfigPageProps<AppPluginMeta>;

export function AppConfig({ plugin }: AppConfigProps) {
  const [health, setHealth] = useState<HealthResult | undefined>();
  const [checking, setChecking] = useState(false);

  const check = useCallback(async () => {
    setChecking(true);
    setHealth(await checkConnection());
    setChecking(false);
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  const rows = installedRows(
    config.panels ?? {},
    Object.values(config.datasources ?? {}).map((d) => ({ name: d.name, type: d.type }))
  );

  return (
    <Stack direction="column" gap={2}>
      <FieldSet label="Aggregator">
        {health ? (
          <Alert
            severity={health.status === 'success' ? 'success' : 'error'}
            title={health.status === 'success' ? 'Connected' : 'Not connected'}
          >
            {health.message} (data source <code>{PROVISIONED_DATASOURCE_UID}</code>)
          </Alert>
        ) : (
          <p>Checking the connection…</p>
        )}
        <Button variant="secondary" icon="sync" disabled={checking} onClick={() => void check()}>
          Check again
        </Button>
      </FieldSet>
      <FieldSet label="Installed">
        <table aria-label="Installed plugins">
          <thead>
            <tr>
              <th>Plugin</th>
              <th>Type</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  {row.name} <code>{row.id}</code>
                </td>
                <td>{row.type}</td>
                <td>
                  {row.installed ? 'installed' : 'not loaded'}
                  {row.instances.length > 0 && ` — data sources: ${row.instances.join(', ')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          App version {plugin.meta.info?.version ?? 'unknown'}
          {plugin.meta.enabled === false && ' — the app is not enabled yet: enable it to show its dashboards.'}
        </p>
      </FieldSet>
    </Stack>
  );
}
