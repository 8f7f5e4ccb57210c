// The {id} of GET /v1/requests/{id}: the numeric id or the reference number (S360- and at least nine
// digits, as the requests table generates it); or, for GET /v1/requests?source=…&external_id=…, the source
// system's own id (as ingestion accepts them). Anything else is malformed (400). Pure.
import { ValidationError, type ErrorDetail } from '../http/errors.ts';

export type RequestKey = { id: number } | { reference: string } | { source: string; external_id: string };

const SOURCE = /^[A-Za-z0-9._:-]{1,100}$/;

/** The source's own id (both required; the rules of POST /v1/requests); every problem named. */
export function parseSourceKey(source: string | undefined, externalId: string | undefined): RequestKey {
  const problems: ErrorDetail[] = [];
  if (source === undefined) {
    problems.push({ path: 'query.source', message: 'is required (with external_id)' });
  } else if (!SOURCE.test(source)) {
    problems.push({ path: 'query.source', message: 'must be 1–100 letters, digits or ._:-' });
  }
  const id = externalId?.trim();
  if (id === undefined) {
    problems.push({ path: 'query.external_id', message: 'is required (with source)' });
  } else if (id === '' || id.length > 200) {
    problems.push({ path: 'query.external_id', message: 'must be 1–200 characters' });
  }
  if (problems.length || source === undefined || id === undefined) {
    throw new ValidationError("the request's source and external_id are needed", problems);
  }
  return { source, external_id: id };
}

const NUMERIC = /^[0-9]{1,15}$/;
const REFERENCE = /^S360-[0-9]{9,15}$/;

export function parseRequestKey(raw: string): RequestKey {
  if (NUMERIC.test(raw)) {
    return { id: Number(raw) };
  }
  if (REFERENCE.test(raw)) {
    return { reference: raw };
  }
  throw new ValidationError('the request id is malformed', [
    { path: 'path.id', message: 'must be a numeric id (1–15 digits) or a reference number such as S360-000000042' },
  ]);
}
