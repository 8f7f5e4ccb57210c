import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { ReferenceIndex } from '../domain/reference.ts';
import { SlaPolicies } from '../demo/sla-policy.ts';
import { StagedRows } from './chunk-copy.ts';
import { copyStatement, REQUESTS } from './copy-columns.ts';
import type { ImportRow } from './row-input.ts';
import { ZoneLocator } from './zone-locator.ts';

const row = (source: string, externalId: string, events: number, customer: boolean): ImportRow => ({
  request: {
    source,
    external_id: externalId,
    channel: 'website',
    category: 'complaint',
    topic: null,
    department: null,
    priority: 'normal',
    description: 'a\ttab and a\nline break',
    address: null,
    lon: 55.25,
    lat: 25.125,
    zone_code: null,
    customer: customer ? { name: 'فاطمة', phone: '+971 50 123 4567' } : null,
    created_at: '2026-10-01T10:00:00.000Z',
  },
  journey: {
    shape: String(events),
    status: 'received',
    stage: 'received',
    progress_pct: 0,
    first_response_at: null,
    resolved_at: null,
    closed_at: null,
    cancelled_at: null,
    satisfaction: null,
    events: Array.from({ length: events }, (_, i) => ({
      kind: i ? ('note' as const) : ('received' as const),
      from_status: null,
      to_status: 'received' as const,
      stage: 'received',
      progress_pct: 0,
      occurred_at: `2026-10-01T10:0${i}:00.000Z`,
    })),
  },
});

const ref = { zone: new Map() } as unknown as ReferenceIndex;
const lines = (b: Buffer) =>
  b
    .toString('utf8')
    .split('\n')
    .slice(0, -1)
    .map((l) => l.split('\t'));

test('rows become COPY lines with their ids, whatever the characters, all rows or some', () => {
  const staged = new StagedRows();
  staged.add(row('مصدر', 'x-1', 2, true));
  staged.add(row('bench', 'x-2', 1, false));
  staged.add(row('bench', 'x-3', 3, false));
  assert.equal(staged.customers([0, 1, 2]), 1);

  const all = staged.copyText(
    [0, 1, 2],
    new ZoneLocator([]),
    new SlaPolicies([]),
    null,
    ref,
    ['7', '8', '1234567890123'],
    ['42']
  );
  assert.deepEqual(
    lines(all.text.events).map((l) => [l[0].trim(), l[1], l[6], l[7]]),
    [
      ['7', 'received', 'مصدر', '2026-10-01T10:00:00.000Z'],
      ['7', 'note', 'مصدر', '2026-10-01T10:01:00.000Z'],
      ['8', 'received', 'bench', '2026-10-01T10:00:00.000Z'],
      ['1234567890123', 'received', 'bench', '2026-10-01T10:00:00.000Z'],
      ['1234567890123', 'note', 'bench', '2026-10-01T10:01:00.000Z'],
      ['1234567890123', 'note', 'bench', '2026-10-01T10:02:00.000Z'],
    ]
  );
  assert.deepEqual(
    lines(all.text.requests).map((l) => l.slice(0, 6)),
    [
      ['7', '\\N', '\\N', '42', '\\N', 'مصدر'],
      ['8', '\\N', '\\N', '\\N', '\\N', 'bench'],
      ['1234567890123', '\\N', '\\N', '\\N', '\\N', 'bench'],
    ]
  );
  const columns = /\((.*)\)/.exec(copyStatement(REQUESTS))![1].split(', ');
  assert.equal(lines(all.text.requests)[0][columns.indexOf('description')], 'a\\ttab and a\\nline break');
  assert.equal(lines(all.text.requests)[0].length, columns.length);
  assert.equal(lines(all.text.requests)[0][columns.indexOf('location')], 'SRID=4326;POINT(55.25 25.125)');
  assert.equal(lines(all.text.requests)[0][columns.indexOf('created_at')], '2026-10-01T10:00:00.000Z');
  assert.deepEqual(lines(all.text.customers), [['42', '\\N', 'فاطمة', '+971 50 123 4567', '\\N', '\\N', '\\N']]);
  assert.equal(all.text.marks.toString(), '7\n8\n1234567890123\n');
  assert.deepEqual(all.references.statuses, ['received']);

  // The first row already present: the others only, with new ids.
  const some = staged.copyText([1, 2], new ZoneLocator([]), new SlaPolicies([]), null, ref, ['9', '10'], []);
  assert.deepEqual(
    lines(some.text.events).map((l) => [l[0].trim(), l[1]]),
    [
      ['9', 'received'],
      ['10', 'received'],
      ['10', 'note'],
      ['10', 'note'],
    ]
  );
  assert.equal(some.text.customers.length, 0);
  assert.equal(some.text.marks.toString(), '9\n10\n');
});
