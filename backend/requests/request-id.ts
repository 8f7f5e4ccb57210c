// The {id} of GET /v1/requests/{id}: the numeric id or the reference number (S360- and at least nine
// digits, as the requests table generates it). Anything else is malformed (400). Pure.
import { ValidationError } from '../http/errors.ts';

export type RequestKey = { id: number } | { reference: string };

const NUMERIC = /^[0-9]{1,15}$/;
const REFERENCE = /^S360-[0-9]{9,15}$/;

export function parseRequestKey(raw: string): RequestKey {
  if (NUMERIC.test(raw)) return { id: Number(raw) };
  if (REFERENCE.test(raw)) return { reference: raw };
  throw new ValidationError('the request id is malformed', [
    { path: 'path.id', message: 'must be a numeric id (1–15 digits) or a reference number such as S360-000000042' },
  ]);
}
