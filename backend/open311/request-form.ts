// The POST requests form (application/x-www-form-urlencoded) into one of our new requests, checked by
// the same schema and reference checks as POST /v1/requests. Problems are named by the form's fields.
import type { z } from 'zod';
import type { ReferenceIndex } from '../domain/reference.ts';
import { NotFoundError, ValidationError, type ErrorDetail } from '../http/errors.ts';
import { zodDetails } from '../http/validate.ts';
import { checkCodes, toNewRequest, type NewRequest, type RequestInput } from '../ingest/request-input.ts';
import { ATTRIBUTE_CODES, DEFAULT_CATEGORY, type AttributeCode } from './service-catalog.ts';
import type { Lang } from './lang.ts';

export type FormContext = {
  /** The submitting client, e.g. `open311:token-7`: idempotency keys are unique per client. */
  source: string;
  /** Used as external_id when the client gave no idempotency key. */
  generatedId: string;
  /** The Idempotency-Key header, when sent. */
  idempotencyKey?: string;
  lang?: Lang;
  now: Date;
};

export type AcceptedForm = {
  request: NewRequest;
  accountId: string | null;
  /** True when the client named its own key, so a repeat returns the original. */
  idempotent: boolean;
};

// Our field paths (from the shared schema) back to the form's names.
const FORM_NAMES: Readonly<Record<string, string>> = {
  topic: 'service_code',
  category: 'attribute[category]',
  external_id: 'attribute[external_id]',
  address: 'address_string',
  location: 'lat/long',
  'location.lat': 'lat',
  'location.lon': 'long',
  customer: 'first_name/last_name/email/phone',
  'customer.name': 'first_name/last_name',
  'customer.phone': 'phone',
  'customer.email': 'email',
};
export const formName = (path: string) => FORM_NAMES[path] ?? path;

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/;
const ATTRIBUTE = /^attribute\[([^\]]*)\](\[\])?$/;
const URL_MAX = 2000;

type Fields = Record<string, unknown>;

/** One value of a plain field; "" counts as absent (the spec's optional-argument rule). */
function scalar(body: Fields, name: string, problems: ErrorDetail[]): string | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === '') {
    return undefined;
  }
  if (typeof v !== 'string') {
    problems.push({ path: name, message: 'must be given once, as text' });
    return undefined;
  }
  return v;
}

function readAttributes(body: Fields, problems: ErrorDetail[]): Partial<Record<AttributeCode, string>> {
  const out: Partial<Record<AttributeCode, string>> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith('attribute')) {
      continue;
    }
    const m = ATTRIBUTE.exec(key);
    const code = m?.[1] ?? '';
    if (!m || !(ATTRIBUTE_CODES as readonly string[]).includes(code)) {
      problems.push({
        path: key,
        message: `unknown attribute; this service takes ${ATTRIBUTE_CODES.map((c) => `attribute[${c}]`).join(', ')}`,
      });
      continue;
    }
    if (m[2] || typeof value !== 'string') {
      problems.push({ path: `attribute[${code}]`, message: 'takes a single value' });
      continue;
    }
    if (value !== '') {
      out[code as AttributeCode] = value;
    }
  }
  return out;
}

const coordinate = (text: string | undefined) =>
  text === undefined ? undefined : NUMBER.test(text) ? Number(text) : text;

