// getBackendSrv() for plugins: fetch() with Grafana's request and response shapes
// (public/app/core/services/backend_srv.ts and public/app/core/utils/fetch.ts).
import { lastValueFrom, Observable, Subject } from 'rxjs';
import { filter, map, takeUntil, throwIfEmpty } from 'rxjs/operators';

import { DataQueryErrorType } from '@grafana/data';
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';

const CANCEL_ALL = 'cancel_all_requests_request_id';

export type RequestLogEntry = {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  body?: string;
};

export class HostBackendSrv implements BackendSrv {
  private inFlight = new Subject<string>();
  /** Every request made through this service (method, url, status, the headers sent): tests read it. */
  readonly log: RequestLogEntry[] = [];

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    if (options.requestId) {
      this.inFlight.next(options.requestId);
    }
    const opts = parseRequestOptions({ ...options });
    const url = urlFromOptions(opts);
    const init = initFromOptions(opts);
    const entry: RequestLogEntry = {
      method: init.method ?? 'GET',
      url,
      status: 0,
      headers: Object.fromEntries((init.headers as Headers).entries()),
    };
    if (typeof init.body === 'string') {
      entry.body = init.body.slice(0, 100_000);
    }
    this.log.push(entry);

    const stream = new Observable<FetchResponse<T>>((observer) => {
      const abort = new AbortController();
      opts.abortSignal?.addEventListener('abort', () => abort.abort());
      fetch(url, { ...init, signal: abort.signal })
        .then(async (res) => {
          entry.status = res.status;
          const isJson = res.headers.get('content-type')?.toLowerCase() === 'application/json';
          const data = await parseResponseBody<T>(res, opts.responseType ?? (isJson ? 'json' : undefined));
          const response: FetchResponse<T> = {
            status: res.status,
            statusText: res.statusText,
            ok: res.ok,
            data,
            headers: res.headers,
            url: res.url,
            type: res.type,
            redirected: res.redirected,
            config: opts,
          };
          if (!res.ok) {
            const err: FetchError = { status: res.status, statusText: res.statusText, data, config: opts };
            observer.error(processRequestError(err));
            return;
          }
          observer.next(response);
          observer.complete();
        })
        .catch((e: unknown) => {
          if (abort.signal.aborted) {
            return;
          }
          // A network failure: Grafana passes the raw error through processRequestError.
          const err = e as FetchError & { message?: string };
          observer.error(
            processRequestError({ ...err, message: err.message, status: err.status ?? 0, data: err.data, config: opts })
          );
        });
      return () => abort.abort();
    });

    return stream.pipe(
      takeUntil(this.inFlight.pipe(filter((id) => id === CANCEL_ALL || (!!opts.requestId && id === opts.requestId)))),
      throwIfEmpty(() => ({
        type: DataQueryErrorType.Cancelled,
        cancelled: true,
        data: null,
        status: -1,
        statusText: 'Request was aborted',
        config: opts,
      }))
    );
  }

  chunked(options: BackendSrvRequest): Observable<FetchResponse<Uint8Array | undefined>> {
    return this.fetch<ArrayBuffer>({ ...options, responseType: 'arraybuffer' }).pipe(
      map((r) => ({ ...r, data: r.data ? new Uint8Array(r.data) : undefined }))
    );
  }

  async request<T = any>(options: BackendSrvRequest): Promise<T> {
    return lastValueFrom(this.fetch<T>(options).pipe(map((r) => r.data)));
  }
  async datasourceRequest<T = any>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }
  get<T = any>(
    url: string,
    params?: BackendSrvRequest['params'],
    requestId?: string,
    options?: Partial<BackendSrvRequest>
  ) {
    return this.request<T>({ ...options, method: 'GET', url, params, requestId });
  }
  delete<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'DELETE', url, data });
  }
  post<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'POST', url, data });
  }
  patch<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'PATCH', url, data });
  }
  put<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'PUT', url, data });
  }
  resolveCancelerIfExists(requestId: string) {
    this.inFlight.next(requestId);
  }
  cancelAllInFlightRequests() {
    this.inFlight.next(CANCEL_ALL);
  }
}

const isLocalUrl = (url: string) => !/^https?:\/\//i.test(url);

function parseRequestOptions(options: BackendSrvRequest): BackendSrvRequest {
  options.retry = options.retry ?? 0;
  if (isLocalUrl(options.url)) {
    options.headers = { ...options.headers, 'X-Grafana-Org-Id': 1 };
    if (options.url.startsWith('/')) {
      options.url = options.url.substring(1);
    }
    if (options.headers.Authorization) {
      options.headers['X-DS-Authorization'] = options.headers.Authorization;
      delete options.headers.Authorization;
    }
  }
  return options;
}

function serializeParams(data: Record<string, any>): string {
  return Object.keys(data)
    .map((key) => {
      const value = data[key];
      if (Array.isArray(value)) {
        return value.map((v) => `${encodeURIComponent(key)}=${encodeURIComponent(v)}`).join('&');
      }
      return `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
    })
    .join('&');
}

function urlFromOptions(options: BackendSrvRequest): string {
  const clean = Object.fromEntries(
    Object.entries(options.params ?? {}).filter(([, v]) => !(v === undefined || (v && v.length === 0)))
  );
  const query = serializeParams(clean);
  return options.params && query.length ? `${options.url}?${query}` : options.url;
}

function initFromOptions(options: BackendSrvRequest): RequestInit {
  const headers = new Headers(options.headers ?? {});
  const method = options.method;
  if (['post', 'put', 'patch'].includes((method ?? '').toLowerCase()) && !headers.get('content-type')) {
    headers.set('content-type', 'application/json');
  }
  if (!headers.get('accept')) {
    headers.set('accept', 'application/json, text/plain, */*');
  }
  const isAppJson = headers.get('content-type')?.toLowerCase() === 'application/json';
  let body: BodyInit | undefined;
  if (options.data && typeof options.data !== 'string') {
    body = isAppJson ? JSON.stringify(options.data) : new URLSearchParams(options.data);
  } else {
    body = options.data;
  }
  const credentials: RequestCredentials = options.credentials ?? (options.withCredentials ? 'include' : 'same-origin');
  return { method, headers, body, credentials };
}

async function parseResponseBody<T>(response: Response, responseType?: BackendSrvRequest['responseType']): Promise<T> {
  switch (responseType) {
    case 'arraybuffer':
      return (await response.arrayBuffer()) as T;
    case 'blob':
      return (await response.blob()) as T;
    case 'text':
      return (await response.text()) as T;
    case 'json':
      if (response.headers.get('Content-Length') === '0') {
        return {} as T;
      }
      return (await response.json()) as T;
  }
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text as T;
  }
}

/** Grafana's processRequestError: `data` always becomes an object with a `message`. */
function processRequestError(err: FetchError): FetchError {
  err.data = err.data ?? { message: 'Unexpected error' };
  if (typeof err.data === 'string') {
    err.data = { message: err.data, error: err.statusText, response: err.data };
  }
  if (err.data && !err.data.message && typeof err.data.error === 'string') {
    err.data.message = err.data.error;
  }
  return err;
}
