// Query-string parameters shared by the geo and recurrence routes: time range, language, integers,
// unknown-parameter checks. Pure: every function returns a value or throws a 400 naming the parameter.
import { ValidationError, type ErrorDetail } from '../http/errors.ts';
import { readInstant } from '../domain/instant.ts';

export type Query = Record<string, unknown>;
export type Language = 'en' | 'ar';
export type TimeRange = { from: Date; to: Date };

const DAY_MS = 86_400_000;

/** A single string value: the last of repeated parameters is refused rather than guessed. */
export function single(query: Query, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) {
    return undefined;
  }
  if (typeof v !== 'string') {
    throw new ValidationError(`"${name}" was given more than once`, [
      { path: `query.${name}`, message: 'give it once' },
    ]);
  }
  return v;
}

/** Every value of a parameter: repeated (`a=1&a=2`) and comma-separated (`a=1,2`) both work. */
export function multi(query: Query, name: string): string[] {
  const v = query[name];
  if (v === undefined) {
    return [];
  }
  const list = Array.isArray(v) ? v : [v];
  return list
    .flatMap((s) => String(s).split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Refuses parameters a route does not know (a typo would silently widen the answer). */
export function rejectUnknown(query: Query, known: readonly string[]): void {
  const allowed = new Set(known);
  const unknown = Object.keys(query).filter((k) => !allowed.has(k));
  if (unknown.length) {
    throw new ValidationError(
      known.length
        ? `unknown parameter${unknown.length > 1 ? 's' : ''}; valid: ${known.join(', ')}`
        : 'this route takes no query parameters',
      unknown.map((k) => ({ path: `query.${k.slice(0, 60)}`, message: 'unknown parameter' }))
    );
  }
}

/** An instant: epoch milliseconds (as Grafana sends) or a strict ISO 8601 date-time with an offset or Z
 * (domain/instant.ts: a real calendar day, 1970..9998). Throws a 400 naming the parameter. */
export function parseInstant(raw: string, name = 'to'): Date {
  const r = readInstant(raw);
  if (r.error !== undefined) {
    throw new ValidationError(`"${name}" is invalid`, [{ path: `query.${name}`, message: r.error }]);
  }
  return new Date(r.ms);
}

/** from/to; a missing `to` is now, a missing `from` is `defaultDays` before `to`. from must be before to. */
export function parseTimeRange(query: Query, defaultDays: number, now: Date = new Date()): TimeRange {
  const problems: ErrorDetail[] = [];
  const read = (name: 'from' | 'to') => {
    const raw = single(query, name);
    if (raw === undefined) {
      return undefined;
    }
    const r = readInstant(raw);
    if (r.error !== undefined) {
      problems.push({ path: `query.${name}`, message: r.error });
    }
    return r.ms === undefined ? undefined : new Date(r.ms);
  };
  const toIn = read('to');
  const fromIn = read('from');
  if (problems.length) {
    throw new ValidationError('the time range is invalid', problems);
  }
  const to = toIn ?? now;
  const from = fromIn ?? new Date(to.getTime() - defaultDays * DAY_MS);
  if (from.getTime() >= to.getTime()) {
    throw new ValidationError('the time range is invalid', [{ path: 'query.from', message: 'must be before to' }]);
  }
  return { from, to };
}

export function parseLanguage(query: Query): Language {
  const raw = single(query, 'language') ?? 'en';
  if (raw !== 'en' && raw !== 'ar') {
    throw new ValidationError('unknown language', [{ path: 'query.language', message: 'must be en or ar' }]);
  }
  return raw;
}

/** An integer parameter within [min, max], or the default when absent. */
export function parseInteger(query: Query, name: string, min: number, max: number, fallback: number): number {
  const raw = single(query, name);
  if (raw === undefined) {
    return fallback;
  }
  if (!/^-?\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ValidationError(`"${name}" is invalid`, [
      { path: `query.${name}`, message: `must be an integer from ${min} to ${max}` },
    ]);
  }
  return Number(raw);
}

/** A number parameter within [min, max] (decimals allowed), or the default when absent. */
export function parseNumber(query: Query, name: string, min: number, max: number, fallback: number): number {
  const raw = single(query, name);
  if (raw === undefined) {
    return fallback;
  }
  if (!/^-?\d{1,9}(\.\d{1,9})?$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ValidationError(`"${name}" is invalid`, [
      { path: `query.${name}`, message: `must be a number from ${min} to ${max}` },
    ]);
  }
  return Number(raw);
}

/** One of a fixed list, or the default when absent. */
export function parseChoice<T extends string>(query: Query, name: string, choices: readonly T[], fallback: T): T {
  const raw = single(query, name);
  if (raw === undefined) {
    return fallback;
  }
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ValidationError(`"${name}" is invalid`, [
      { path: `query.${name}`, message: `must be one of ${choices.join(', ')}` },
    ]);
  }
  return raw as T;
}