function isWebUrl(text: string): boolean {
  if (text.length > URL_MAX) {
    return false;
  }
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Reads and checks the form. Throws a 404 NotFoundError for an unknown service_code (as the spec asks)
 * and a 400 ValidationError listing every other problem; returns a request ready for writeRequests().
 */
export function readRequestForm(body: Fields, schema: z.ZodType, ref: ReferenceIndex, ctx: FormContext): AcceptedForm {
  const problems: ErrorDetail[] = [];
  const serviceCode = scalar(body, 'service_code', problems);
  if (serviceCode === undefined && !problems.length) {
    problems.push({ path: 'service_code', message: 'was not provided' });
  }
  if (serviceCode !== undefined && !ref.topic.has(serviceCode)) {
    throw new NotFoundError(`service_code "${serviceCode}"`, 'service_code');
  }
  const attributes = readAttributes(body, problems);
  const lat = scalar(body, 'lat', problems);
  const long = scalar(body, 'long', problems);
  const address = scalar(body, 'address_string', problems);
  const addressId = scalar(body, 'address_id', problems);
  const firstName = scalar(body, 'first_name', problems);
  const lastName = scalar(body, 'last_name', problems);
  const email = scalar(body, 'email', problems);
  const phone = scalar(body, 'phone', problems);
  const description = scalar(body, 'description', problems);
  const accountId = scalar(body, 'account_id', problems);
  const mediaUrl = scalar(body, 'media_url', problems);
  scalar(body, 'device_id', problems); // accepted, not kept: a device id is personal data we have no use for

  // The spec's location: lat & long, address_string or address_id (any one). We keep no address
  // repository: an address_id alone is kept as the request's address text ("address_id 123"), as given.
  if (lat === undefined && long === undefined && address === undefined && addressId === undefined) {
    problems.push({ path: 'lat/long', message: 'a location is required: lat and long, address_string or address_id' });
  }
  const absent = (name: string) => body[name] === undefined || body[name] === null || body[name] === '';
  if (lat !== undefined && absent('long')) {
    problems.push({ path: 'long', message: 'is required when lat is given' });
  }
  if (long !== undefined && absent('lat')) {
    problems.push({ path: 'lat', message: 'is required when long is given' });
  }
  if (addressId !== undefined && addressId.length > 200) {
    problems.push({ path: 'address_id', message: 'must be at most 200 characters' });
  }
  if (mediaUrl !== undefined && !isWebUrl(mediaUrl)) {
    problems.push({ path: 'media_url', message: `must be an http(s) URL of at most ${URL_MAX} characters` });
  }
  if (accountId !== undefined && accountId.length > 200) {
    problems.push({ path: 'account_id', message: 'must be at most 200 characters' });
  }

  const headerKey = ctx.idempotencyKey?.trim() || undefined;
  if (headerKey && attributes.external_id !== undefined && attributes.external_id !== headerKey) {
    problems.push({
      path: 'attribute[external_id]',
      message: 'differs from the Idempotency-Key header; send one or make them equal',
    });
  }
  const ownKey = attributes.external_id ?? headerKey;

  const name = [firstName, lastName].filter(Boolean).join(' ') || undefined;
  const hasCustomer = name !== undefined || email !== undefined || phone !== undefined;
  const candidate: Record<string, unknown> = {
    source: ctx.source,
    external_id: ownKey ?? ctx.generatedId,
    channel: 'open311',
    category: attributes.category ?? DEFAULT_CATEGORY,
    topic: serviceCode,
    description,
    address: address ?? (addressId !== undefined ? `address_id ${addressId}` : undefined),
    media_url: mediaUrl,
    location: lat !== undefined || long !== undefined ? { lat: coordinate(lat), lon: coordinate(long) } : undefined,
    customer: hasCustomer ? { name, email, phone, language: ctx.lang } : undefined,
  };
  const parsed = schema.safeParse(candidate);
  const found = parsed.success ? checkCodes(parsed.data as RequestInput, ref) : zodDetails(parsed.error);
  // A field already reported above (given twice, say) is not reported again as missing.
  const named = new Set(problems.map((p) => p.path));
  problems.push(...found.map((d) => ({ ...d, path: formName(d.path) })).filter((d) => !named.has(d.path)));
  if (problems.length || !parsed.success) {
    throw new ValidationError('the service request is invalid; nothing was written', problems);
  }

  return {
    request: toNewRequest(parsed.data as RequestInput, ref, ctx.now),
    accountId: accountId ?? null,
    idempotent: ownKey !== undefined,
  };
}
