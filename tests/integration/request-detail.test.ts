// GET /v1/requests/{id|reference}: the request, its journey and SLA clocks; the customer masked without
// the pii scope and unmasked (and audited, in the same transaction) with it; 404/400; scopes; SQL-injection.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { createToken } from '../../backend/auth/tokens.ts';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { rowCounts } from '../support/db.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';

let agg: TestAggregator;
let withCustomer: { id: number; reference: string };
let withoutCustomer: { id: number; reference: string };
let customerId: number;

const CUSTOMER = {
  name: 'Fatima Al Mansoori',
  phone: '+971 50 123 4567',
  email: 'fatima.m@dubai.ae',
  national_id: '784-1985-1234567-1',
  language: 'ar',
};

async function ingest(body: unknown) {
  const res = await agg.call('POST', '/v1/requests', body, agg.tokens.ingest);
  assert.equal(res.status, 201, res.text);
  return { id: res.body.id as number, reference: res.body.reference as string };
}
async function event(id: number, body: unknown) {
  const res = await agg.call('POST', `/v1/requests/${id}/events`, body, agg.tokens.ingest);
  assert.equal(res.status, 201, res.text);
}
async function auditRows() {
  return (
    await agg.db.pool.query(
      'SELECT token_id, token_name, action, subject, subject_id, detail FROM audit_log ORDER BY id'
    )
  ).rows;
}
async function detail(path: string, token: string) {
  const res = await agg.call('GET', path, undefined, token);
  assert.equal(res.status, 200, `${path}: ${res.text}`);
  return res;
}

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  await agg.db.pool.query(
    `INSERT INTO advisors (code, name, department_code) VALUES ('W-01', 'Amna Al Suwaidi', 'waste')`
  );
  // A complaint created on Thursday 26 November 2026, 14:00 Dubai time (the field calendar: Mon–Thu 07:30–15:30,
  // Fri 07:30–12:00; 1–3 December are holidays).
  withCustomer = await ingest(
    sampleRequest({
      external_id: 'detail-1',
      address: 'Street 12, Al Barsha',
      customer: CUSTOMER,
      created_at: '2026-11-26T14:00:00+04:00',
    })
  );
  await event(withCustomer.id, {
    status: 'assigned',
    advisor: 'W-01',
    actor: 'dispatcher',
    occurred_at: '2026-11-26T14:30:00+04:00',
  });
  await event(withCustomer.id, {
    stage: 'field_visit',
    actor: 'field team',
    note: 'Team on site',
    occurred_at: '2026-11-27T09:00:00+04:00',
  });
  withoutCustomer = await ingest(sampleRequest({ external_id: 'detail-2', customer: undefined }));
  customerId = (await agg.db.pool.query('SELECT customer_id FROM requests WHERE id = $1', [withCustomer.id])).rows[0]
    .customer_id;
});
afterAll(async () => {
  await agg?.stop();
});

