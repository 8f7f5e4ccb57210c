import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { SlaPolicies, type SlaPolicy } from './sla-policy.ts';

const policy = (id: number, over: Partial<SlaPolicy>): SlaPolicy => ({
  id,
  category_code: null,
  topic_code: null,
  priority: null,
  first_response_minutes: 60,
  resolution_minutes: 600,
  calendar_code: '24x7',
  valid_from: 0,
  valid_to: null,
  version: 1,
  ...over,
});

test('the most specific valid policy wins: topic, then priority, then category, then version', () => {
  const p = new SlaPolicies([
    policy(1, { category_code: 'report' }),
    policy(2, { priority: 'urgent' }),
    policy(3, { topic_code: 'drain' }),
    policy(4, { category_code: 'report', version: 2, valid_from: 1000 }),
    policy(5, { category_code: 'report', version: 3, valid_from: 0, valid_to: 500 }),
  ]);
  assert.equal(p.choose('report', 'bin', 'normal', 100)?.id, 5, 'newest version valid then');
  assert.equal(p.choose('report', 'bin', 'normal', 600)?.id, 1);
  assert.equal(p.choose('report', 'bin', 'normal', 2000)?.id, 4);
  assert.equal(p.choose('report', 'bin', 'urgent', 2000)?.id, 2, 'priority beats category');
  assert.equal(p.choose('report', 'drain', 'urgent', 2000)?.id, 3, 'topic beats priority');
  assert.equal(p.choose('inquiry', 'bin', 'low', 2000), null);
});

test('a channel policy beats a kind policy, and loses to a priority policy (the order of ingest/sla_policy_of.sql)', () => {
  const p = new SlaPolicies([
    policy(1, { category_code: 'report' }),
    policy(2, { category_code: 'report', channel_code: 'whatsapp' }),
    policy(3, { priority: 'urgent' }),
  ]);
  assert.equal(p.choose('report', 'bin', 'normal', 100, 'whatsapp')?.id, 2);
  assert.equal(p.choose('report', 'bin', 'normal', 100, 'website')?.id, 1);
  assert.equal(p.choose('report', 'bin', 'normal', 100)?.id, 1, 'no channel given: only channel-less policies');
  assert.equal(p.choose('report', 'bin', 'urgent', 100, 'whatsapp')?.id, 3);
});
