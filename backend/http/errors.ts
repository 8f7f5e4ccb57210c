// Typed errors inside; plain messages outside. A client sees what it did wrong and where, never a
// stack, SQL or a database message.

export type ErrorDetail = { path: string; message: string };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
  }
}

export class ValidationError extends HttpError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super(400, message, details);
  }
}
export class UnauthenticatedError extends HttpError {
  constructor(message = 'a valid bearer token is required') {
    super(401, message, [{ path: 'header.authorization', message }], { 'WWW-Authenticate': 'Bearer' });
  }
}
export class ForbiddenError extends HttpError {
  constructor(scope: string) {
    super(403, `this token lacks the "${scope}" scope`, [
      { path: 'header.authorization', message: `scope "${scope}" required` },
    ]);
  }
}
export class NotFoundError extends HttpError {
  constructor(what: string, path = 'path') {
    super(404, `${what} not found`, [{ path, message: `${what} not found` }]);
  }
}
export class ConflictError extends HttpError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super(409, message, details);
  }
}
export class DatabaseUnavailableError extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(503, 'the database is unavailable; retry shortly', [], { 'Retry-After': String(retryAfterSeconds) });
  }
}

/** True when err means "the database cannot be reached right now" (backend/db/unavailable.ts). */
export { isDatabaseUnavailable } from '../db/unavailable.ts';