describe('the request and its journey', () => {
  test('the request with names, location, times and the journey in order', async () => {
    const { body } = await detail(`/v1/requests/${withCustomer.id}`, agg.tokens.read);
    assert.equal(body.reference, withCustomer.reference);
    assert.deepEqual(body.channel, { code: 'whatsapp', name: 'WhatsApp' });
    assert.deepEqual(body.category, { code: 'complaint', name: 'Complaint' });
    assert.deepEqual(body.topic, { code: 'waste.overflowing_bin', name: 'Overflowing bin' });
    assert.deepEqual(body.department, { code: 'waste', name: 'Waste Management' });
    assert.deepEqual(body.zone, { code: 'G1', name: 'Grid 1', kind: 'community' });
    assert.deepEqual(body.priority, { code: 'normal', name: 'Normal' });
    assert.deepEqual(body.status, { code: 'in_progress', name: 'In progress', class: 'open' });
    assert.deepEqual(body.stage, { code: 'field_visit', name: 'Field visit' });
    assert.equal(body.progress_pct, 55);
    assert.deepEqual(body.advisor, { code: 'W-01', name: 'Amna Al Suwaidi' });
    assert.equal(body.address, 'Street 12, Al Barsha');
    assert.equal(body.description, 'Bin overflowing since yesterday');
    assert.deepEqual(body.location, { lon: 55.15, lat: 25.15 });
    assert.equal(body.created_at, '2026-11-26T10:00:00.000Z');
    assert.equal(body.first_response_at, '2026-11-27T05:00:00.000Z');
    assert.equal(body.resolved_at, null);
    assert.equal(body.satisfaction, null);

    assert.deepEqual(
      body.journey.map((e: any) => e.kind),
      ['received', 'assigned', 'stage']
    );
    const [received, assigned, visit] = body.journey;
    assert.equal(received.from_status, null);
    assert.deepEqual(received.to_status, { code: 'received', name: 'Received', class: 'open' });
    assert.equal(received.occurred_at, '2026-11-26T10:00:00.000Z');
    assert.deepEqual(assigned.from_status, { code: 'received', name: 'Received', class: 'open' });
    assert.deepEqual(assigned.advisor, { code: 'W-01', name: 'Amna Al Suwaidi' });
    assert.equal(assigned.actor, 'dispatcher');
    assert.deepEqual(visit.stage, { code: 'field_visit', name: 'Field visit' });
    assert.equal(visit.progress_pct, 55);
    assert.equal(visit.note, 'Team on site');
    assert.equal(visit.occurred_at, '2026-11-27T05:00:00.000Z');
    assert.ok(Date.parse(visit.recorded_at) > 0);
  });

  test('by reference number the same as by id', async () => {
    const byId = await detail(`/v1/requests/${withCustomer.id}`, agg.tokens.read);
    const byRef = await detail(`/v1/requests/${withCustomer.reference}`, agg.tokens.read);
    const strip = (b: any) => ({ ...b, sla: { ...b.sla, clock: null } });
    assert.deepEqual(strip(byRef.body), strip(byId.body));
  });

  test('names in Arabic', async () => {
    const { body } = await detail(`/v1/requests/${withCustomer.reference}?language=ar`, agg.tokens.read);
    assert.equal(body.channel.name, 'واتساب');
    assert.equal(body.zone.name, 'شبكة 1');
    assert.equal(body.status.name, 'قيد التنفيذ');
    assert.equal(body.journey[2].stage.name, 'زيارة ميدانية');
    assert.equal(body.sla.policy.calendar.name, 'ساعات العمل الميداني');
  });

  test('SLA clocks: the policy, the stored fields, and the live clock worked by hand', async () => {
    const { body } = await detail(`/v1/requests/${withCustomer.id}`, agg.tokens.read);
    assert.equal(body.sla.policy.code, 'complaint');
    assert.equal(body.sla.policy.first_response_minutes, 240);
    assert.equal(body.sla.policy.resolution_minutes, 2400);
    assert.deepEqual(body.sla.policy.calendar, { code: 'field', name: 'Field working hours' });
    for (const k of ['first_response_due_at', 'resolution_due_at', 'sla_state', 'sla_evaluated_at']) {
      assert.ok(k in body.sla, k);
    }
    const clock = body.sla.clock;
    // First response, 240 business minutes: Thu 14:00–15:30 (90), Fri 07:30 + 150 → Fri 27 Nov 10:00 Dubai.
    // Answered Fri 09:00: 90 + 90 = 180 of 240 minutes.
    assert.equal(clock.first_response.due_at, '2026-11-27T06:00:00.000Z');
    assert.equal(clock.first_response.status, 'met');
    assert.equal(clock.first_response.done_at, '2026-11-27T05:00:00.000Z');
    assert.equal(clock.first_response.business_elapsed_pct, 75);
    // Resolution, 40 business hours: Thu 1.5, Fri 4.5, Mon 30 Nov 8 (14); 1–3 Dec holidays; Fri 4 Dec 4.5 (18.5);
    // Mon 7 and Tue 8 Dec 16 (34.5); Wed 9 Dec 07:30 + 5.5 h = 13:00 Dubai.
    assert.equal(clock.resolution.due_at, '2026-12-09T09:00:00.000Z');
    assert.equal(clock.resolution.done_at, null);
    assert.ok(['in_progress', 'warning', 'breached'].includes(clock.state), clock.state);
    assert.ok(Math.abs(Date.parse(clock.evaluated_at) - Date.now()) < 60_000);
  });
});

