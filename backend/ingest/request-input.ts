// What a new request looks like on the wire, and its checks against the reference data.
import { z } from 'zod';
import type { ErrorDetail } from '../http/errors.ts';
import { LATITUDE_MESSAGE, LONGITUDE_MESSAGE, MAX_LONGITUDE, MAX_MERCATOR_LATITUDE } from '../geo/projectable.ts';
import { PRIORITIES, type Priority, type ReferenceIndex } from '../domain/reference.ts';

import { readIsoInstant } from '../domain/instant.ts';
import { instantString } from './instant-schema.ts';
import { lookup } from '../domain/lookup.ts';

const EARLIEST = Date.UTC(2000, 0, 1);
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const timestamp = instantString({
  earliest: [EARLIEST, 'is before 2000-01-01'],
  futureToleranceMs: FUTURE_TOLERANCE_MS,
});

/** A due time from the source system: any real instant from 2000 on (it lies ahead, so no future bound). */
const dueTime = instantString({ earliest: [EARLIEST, 'is before 2000-01-01'] });

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const customerSchema = z
  .strictObject({
    name: text(200).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,20}$/, 'must be a phone number (digits, spaces, +, -, parentheses)')
      .optional(),
    email: z.email('must be an e-mail address').max(254).optional(),
    national_id: text(40).optional(),
    language: z.enum(['en', 'ar']).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'must hold at least one field');

export function requestInputSchema(maxDescription: number) {
  return z.strictObject({
    source: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1–100 letters, digits or ._:-'),
    external_id: text(200),
    channel: z.string(),
    category: z.string(),
    topic: z.string().optional(),
    priority: z.enum(PRIORITIES as [Priority, ...Priority[]]).optional(),
    description: z.string().max(maxDescription, `must be at most ${maxDescription} characters`).optional(),
    address: text(500).optional(),
    media_url: z
      .string()
      .max(2000, 'must be at most 2000 characters')
      .regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL')
      .optional(),
    location: z
      .strictObject({
        lon: z.number('must be a number').min(-MAX_LONGITUDE, LONGITUDE_MESSAGE).max(MAX_LONGITUDE, LONGITUDE_MESSAGE),
        lat: z
          .number('must be a number')
          .min(-MAX_MERCATOR_LATITUDE, LATITUDE_MESSAGE)
          .max(MAX_MERCATOR_LATITUDE, LATITUDE_MESSAGE),
      })
      .optional(),
    zone: z.string().optional(),
    customer: customerSchema.optional(),
    created_at: timestamp.optional(),
    /** the resolution due time the source system set (kept as given instead of the policy's) */
    due_at: dueTime.optional(),
    /** false: the source keeps no first-response data, so the request gets no first-response clock */
    first_response_clock: z.boolean('must be true or false').optional(),
  });
}

export type RequestInput = z.infer<ReturnType<typeof requestInputSchema>>;

/** A request ready to be written: codes checked, defaults filled. */
export type NewRequest = {
  source: string;
  external_id: string;
  channel: string;
  category: string;
  topic: string | null;
  department: string | null;
  priority: Priority;
  description: string | null;
  address: string | null;
  /** a link to a photo or document (absent: none) */
  media_url?: string | null;
  lon: number | null;
  lat: number | null;
  zone_code: string | null;
  customer: RequestInput['customer'] | null;
  created_at: string;
  /** the source system's resolution due time (ISO), or null: the policy's */
  due_at?: string | null;
  /** false: no first-response clock (absent: true) */
  first_response_clock?: boolean;
};

/**
 * Checks codes against the reference data; returns the problems (empty when the input is good). A retired channel or
 * topic (no longer in the city's configuration) is refused for new requests; `history` (an import of past requests)
 * takes it.
 */
export function checkCodes(input: RequestInput, ref: ReferenceIndex, prefix = '', history = false): ErrorDetail[] {
  const p = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const problems: ErrorDetail[] = [];
  const unknown = (field: string, value: string, valid: Iterable<string>) =>
    problems.push({ path: p(field), message: `unknown ${field} "${value}"; valid: ${[...valid].join(', ')}` });
  if (!ref.channel.has(input.channel)) {
    unknown('channel', input.channel, ref.channel.keys());
  }
  if (!ref.category.has(input.category)) {
    unknown('category', input.category, ref.category.keys());
  }
  if (input.topic !== undefined && !ref.topic.has(input.topic)) {
    unknown('topic', input.topic, ref.topic.keys());
  }
  if (!history) {
    const live = (m: Map<string, { retired?: boolean }>) =>
      [...m]
        .filter(([, x]) => !x.retired)
        .map(([code]) => code)
        .join(', ');
    if (ref.channel.get(input.channel)?.retired) {
      problems.push({
        path: p('channel'),
        message: `channel "${input.channel}" is retired; valid: ${live(ref.channel)}`,
      });
    }
    if (input.topic !== undefined && ref.topic.get(input.topic)?.retired) {
      problems.push({ path: p('topic'), message: `topic "${input.topic}" is retired; valid: ${live(ref.topic)}` });
    }
  }
  if (
    input.due_at !== undefined &&
    input.created_at !== undefined &&
    (readIsoInstant(input.due_at).ms ?? NaN) < (readIsoInstant(input.created_at).ms ?? NaN)
  ) {
    problems.push({ path: p('due_at'), message: 'must not be before created_at' });
  }
  if (input.zone !== undefined) {
    if (input.location) {
      problems.push({ path: p('zone'), message: 'give either location or zone, not both' });
    } else if (!ref.zone.has(input.zone)) {
      problems.push({ path: p('zone'), message: `unknown zone "${input.zone}"` });
    }
  }
  return problems;
}

/** The request to write: times as ISO instants in UTC, `now` the creation time when the input gives none. */
export function toNewRequest(input: RequestInput, ref: ReferenceIndex, now = new Date()): NewRequest {
  const isoOf = (text: string) => new Date(text).toISOString();
  const topic = input.topic ? lookup(ref.topic, input.topic, 'ref.topic') : null;
  return {
    source: input.source,
    external_id: input.external_id,
    channel: input.channel,
    category: input.category,
    topic: topic?.code ?? null,
    department: topic?.department_code ?? null,
    priority: input.priority ?? topic?.default_priority ?? 'normal',
    description: input.description ?? null,
    address: input.address ?? null,
    media_url: input.media_url ?? null,
    lon: input.location?.lon ?? null,
    lat: input.location?.lat ?? null,
    zone_code: input.zone ?? null,
    customer: input.customer ?? null,
    created_at: input.created_at ? isoOf(input.created_at) : now.toISOString(),
    due_at: input.due_at ? isoOf(input.due_at) : null,
    first_response_clock: input.first_response_clock ?? true,
  };
}
