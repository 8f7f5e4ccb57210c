import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smallReference } from '../../tests/support/small-reference.ts';
import { ValidationError } from '../http/errors.ts';
import { filterValues, NO_FILTERS, parseRequestFilters, withRequestFilters } from './request-filters.ts';

const ref = smallReference();

test('no filter, empty or "all" means all values', () => {
  assert.deepEqual(parseRequestFilters({}, ref), NO_FILTERS);
  assert.deepEqual(parseRequestFilters({ channel: 'all', zone: '$__all', topic: '' }, ref), NO_FILTERS);
});

test('codes become stored values: zones and advisors by id, status classes by their statuses', () => {
  const f = parseRequestFilters({ zone: '333,332', advisor: 'adv-1', status_class: 'open', channel: ['whatsapp', 'whatsapp'], priority: 'high' }, ref);
  assert.deepEqual(f.zoneIds, [4, 3]);
  assert.deepEqual(f.advisorIds, [7]);
  assert.deepEqual(f.statuses, ['received', 'on_hold']);
  assert.deepEqual(f.channels, ['whatsapp']);
  assert.deepEqual(f.priorities, ['high']);
  assert.equal(filterValues(f).length, 8);
});

test('unknown codes are a 400 naming each', () => {
  assert.throws(() => parseRequestFilters({ channel: 'fax,website', zone: "1' OR 1=1" }, ref), (err: unknown) => {
    assert.ok(err instanceof ValidationError);
    assert.deepEqual(err.details.map((d) => d.path), ['query.zone', 'query.channel']);
    return true;
  });
});

test('only the asked dimensions are read', () => {
  assert.deepEqual(parseRequestFilters({ channel: 'fax' }, ref, ['zone']), NO_FILTERS);
});

test('the shared SQL fragment is spliced where the marker is, with its fixed parameters', () => {
  const text = withRequestFilters('geo/zone_stats_received');
  assert.ok(!text.includes('/* request_filters */'));
  assert.match(text, /r\.channel_code = ANY\(\$4::text\[\]\)/);
  assert.match(text, /r\.priority = ANY\(\$10::text\[\]\)/);
});
