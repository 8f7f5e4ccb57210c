import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { CategoryMix, ChannelMix, TopicMix, channelShares } from './mix.ts';
import { Prng } from './prng.ts';

const CHANNELS = [
  'website',
  'social_media',
  'call_centre',
  'whatsapp',
  'virtual_assistant',
  'open311',
  'import',
  'walk_in',
];

test('WhatsApp and the virtual assistant grow year by year while the call centre shrinks', () => {
  const [y0, y2] = [channelShares(0), channelShares(2)];
  assert.ok(y2.whatsapp > y0.whatsapp && y2.virtual_assistant > y0.virtual_assistant);
  assert.ok(y2.call_centre < y0.call_centre);
});

test('no walk-ins at night or at weekends', () => {
  const mix = new ChannelMix(CHANNELS);
  const p = new Prng('c');
  const at = Date.parse('2026-06-01T00:00:00Z');
  for (let i = 0; i < 3000; i++) {
    assert.notEqual(mix.pick(p, at, 2, false), 'walk_in');
    assert.notEqual(mix.pick(p, at, 10, true), 'walk_in');
  }
});

test('beaches are mostly about beach cleanliness; inquiries come with customer-service topics', () => {
  const topics = new TopicMix([
    'environment.beach_cleanliness',
    'waste.overflowing_bin',
    'customer_service.general',
    'parks.damaged_facility',
  ]);
  const p = new Prng('t');
  const beach = Array.from({ length: 2000 }, () => topics.pick(p, 'beach', false));
  assert.ok(beach.filter((t) => t === 'environment.beach_cleanliness').length > 1000);
  const categories = new CategoryMix([
    'inquiry',
    'report',
    'observation',
    'complaint',
    'service_request',
    'suggestion',
  ]);
  const inquiries = Array.from({ length: 1000 }, () => categories.pick(p, 'customer_service.general')).filter(
    (c) => c === 'inquiry'
  ).length;
  assert.ok(inquiries > 600);
});