describe('personal data', () => {
  test('without pii the customer is masked, and the read is not audited', async () => {
    const before = await auditRows();
    const res = await detail(`/v1/requests/${withCustomer.id}`, agg.tokens.read);
    assert.deepEqual(res.body.customer, {
      masked: true,
      name: 'F. A. M.',
      phone: '+971 ** *** **67',
      email: 'f***@d***.ae',
      national_id: '***-5671',
      language: 'ar',
      home_zone: null,
    });
    for (const secret of ['Fatima', 'Mansoori', '123 4567', 'fatima.m', 'dubai.ae', '1234567']) {
      assert.ok(!res.text.includes(secret), secret);
    }
    assert.deepEqual(await auditRows(), before);
  });

  test('with pii the customer is unmasked and the read audited exactly once', async () => {
    const before = (await auditRows()).length;
    const res = await detail(`/v1/requests/${withCustomer.reference}`, agg.tokens.pii);
    assert.deepEqual(res.body.customer, { masked: false, ...CUSTOMER, home_zone: { code: 'G1', name: 'Grid 1' } });
    const rows = await auditRows();
    assert.equal(rows.length, before + 1);
    const tokenId = (await agg.db.pool.query(`SELECT id FROM api_tokens WHERE name = 'test-pii'`)).rows[0].id;
    const row = rows.at(-1);
    assert.equal(row.token_id, tokenId);
    assert.equal(row.token_name, 'test-pii');
    assert.equal(row.action, 'read_pii');
    assert.equal(row.subject, 'customer');
    assert.equal(row.subject_id, String(customerId));
    assert.equal(row.detail.reference, withCustomer.reference);
    assert.equal(row.detail.request_id, withCustomer.id);

    await detail(`/v1/requests/${withCustomer.id}`, agg.tokens.pii);
    assert.equal((await auditRows()).length, before + 2, 'one row per read');
  });

  test('with pii, a request without a customer reads no personal data and writes no audit row', async () => {
    const before = (await auditRows()).length;
    const res = await detail(`/v1/requests/${withoutCustomer.id}`, agg.tokens.pii);
    assert.equal(res.body.customer, null);
    assert.equal((await auditRows()).length, before);
  });

  test('when the audit row cannot be written, the personal data is not returned', async () => {
    await agg.db.pool.query(`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$;
      CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit();`);
    try {
      const before = await auditRows();
      const res = await agg.call('GET', `/v1/requests/${withCustomer.id}`, undefined, agg.tokens.pii);
      assert.equal(res.status, 500, res.text);
      for (const secret of ['Fatima', '4567', 'fatima.m', 'audit refused']) {
        assert.ok(!res.text.includes(secret), secret);
      }
      assert.deepEqual(await auditRows(), before);
      // A masked read writes nothing, so it still works.
      assert.equal((await agg.call('GET', `/v1/requests/${withCustomer.id}`, undefined, agg.tokens.read)).status, 200);
    } finally {
      await agg.db.pool.query('DROP TRIGGER test_refuse_audit ON audit_log; DROP FUNCTION test_refuse_audit()');
    }
  });
});

describe('errors and scopes', () => {
  async function rejected(path: string, status: number, token: string | null = agg.tokens.read) {
    const res = await agg.call('GET', path, undefined, token);
    assert.equal(res.status, status, `${path}: ${res.text}`);
    assert.equal(typeof res.body.error, 'string');
    return res.body as { error: string; details: Array<{ path: string; message: string }> };
  }

  test('an unknown id or reference is a 404', async () => {
    assert.equal((await rejected('/v1/requests/999999', 404)).details[0].path, 'path.id');
    await rejected('/v1/requests/0', 404);
    await rejected('/v1/requests/S360-000999999', 404);
  });

  test('a malformed id is a 400', async () => {
    for (const id of ['abc', 'S360-42', '12.5', '-1', 's360-000000001', '1234567890123456', '1%2F2']) {
      assert.equal((await rejected(`/v1/requests/${id}`, 400)).details[0].path, 'path.id', id);
    }
  });

  test('a bad language or an unknown parameter is a 400', async () => {
    assert.equal(
      (await rejected(`/v1/requests/${withCustomer.id}?language=xx`, 400)).details[0].path,
      'query.language'
    );
    assert.equal((await rejected(`/v1/requests/${withCustomer.id}?unmask=1`, 400)).details[0].path, 'query.unmask');
  });

  test('no token is a 401; a token without read a 403, even one with pii', async () => {
    await rejected(`/v1/requests/${withCustomer.id}`, 401, null);
    assert.match((await rejected(`/v1/requests/${withCustomer.id}`, 403, agg.tokens.ingest)).error, /read/);
    const piiOnly = (await createToken(agg.db.pool, 'test-pii-only', ['pii'])).token;
    const before = await auditRows();
    await rejected(`/v1/requests/${withCustomer.id}`, 403, piiOnly);
    assert.deepEqual(await auditRows(), before);
  });

  test('SQL-injection strings in the id and every parameter: only 4xx, nothing changed', async () => {
    const before = await rowCounts(agg.db.pool);
    const attacks = [
      `' OR 1=1 --`,
      `1; DROP TABLE requests`,
      `%' UNION SELECT name, phone FROM customers --`,
      `1 OR 1=1`,
      `S360-000000001' OR '1'='1`,
      `1); DELETE FROM audit_log; --`,
    ];
    for (const attack of attacks) {
      const enc = encodeURIComponent(attack);
      for (const path of [
        `/v1/requests/${enc}`,
        `/v1/requests/${withCustomer.id}?language=${enc}`,
        `/v1/requests/${withCustomer.id}?${enc}=1`,
      ]) {
        for (const token of [agg.tokens.read, agg.tokens.pii]) {
          const res = await agg.call('GET', path, undefined, token);
          assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status} ${res.text}`);
          assert.ok(!res.text.includes('Fatima'), 'no personal data in an error');
        }
      }
    }
    assert.deepEqual(await rowCounts(agg.db.pool), before);
  });
});
