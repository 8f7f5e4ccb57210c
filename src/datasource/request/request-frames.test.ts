import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { noticeFrame, requestFrames } from './request-frames.ts';
import type { WireRequestDetail } from './wire.ts';

/** A request as GET /v1/requests/{reference}?language=en answers it (docs/api.md), with a masked customer. */
function detail(over: Partial<WireRequestDetail> = {}): WireRequestDetail {
  return {
    id: 42,
    reference: 'S360-000000042',
    channel: { code: 'whatsapp', name: 'WhatsApp' },
    category: { code: 'complaint', name: 'Complaint' },
    topic: { code: 'pest_control', name: 'Pest control' },
    department: { code: 'health', name: 'Public Health' },
    priority: { code: 'normal', name: 'Normal' },
    stage: { code: 'field_visit', name: 'Field visit' },
    advisor: { code: 'a7', name: 'Mariam K.' },
    zone: { code: '332', name: 'AL BARSHA FIRST', kind: 'community' },
    status: { code: 'in_progress', name: 'In progress', class: 'open' },
    progress_pct: 55,
    created_at: '2026-11-01T08:00:00.000Z',
    first_response_at: '2026-11-01T09:30:00.000Z',
    resolved_at: null,
    closed_at: null,
    customer: {
      masked: true,
      name: 'F. A. M.',
      phone: '+971 ** *** **67',
      email: 'f***@d***.ae',
      national_id: '***-5671',
      language: 'ar',
      home_zone: null,
    },
    journey: [
      {
        id: 1,
        kind: 'received',
        from_status: null,
        to_status: { code: 'received', name: 'Received' },
        stage: { code: 'received', name: 'Received' },
        progress_pct: 0,
        advisor: null,
        actor: 'whatsapp-bot',
        note: null,
        occurred_at: '2026-11-01T08:00:00.000Z',
        recorded_at: '2026-11-01T08:00:01.000Z',
      },
      {
        id: 2,
        kind: 'assigned',
        from_status: { code: 'received', name: 'Received' },
        to_status: { code: 'assigned', name: 'Assigned' },
        stage: { code: 'assigned', name: 'Assigned' },
        progress_pct: 10,
        advisor: { code: 'a7', name: 'Mariam K.' },
        actor: 'dispatcher',
        note: null,
        occurred_at: '2026-11-01T08:20:00.000Z',
        recorded_at: '2026-11-01T08:20:00.000Z',
      },
      {
        id: 3,
        kind: 'stage',
        from_status: { code: 'assigned', name: 'Assigned' },
        to_status: { code: 'in_progress', name: 'In progress' },
        stage: { code: 'field_visit', name: 'Field visit' },
        progress_pct: 55,
        advisor: { code: 'a7', name: 'Mariam K.' },
        actor: 'inspector',
        note: 'Site visited',
        occurred_at: '2026-11-02T10:00:00.000Z',
        recorded_at: '2026-11-02T10:05:00.000Z',
      },
    ],
    sla: {
      first_response_due_at: '2026-11-01T12:00:00.000Z',
      resolution_due_at: '2026-11-05T12:00:00.000Z',
      sla_state: 'in_progress',
      clock: {
        state: 'warning',
        first_response: {
          due_at: '2026-11-01T12:00:00.000Z',
          status: 'met',
          business_elapsed_pct: 40,
          actual_elapsed_pct: 40,
        },
        resolution: {
          due_at: '2026-11-05T13:00:00.000Z',
          status: 'warning',
          business_elapsed_pct: 81.5,
          actual_elapsed_pct: 70,
        },
      },
    },
    ...over,
  };
}

const byName = (frame: { fields: Array<{ name: string }> }, name: string) =>
  frame.fields.find((f) => f.name === name) as {
    name: string;
    type: string;
    values: unknown[];
    config: { unit?: string; displayName?: string };
  };

