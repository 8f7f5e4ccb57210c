import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { sql } from '../db/sql.ts';
import { requestInputSchema } from '../ingest/request-input.ts';
import { isProjectable, MAX_LONGITUDE, MAX_MERCATOR_LATITUDE } from './projectable.ts';

test('the limit is where the Web Mercator square ends (atan(sinh(π)), to 8 decimals)', () => {
  assert.equal(MAX_MERCATOR_LATITUDE, Number(((Math.atan(Math.sinh(Math.PI)) * 180) / Math.PI).toFixed(8)));
});

test('the SQL functions clamp to the same limit (migration 0034 holds the constant, nothing else)', () => {
  const text = sql('migrations/0034_projectable_points');
  const limits = [...text.matchAll(/-?\d+\.\d{6,}/g)].map((m) => Math.abs(Number(m[0])));
  assert.ok(limits.length >= 4);
  assert.deepEqual([...new Set(limits)], [MAX_MERCATOR_LATITUDE]);
});

test('the request schema refuses beyond the limit, naming location.lat / location.lon', () => {
  const schema = requestInputSchema(100);
  const base = { source: 's', external_id: 'x', channel: 'whatsapp', category: 'complaint' };
  const paths = (location: unknown) => {
    const r = schema.safeParse({ ...base, location });
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };
  assert.deepEqual(paths({ lon: 0, lat: MAX_MERCATOR_LATITUDE }), []);
  assert.deepEqual(paths({ lon: -MAX_LONGITUDE, lat: -MAX_MERCATOR_LATITUDE }), []);
  assert.deepEqual(paths({ lon: 0, lat: -90 }), ['location.lat']);
  assert.deepEqual(paths({ lon: 0, lat: 85.0512 }), ['location.lat']);
  assert.deepEqual(paths({ lon: 180.5, lat: 0 }), ['location.lon']);
  assert.equal(isProjectable(0, -90), false);
  assert.equal(isProjectable(Number.NaN, 0), false);
  assert.equal(isProjectable(55, 25), true);
});
