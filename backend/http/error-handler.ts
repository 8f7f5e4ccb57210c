// The last middleware: turns any error into `{error, details:[{path, message}]}` with the right status.
import type { ErrorRequestHandler, Response } from 'express';
import { HttpError, isDatabaseUnavailable, type ErrorDetail } from './errors.ts';

export type ErrorBody = { error: string; details: ErrorDetail[] };
export type ErrorWriter = (res: Response, status: number, body: ErrorBody) => void;

const writeJson: ErrorWriter = (res, status, body) => {
  res.status(status).json(body);
};

/** Maps an error to a status and a plain body; unknown errors are logged and answered as 500 without detail. */
export function toHttpError(err: unknown, retryAfterSeconds: number): HttpError {
  if (err instanceof HttpError) {
    return err;
  }
  const e = err as { type?: string; status?: number; limit?: number; message?: string };
  if (e?.type === 'entity.too.large') {
    return new HttpError(413, `the body is larger than the limit of ${e.limit} bytes`, [
      { path: 'body', message: 'too large' },
    ]);
  }
  if (e?.type === 'entity.parse.failed') {
    return new HttpError(400, 'the body is not valid JSON', [{ path: 'body', message: 'invalid JSON' }]);
  }
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new HttpError(415, 'unsupported body encoding', [{ path: 'header.content-type', message: e.message ?? '' }]);
  }
  if (isDatabaseUnavailable(err)) {
    return new HttpError(503, 'the database is unavailable; retry shortly', [], {
      'Retry-After': String(retryAfterSeconds),
    });
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new HttpError(e.status, 'bad request', [{ path: 'body', message: 'could not be read' }]);
  }
  return new HttpError(500, 'internal error');
}

export function errorHandler(
  retryAfterSeconds: number,
  write: ErrorWriter = writeJson,
  log: (err: unknown) => void = (err) => console.error(err)
): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const httpError = toHttpError(err, retryAfterSeconds);
    if (httpError.status >= 500 && httpError.status !== 503) {
      log(err);
    }
    for (const [k, v] of Object.entries(httpError.headers)) {
      res.setHeader(k, v);
    }
    write(res, httpError.status, { error: httpError.message, details: httpError.details });
  };
}
