// A light stand-in for the API's zod schema (ingest/request-input.ts: requestInputSchema) on the import's
// hot path: it ACCEPTS an input only when the schema would, and then returns what the schema would
// (strings trimmed where the schema trims). Anything it does not accept goes through the schema itself,
// so a bad row gets exactly the API's reasons; this only spares the good rows the schema's cost (about
// 15 µs a row, a third of the importer's CPU). Keep it in step with the schema: request-check.test.ts
// compares both on good and bad inputs, field by field and at every bound.
import { z } from 'zod';
import { PRIORITIES } from '../domain/reference.ts';
import { isProjectable } from '../geo/projectable.ts';
import type { ReferenceIndex } from '../domain/reference.ts';
import { toNewRequest, type NewRequest, type RequestInput } from '../ingest/request-input.ts';
import { isoMs, isoString } from './iso-time.ts';
import { ISO_INSTANT_PATTERN } from '../domain/instant.ts';

// The schema's rules (request-input.ts).
const ISO_WITH_ZONE = new RegExp(ISO_INSTANT_PATTERN);
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const SOURCE = /^[A-Za-z0-9._:-]{1,100}$/;
const PHONE = /^\+?[0-9 ()-]{5,20}$/;
/** z.email()'s own pattern */
const EMAIL = z.regexes.email;
const PRIORITY_SET: ReadonlySet<string> = new Set(PRIORITIES);

/** A time the schema's `timestamp` accepts, else undefined. */
export function checkedTime(s: unknown): string | undefined {
  if (typeof s !== 'string' || !ISO_WITH_ZONE.test(s)) return undefined;
  const t = isoMs(s);
  return t >= EARLIEST && t <= Date.now() + FUTURE_TOLERANCE_MS ? s : undefined;
}

/** A time the schema's `dueTime` accepts (no future bound), else undefined. */
export function checkedDueTime(s: unknown): string | undefined {
  if (typeof s !== 'string' || !ISO_WITH_ZONE.test(s)) return undefined;
  return isoMs(s) >= EARLIEST ? s : undefined;
}

/** `text(max)` of the schema: trimmed, 1..max characters; undefined when it would fail. */
function text(s: unknown, max: number): string | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  return t.length >= 1 && t.length <= max ? t : undefined;
}

const FAIL = Symbol('fail');
type Optional<T> = T | undefined | typeof FAIL;

/** An optional field: absent stays absent; present must pass. */
function optional<T>(v: unknown, check: (v: unknown) => T | undefined): Optional<T> {
  if (v === undefined) return undefined;
  const out = check(v);
  return out === undefined ? FAIL : out;
}

function customer(c: unknown): RequestInput['customer'] | typeof FAIL {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return FAIL;
  const input = c as Record<string, unknown>;
  for (const key in input) if (key !== 'name' && key !== 'phone' && key !== 'email' && key !== 'national_id' && key !== 'language') return FAIL;
  const name = optional(input.name, (v) => text(v, 200));
  const phone = optional(input.phone, (v) => { if (typeof v !== 'string') return undefined; const t = v.trim(); return PHONE.test(t) ? t : undefined; });
  const email = optional(input.email, (v) => (typeof v === 'string' && v.length <= 254 && EMAIL.test(v) ? v : undefined));
  const nationalId = optional(input.national_id, (v) => text(v, 40));
  const language = optional(input.language, (v) => (v === 'en' || v === 'ar' ? v : undefined));
  if (name === FAIL || phone === FAIL || email === FAIL || nationalId === FAIL || language === FAIL) return FAIL;
  if (name === undefined && phone === undefined && email === undefined && nationalId === undefined && language === undefined) return FAIL;
  const out: NonNullable<RequestInput['customer']> = {};
  if ('name' in input) out.name = name;
  if ('phone' in input) out.phone = phone;
  if ('email' in input) out.email = email;
  if ('national_id' in input) out.national_id = nationalId;
  if ('language' in input) out.language = language;
  return out;
}

const KEYS: ReadonlySet<string> = new Set(['source', 'external_id', 'channel', 'category', 'topic', 'priority', 'description', 'address',
  'media_url', 'location', 'zone', 'customer', 'created_at', 'due_at', 'first_response_clock']);

/**
 * The schema's output for `input` when it surely passes requestInputSchema(maxDescription); null when it
 * may not (then ask the schema). Never accepts what the schema refuses.
 */
export function quickRequestInput(input: Record<string, unknown>, maxDescription: number): RequestInput | null {
  for (const key in input) if (!KEYS.has(key)) return null;
  // media_url and location objects from elsewhere than the importer: left to the schema.
  if (input.media_url !== undefined) return null;
  const source = input.source;
  if (typeof source !== 'string' || !SOURCE.test(source)) return null;
  const externalId = text(input.external_id, 200);
  if (externalId === undefined) return null;
  const { channel, category, topic, priority, description, zone } = input;
  if (typeof channel !== 'string' || typeof category !== 'string') return null;
  if (topic !== undefined && typeof topic !== 'string') return null;
  if (priority !== undefined && (typeof priority !== 'string' || !PRIORITY_SET.has(priority))) return null;
  if (description !== undefined && (typeof description !== 'string' || description.length > maxDescription)) return null;
  if (zone !== undefined && typeof zone !== 'string') return null;
  const address = optional(input.address, (v) => text(v, 500));
  if (address === FAIL) return null;
  let location: RequestInput['location'];
  if (input.location !== undefined) {
    const l = input.location as Record<string, unknown> | null;
    if (typeof l !== 'object' || l === null || Array.isArray(l)) return null;
    for (const key in l) if (key !== 'lon' && key !== 'lat') return null;
    const { lon, lat } = l;
    if (typeof lon !== 'number' || typeof lat !== 'number' || !isProjectable(lon, lat)) return null;
    location = { lon, lat };
  }
  let cust: RequestInput['customer'];
  if (input.customer !== undefined) {
    const c = customer(input.customer);
    if (c === FAIL) return null;
    cust = c;
  }
  const createdAt = optional(input.created_at, checkedTime);
  if (createdAt === FAIL) return null;
  if (optional(input.due_at, checkedDueTime) === FAIL) return null;
  if (input.first_response_clock !== undefined && typeof input.first_response_clock !== 'boolean') return null;
  const out: Record<string, unknown> = {};
  for (const key in input) {
    switch (key) {
      case 'external_id': out[key] = externalId; break;
      case 'address': out[key] = address; break;
      case 'location': out[key] = location; break;
      case 'customer': out[key] = cust; break;
      default: out[key] = input[key];
    }
  }
  return out as RequestInput;
}

/** The time a row without created_at would get; never read when the row has one. */
const UNREAD = new Date(0);

/** toNewRequest (ingest/request-input.ts) with the time written as toISOString would, without a Date each row. */
export function quickNewRequest(input: RequestInput, ref: ReferenceIndex, now: () => Date): NewRequest {
  return toNewRequest(input, ref, input.created_at ? UNREAD : now(), isoString);
}