describe('requestFrames', () => {
  test("two frames on the query's refId: the request (one row), then the journey", () => {
    const frames = requestFrames(detail(), 'R', 'en');
    assert.deepEqual(
      frames.map((f) => [f.name, f.refId]),
      [
        ['Request', 'R'],
        ['Journey', 'R'],
      ]
    );
    for (const f of frames[0].fields) {
      assert.equal(f.values.length, 1, f.name);
    }
  });

  test('the request row: names of coded values, times as time fields, progress in percent', () => {
    const [request] = requestFrames(detail(), 'A', 'en');
    const row = Object.fromEntries(request.fields.map((f) => [f.name, f.values[0]]));
    assert.deepEqual(
      [
        row.reference,
        row.status,
        row.stage,
        row.progress_pct,
        row.channel,
        row.category,
        row.topic,
        row.department,
        row.zone,
        row.advisor,
        row.priority,
      ],
      [
        'S360-000000042',
        'In progress',
        'Field visit',
        55,
        'WhatsApp',
        'Complaint',
        'Pest control',
        'Public Health',
        'AL BARSHA FIRST',
        'Mariam K.',
        'Normal',
      ]
    );
    for (const name of [
      'created_at',
      'first_response_at',
      'resolved_at',
      'closed_at',
      'first_response_due_at',
      'resolution_due_at',
    ]) {
      assert.equal(byName(request, name).type, 'time', name);
    }
    assert.equal(row.created_at, '2026-11-01T08:00:00.000Z');
    assert.equal(row.resolved_at, null);
    assert.equal(byName(request, 'progress_pct').config.unit, 'percent');
    assert.equal(byName(request, 'resolution_elapsed_pct').config.unit, 'percent');
  });

  test('the SLA columns come from the live clock when there is one, else from the stored state and due times', () => {
    const live = Object.fromEntries(requestFrames(detail(), 'A', 'en')[0].fields.map((f) => [f.name, f.values[0]]));
    assert.deepEqual(
      [live.sla_state, live.resolution_due_at, live.resolution_elapsed_pct],
      ['Warning', '2026-11-05T13:00:00.000Z', 81.5]
    );
    const stored = Object.fromEntries(
      requestFrames(detail({ sla: { ...detail().sla, clock: null } }), 'A', 'en')[0].fields.map((f) => [
        f.name,
        f.values[0],
      ])
    );
    assert.deepEqual(
      [stored.sla_state, stored.resolution_due_at, stored.resolution_elapsed_pct],
      ['In progress', '2026-11-05T12:00:00.000Z', null]
    );
  });

  test('a request without a first-response clock shows the stored due (none), and where the resolution due came from', () => {
    const sla = {
      ...detail().sla,
      first_response_due_at: null,
      resolution_due_source: 'source',
      first_response_clock: false,
      clock: { ...detail().sla.clock!, first_response: null },
    };
    const en = Object.fromEntries(
      requestFrames(detail({ sla }), 'A', 'en')[0].fields.map((f) => [f.name, f.values[0]])
    );
    assert.deepEqual([en.first_response_due_at, en.resolution_due_source], [null, 'Source system']);
    const ar = requestFrames(detail({ sla }), 'A', 'ar')[0];
    assert.deepEqual(
      [byName(ar, 'resolution_due_source').values[0], byName(ar, 'resolution_due_source').config.displayName],
      ['النظام المصدر', 'جهة تحديد موعد الحل']
    );
  });

  test('the customer as the API returns it: masked here, with the flag', () => {
    const row = Object.fromEntries(requestFrames(detail(), 'A', 'en')[0].fields.map((f) => [f.name, f.values[0]]));
    assert.deepEqual(
      [
        row.customer_masked,
        row.customer_name,
        row.customer_phone,
        row.customer_email,
        row.customer_national_id,
        row.customer_language,
        row.customer_home_zone,
      ],
      [true, 'F. A. M.', '+971 ** *** **67', 'f***@d***.ae', '***-5671', 'ar', null]
    );
  });

  test("unmasked (pii token): the real values and the home zone's name", () => {
    const customer = {
      masked: false,
      name: 'Fatima Al Mansoori',
      phone: '+971 50 123 4567',
      email: 'fatima@dubai.gov.ae',
      national_id: '784-1990-1234567-1',
      language: 'ar',
      home_zone: { code: '332', name: 'AL BARSHA FIRST' },
    };
    const row = Object.fromEntries(
      requestFrames(detail({ customer }), 'A', 'en')[0].fields.map((f) => [f.name, f.values[0]])
    );
    assert.deepEqual(
      [row.customer_masked, row.customer_name, row.customer_home_zone],
      [false, 'Fatima Al Mansoori', 'AL BARSHA FIRST']
    );
  });

  test('no customer: the customer columns are there, empty', () => {
    const [request] = requestFrames(detail({ customer: null }), 'A', 'en');
    assert.deepEqual(byName(request, 'customer_name').values, [null]);
    assert.deepEqual(byName(request, 'customer_masked').values, [null]);
  });

  test('the journey: one row per event in the order given, time first (type time), kinds and statuses named', () => {
    const [, journey] = requestFrames(detail(), 'A', 'en');
    assert.deepEqual(
      journey.fields.map((f) => [f.name, f.type]),
      [
        ['time', 'time'],
        ['kind', 'string'],
        ['from_status', 'string'],
        ['to_status', 'string'],
        ['stage', 'string'],
        ['progress_pct', 'number'],
        ['advisor', 'string'],
        ['actor', 'string'],
        ['note', 'string'],
      ]
    );
    assert.deepEqual(byName(journey, 'time').values, [
      '2026-11-01T08:00:00.000Z',
      '2026-11-01T08:20:00.000Z',
      '2026-11-02T10:00:00.000Z',
    ]);
    assert.deepEqual(byName(journey, 'kind').values, ['Received', 'Assigned', 'Stage change']);
    assert.deepEqual(byName(journey, 'from_status').values, [null, 'Received', 'Assigned']);
    assert.deepEqual(byName(journey, 'progress_pct').values, [0, 10, 55]);
    assert.deepEqual(byName(journey, 'note').values, [null, null, 'Site visited']);
  });

  test('display names and frame names in Arabic; an unknown event kind or SLA state is shown as its code', () => {
    const d = detail({
      journey: [{ ...detail().journey[0], kind: 'escalated' }],
      sla: { ...detail().sla, clock: null, sla_state: 'frozen' },
    });
    const [request, journey] = requestFrames(d, 'A', 'ar');
    assert.deepEqual([request.name, journey.name], ['الطلب', 'مسار الطلب']);
    assert.equal(byName(request, 'reference').config.displayName, 'الرقم المرجعي');
    assert.equal(byName(journey, 'time').config.displayName, 'الوقت');
    assert.deepEqual(byName(journey, 'kind').values, ['escalated']);
    assert.deepEqual(byName(request, 'sla_state').values, ['frozen']);
    for (const f of [...request.fields, ...journey.fields]) {
      assert.match(f.config?.displayName ?? '', /[\u0600-\u06FF]/, f.name);
    }
  });

  test('every field has an English display name', () => {
    const [request, journey] = requestFrames(detail(), 'A', 'en');
    for (const f of [...request.fields, ...journey.fields]) {
      assert.match(f.config?.displayName ?? '', /^[A-Z]/, f.name);
    }
  });
});

describe('noticeFrame', () => {
  test('no fields, one info notice with the text', () => {
    assert.deepEqual(noticeFrame('A', 'Type a reference'), {
      name: 'notice',
      refId: 'A',
      meta: { notices: [{ severity: 'info', text: 'Type a reference' }] },
      fields: [],
    });
  });
});
