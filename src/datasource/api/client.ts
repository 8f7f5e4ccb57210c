// HTTP to the aggregator, only through the datasource's plugin route `aggregator` (plugin.json): Grafana's proxy
// adds `Authorization: Bearer <secureJsonData.apiToken>`, so the token never reaches the browser.
import { getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { toAggregatorError } from './errors.ts';

export const ROUTE = 'aggregator';

export class AggregatorClient {
  /** `instanceSettings.url` is Grafana's proxy URL for this datasource (`/api/datasources/proxy/uid/<uid>`). */
  constructor(private readonly proxyUrl: string) {}

  url(path: string, params?: URLSearchParams): string {
    const query = params && [...params.keys()].length ? `?${params.toString()}` : '';
    return `${this.proxyUrl}/${ROUTE}${path}${query}`;
  }

  get<T>(path: string, params?: URLSearchParams, requestId?: string): Promise<T> {
    return this.send<T>({ method: 'GET', url: this.url(path, params), requestId });
  }

  post<T>(path: string, body: unknown, requestId?: string): Promise<T> {
    return this.send<T>({ method: 'POST', url: this.url(path), data: body, requestId });
  }

  private async send<T>(options: { method: string; url: string; data?: unknown; requestId?: string }): Promise<T> {
    try {
      const response = await lastValueFrom(
        getBackendSrv().fetch<T>({
          ...options,
          headers: { Accept: 'application/json' },
          showErrorAlert: false,
          showSuccessAlert: false,
        })
      );
      return response.data;
    } catch (err) {
      throw toAggregatorError(err);
    }
  }
}
