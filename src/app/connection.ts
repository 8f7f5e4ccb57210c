// The status page's connection check: the provisioned datasource's own health check (the app has no route of
// its own; the datasource reaches the aggregator through its plugin route).
import { getDataSourceSrv } from '@grafana/runtime';
import type { HealthResult } from '../datasource/health/health.ts';
import { PROVISIONED_DATASOURCE_UID } from './included.ts';

export async function checkConnection(uid = PROVISIONED_DATASOURCE_UID): Promise<HealthResult> {
  let datasource;
  try {
    datasource = await getDataSourceSrv().get({ uid });
  } catch {
    return {
      status: 'error',
      message: `No data source with uid "${uid}". Provision it (provisioning/datasources/services360.yaml) or add a Services 360 requests data source.`,
    };
  }
  try {
    const result = (await datasource.testDatasource()) as { status?: string; message?: string };
    return {
      status: result.status === 'success' ? 'success' : 'error',
      message: result.message ?? 'No answer from the health check.',
    };
  } catch (err) {
    return { status: 'error', message: err instanceof Error ? err.message : 'The health check failed.' };
  }
}
