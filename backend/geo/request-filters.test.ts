import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { smallReference } from '../../tests/support/small-reference.ts';
import { ValidationError } from '../http/errors.ts';
import { bindNamed } from '../db/named-params.ts';
import { filterParams, isUnfiltered, NO_FILTERS, parseRequestFilters, withRequestFilters } from './request-filters.ts';

const ref = smallReference();

test('no filter, empty or "all" means all values', () => {
  assert.deepEqual(parseRequestFilters({}, ref), NO_FILTERS);
  assert.deepEqual(parseRequestFilters({ channel: 'all', zone: '$__all', topic: '' }, ref), NO_FILTERS);
});

test('codes become stored values: zones and advisors by id, status classes by their statuses', () => {
  const f = parseRequestFilters(
    { zone: '333,332', advisor: 'adv-1', status_class: 'open', channel: ['whatsapp', 'whatsapp'], priority: 'high' },
    ref
  );
  assert.deepEqual(f.zoneIds, [4, 3]);
  assert.deepEqual(f.advisorIds, [7]);
  assert.deepEqual(f.statuses, ['received', 'on_hold']);
  assert.deepEqual(f.channels, ['whatsapp']);
  assert.deepEqual(f.priorities, ['high']);
  assert.equal(Object.keys(filterParams(f)).length, 8);
  assert.ok(!isUnfiltered(f) && isUnfiltered(NO_FILTERS));
});

test('unknown codes are a 400 naming each', () => {
  assert.throws(
    () => parseRequestFilters({ channel: 'fax,website', zone: "1' OR 1=1" }, ref),
    (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.deepEqual(
        err.details.map((d) => d.path),
        ['query.zone', 'query.channel']
      );
      return true;
    }
  );
});

test('only the asked dimensions are read', () => {
  assert.deepEqual(parseRequestFilters({ channel: 'fax' }, ref, ['zone']), NO_FILTERS);
});

test('the shared SQL fragment fills its slot and reads the filters by name, wherever the statement puts them', () => {
  const f = parseRequestFilters({ channel: 'whatsapp', priority: 'high' }, ref);
  const { text, values } = bindNamed(withRequestFilters('geo/zone_stats_received'), {
    from: new Date(0),
    to: new Date(1),
    ...filterParams(f),
  });
  assert.ok(!text.includes('(:channels::'));
  const channels = /r\.channel_code = ANY\(\$(\d+)::text\[\]\)/.exec(text);
  const priorities = /r\.priority = ANY\(\$(\d+)::text\[\]\)/.exec(text);
  assert.ok(channels && priorities, text);
  assert.deepEqual(values[Number(channels[1]) - 1], ['whatsapp']);
  assert.deepEqual(values[Number(priorities[1]) - 1], ['high']);
  assert.equal(values.length, 10);
});
