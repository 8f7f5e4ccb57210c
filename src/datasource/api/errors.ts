// Failures talking to the aggregator, sorted into kinds with one plain sentence each (never a stack or an object
// dump). Input: whatever getBackendSrv().fetch rejected with (a FetchError: status, data) or a thrown Error.

export type FailureKind =
  'unreachable' | 'unauthorized' | 'forbidden' | 'bad-request' | 'unavailable' | 'cancelled' | 'other';

export class AggregatorError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly status?: number
  ) {
    super(message);
    this.name = 'AggregatorError';
  }
}

type ErrorBody = { error?: unknown; message?: unknown; details?: Array<{ path?: unknown; message?: unknown }> };

/** The aggregator's `{error, details}` (or Grafana's proxy `{message}`) as one line. */
export function bodyMessage(data: unknown): string | undefined {
  if (typeof data === 'string') {
    return data.trim() && !data.trim().startsWith('<') ? data.trim().slice(0, 300) : undefined;
  }
  if (!data || typeof data !== 'object') {
    return undefined;
  }
  const body = data as ErrorBody;
  const main =
    typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : undefined;
  if (!main) {
    return undefined;
  }
  const details = Array.isArray(body.details)
    ? body.details
        .filter((d) => d && typeof d.message === 'string' && d.message !== main)
        .map((d) => (typeof d.path === 'string' && d.path ? `${d.path}: ${d.message}` : String(d.message)))
    : [];
  return details.length ? `${main} (${details.join('; ')})` : main;
}

export function toAggregatorError(err: unknown): AggregatorError {
  if (err instanceof AggregatorError) {
    return err;
  }
  const e = (err ?? {}) as {
    status?: unknown;
    statusText?: unknown;
    data?: unknown;
    message?: unknown;
    cancelled?: unknown;
  };
  // A superseded request (same requestId) is cancelled: Grafana completes it without a value (rxjs EmptyError).
  if (e.cancelled || (err instanceof Error && err.name === 'EmptyError')) {
    return new AggregatorError('the request was cancelled', 'cancelled');
  }
  const status = typeof e.status === 'number' ? e.status : undefined;
  const said = bodyMessage(e.data);

  if (status === undefined || status === 0 || status === 502 || status === 504) {
    const why = status ? `HTTP ${status}` : typeof e.message === 'string' && e.message ? e.message : 'no answer';
    return new AggregatorError(
      `Cannot reach the Services 360 aggregator (${why}). Check the aggregator URL in the data source settings and that the aggregator is running.`,
      'unreachable',
      status
    );
  }
  if (status === 401) {
    return new AggregatorError(
      `The aggregator rejected the API token${said ? `: ${said}` : ''}. Check the token in the data source settings.`,
      'unauthorized',
      status
    );
  }
  if (status === 403) {
    return new AggregatorError(
      `The API token is not allowed to do this${said ? `: ${said}` : ''}. Give the data source a token with the "read" scope.`,
      'forbidden',
      status
    );
  }
  if (status === 400 || status === 404 || status === 413) {
    return new AggregatorError(said ?? `The aggregator refused the request (HTTP ${status}).`, 'bad-request', status);
  }
  if (status === 503) {
    return new AggregatorError(
      `The aggregator cannot answer right now${said ? `: ${said}` : ''}. Retry shortly.`,
      'unavailable',
      status
    );
  }
  const statusText = typeof e.statusText === 'string' && e.statusText ? ` ${e.statusText}` : '';
  return new AggregatorError(
    `The aggregator answered HTTP ${status}${statusText}${said ? `: ${said}` : ''}.`,
    'other',
    status
  );
}
