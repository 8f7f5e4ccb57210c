import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference } from '../domain/reference.ts';
import { HttpError } from '../http/errors.ts';
import { requestInputSchema } from '../ingest/request-input.ts';
import { readRequestForm, type FormContext } from './request-form.ts';

const ref = indexReference({
  time_zone: 'Asia/Dubai',
  channels: [{ code: 'open311', name_en: 'Open311', name_ar: 'Open311' }],
  categories: [
    { code: 'report', name_en: 'Report', name_ar: 'بلاغ' },
    { code: 'complaint', name_en: 'Complaint', name_ar: 'شكوى' },
  ],
  departments: [{ code: 'waste', name_en: 'Waste Management', name_ar: 'إدارة النفايات', calendar_code: 'field' }],
  topics: [
    {
      code: 'waste.overflowing_bin',
      name_en: 'Overflowing bin',
      name_ar: 'حاوية',
      department_code: 'waste',
      default_priority: 'normal',
    },
  ],
  statuses: [],
  stages: [],
  advisors: [],
  zones: [],
});
const schema = requestInputSchema(4000);
const ctx: FormContext = { source: 'open311:token-1', generatedId: 'gen-1', now: new Date('2026-11-29T06:00:00Z') };
const form = (over: Record<string, unknown> = {}) => ({
  service_code: 'waste.overflowing_bin',
  lat: '25.15',
  long: '55.15',
  ...over,
});

/** The problems of a rejected form, as "field: message" lines. */
function problems(body: Record<string, unknown>, c: FormContext = ctx): { status: number; paths: string[] } {
  try {
    readRequestForm(body, schema, ref, c);
  } catch (err) {
    assert.ok(err instanceof HttpError);
    return { status: err.status, paths: err.details.map((d) => d.path) };
  }
  assert.fail('the form was accepted');
}

test('a minimal form becomes an open311 report at the point given', () => {
  const { request, idempotent, accountId } = readRequestForm(form(), schema, ref, ctx);
  assert.equal(request.channel, 'open311');
  assert.equal(request.category, 'report');
  assert.equal(request.topic, 'waste.overflowing_bin');
  assert.equal(request.department, 'waste');
  assert.deepEqual([request.lon, request.lat], [55.15, 25.15]);
  assert.equal(request.external_id, 'gen-1');
  assert.equal(request.created_at, '2026-11-29T06:00:00.000Z');
  assert.equal(idempotent, false);
  assert.equal(accountId, null);
});

test('the submitter becomes the customer; attributes set category and the idempotency key', () => {
  const { request, idempotent } = readRequestForm(
    form({
      first_name: 'Fatima',
      last_name: 'Al Mansoori',
      email: 'f@example.ae',
      phone: '+971 50 123 4567',
      'attribute[category]': 'complaint',
      'attribute[external_id]': 'app-42',
    }),
    schema,
    ref,
    { ...ctx, lang: 'ar' }
  );
  assert.deepEqual(request.customer, {
    name: 'Fatima Al Mansoori',
    email: 'f@example.ae',
    phone: '+971 50 123 4567',
    language: 'ar',
  });
  assert.equal(request.category, 'complaint');
  assert.equal(request.external_id, 'app-42');
  assert.equal(idempotent, true);
});

test('the Idempotency-Key header is the key when the attribute is absent', () => {
  const { request } = readRequestForm(form(), schema, ref, { ...ctx, idempotencyKey: 'hdr-1' });
  assert.equal(request.external_id, 'hdr-1');
  assert.deepEqual(problems(form({ 'attribute[external_id]': 'other' }), { ...ctx, idempotencyKey: 'hdr-1' }).paths, [
    'attribute[external_id]',
  ]);
});

test('an address without a point is kept (unzoned)', () => {
  const { request } = readRequestForm(
    { service_code: 'waste.overflowing_bin', address_string: 'Al Wasl Rd, Jumeirah 1' },
    schema,
    ref,
    ctx
  );
  assert.equal(request.lon, null);
  assert.equal(request.address, 'Al Wasl Rd, Jumeirah 1');
});

test('an unknown service_code is a 404; a missing one a 400', () => {
  assert.deepEqual(problems(form({ service_code: 'nope' })), { status: 404, paths: ['service_code'] });
  assert.deepEqual(problems(form({ service_code: '' })), { status: 400, paths: ['service_code'] });
});

test('bad fields are named by their form names', () => {
  assert.deepEqual(problems(form({ lat: '125' })).paths, ['lat']);
  assert.deepEqual(problems(form({ long: 'east' })).paths, ['long']);
  assert.deepEqual(problems(form({ long: '' })).paths, ['long']);
  assert.deepEqual(problems(form({ phone: 'call me' })).paths, ['phone']);
  assert.deepEqual(problems(form({ 'attribute[category]': 'praise' })).paths, ['attribute[category]']);
  assert.deepEqual(problems(form({ 'attribute[colour]': 'red' })).paths, ['attribute[colour]']);
  assert.deepEqual(problems(form({ media_url: 'javascript:alert(1)' })).paths, ['media_url']);
  assert.deepEqual(problems(form({ lat: ['25.1', '25.2'] })).paths, ['lat']);
  assert.deepEqual(problems({ service_code: 'waste.overflowing_bin' }).paths, ['lat/long']);
});

test('lat without long (or long without lat) says the other is required; address_id alone is a location', () => {
  const message = (body: Record<string, unknown>) => {
    try {
      readRequestForm(body, schema, ref, ctx);
    } catch (err) {
      return (err as HttpError).details.map((d) => `${d.path}: ${d.message}`);
    }
    return [];
  };
  assert.deepEqual(message({ service_code: 'waste.overflowing_bin', lat: '25.15' }), [
    'long: is required when lat is given',
  ]);
  assert.deepEqual(message({ service_code: 'waste.overflowing_bin', long: '55.15' }), [
    'lat: is required when long is given',
  ]);
  const { request } = readRequestForm({ service_code: 'waste.overflowing_bin', address_id: '77' }, schema, ref, ctx);
  assert.deepEqual([request.address, request.lon, request.lat], ['address_id 77', null, null]);
  const both = readRequestForm(
    { service_code: 'waste.overflowing_bin', address_id: '77', address_string: 'Al Wasl Rd' },
    schema,
    ref,
    ctx
  );
  assert.equal(both.request.address, 'Al Wasl Rd');
});
