// The GET requests query string: either a list of service_request_id (which overrides every other
// argument, as the spec says) or a time window with filters and our page/page_size extension.
import type { ReferenceIndex } from '../domain/reference.ts';
import { ValidationError, type ErrorDetail } from '../http/errors.ts';
import { parseW3 } from './datetime.ts';
import { OPEN311_STATUSES, statusClassesFor, type Open311Status, type StatusClass } from './status-map.ts';

export type RequestQuery =
  | { kind: 'ids'; references: string[] }
  | {
      kind: 'window';
      /** Bounds on requested_datetime, both inclusive, as timestamptz text ('infinity' when open-ended). */
      start: string;
      end: string;
      serviceCodes: string[] | null;
      statusClasses: StatusClass[] | null;
      page: number;
      pageSize: number;
    };

export type QueryLimits = { windowDays: number; maxResults: number; now: Date };

const DAY_MS = 86_400_000;
const MAX_PAGE = 1_000_000;

type Query = Record<string, unknown>;

/** A comma list that may also be repeated (`status=open&status=closed`); empty items dropped. */
function list(query: Query, name: string): string[] | null {
  const raw = query[name];
  if (raw === undefined || raw === null) {
    return null;
  }
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length ? [...new Set(parts)] : null;
}

function single(query: Query, name: string, problems: ErrorDetail[]): string | undefined {
  const v = query[name];
  if (v === undefined || v === null || v === '') {
    return undefined;
  }
  if (typeof v !== 'string') {
    problems.push({ path: name, message: 'must be given once' });
    return undefined;
  }
  return v;
}

function positiveInt(query: Query, name: string, max: number, problems: ErrorDetail[]): number | undefined {
  const v = single(query, name, problems);
  if (v === undefined) {
    return undefined;
  }
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1 || Number(v) > max) {
    problems.push({ path: name, message: `must be a whole number from 1 to ${max}` });
    return undefined;
  }
  return Number(v);
}

export function readRequestQuery(query: Query, ref: ReferenceIndex, limits: QueryLimits): RequestQuery {
  const problems: ErrorDetail[] = [];
  const ids = list(query, 'service_request_id');
  if (ids) {
    if (ids.length > limits.maxResults) {
      throw new ValidationError('the query is invalid', [
        { path: 'service_request_id', message: `at most ${limits.maxResults} ids at once` },
      ]);
    }
    return { kind: 'ids', references: ids };
  }

  const serviceCodes = list(query, 'service_code');
  const unknownCodes = (serviceCodes ?? []).filter((c) => !ref.topic.has(c));
  if (unknownCodes.length) {
    problems.push({
      path: 'service_code',
      message: `unknown ${unknownCodes.join(', ')}; valid: ${[...ref.topic.keys()].join(', ')}`,
    });
  }

  const statuses = list(query, 'status');
  const badStatuses = (statuses ?? []).filter((s) => !(OPEN311_STATUSES as readonly string[]).includes(s));
  if (badStatuses.length) {
    problems.push({ path: 'status', message: `unknown ${badStatuses.join(', ')}; valid: open, closed` });
  }
  const statusClasses =
    statuses && !badStatuses.length ? [...new Set((statuses as Open311Status[]).flatMap(statusClassesFor))] : null;

  const window = limits.windowDays * DAY_MS;
  const startText = single(query, 'start_date', problems);
  const endText = single(query, 'end_date', problems);
  const startAt = startText === undefined ? undefined : parseW3(startText, 'start');
  const endAt = endText === undefined ? undefined : parseW3(endText, 'end');
  if (startAt && 'error' in startAt) {
    problems.push({ path: 'start_date', message: startAt.error });
  }
  if (endAt && 'error' in endAt) {
    problems.push({ path: 'end_date', message: endAt.error });
  }
  let start = '';
  let end = '';
  if (!problems.some((p) => p.path === 'start_date' || p.path === 'end_date')) {
    const s = startAt && 'at' in startAt ? startAt : undefined;
    const e = endAt && 'at' in endAt ? endAt : undefined;
    if (s && e) {
      if (e.ms < s.ms) {
        problems.push({ path: 'end_date', message: 'is before start_date' });
      } else if (e.ms - s.ms > window) {
        problems.push({
          path: 'end_date',
          message: `start_date and end_date may not span more than ${limits.windowDays} days`,
        });
      }
      start = s.at;
      end = e.at;
    } else if (s) {
      start = s.at;
      end = new Date(s.ms + window).toISOString();
    } else if (e) {
      start = new Date(e.ms - window).toISOString();
      end = e.at;
    } else {
      // The most recent window, with no upper bound: a request stamped a little ahead of our clock
      // (clients may be up to five minutes fast) still shows.
      start = new Date(limits.now.getTime() - window).toISOString();
      end = 'infinity';
    }
  }

  const page = positiveInt(query, 'page', MAX_PAGE, problems) ?? 1;
  const pageSize = positiveInt(query, 'page_size', limits.maxResults, problems) ?? limits.maxResults;
  if (problems.length) {
    throw new ValidationError('the query is invalid', problems);
  }
  return { kind: 'window', start, end, serviceCodes, statusClasses, page, pageSize };
}
