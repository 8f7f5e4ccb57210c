import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { smallReference } from '../../tests/support/small-reference.ts';
import { NO_FILTERS, parseRequestFilters } from '../geo/request-filters.ts';
import { asRequestFilters, filtersOfRequest } from './target-filters.ts';

const ref = smallReference();

test("a route's filters become the query's: zones and advisors by id, statuses back to their classes", () => {
  const route = parseRequestFilters(
    { zone: '333', advisor: 'adv-1', status_class: 'open,closed', channel: 'whatsapp', priority: 'high' },
    ref
  );
  assert.deepEqual(filtersOfRequest(route, ref), {
    zone: [4],
    advisor: [7],
    channel: ['whatsapp'],
    priority: ['high'],
    status_class: ['open', 'closed'],
  });
});

test('no route filter is no query filter', () => {
  assert.deepEqual(filtersOfRequest(NO_FILTERS, ref), {});
});

test('a status class without statuses matches nothing either way', () => {
  const route = parseRequestFilters({ status_class: 'cancelled' }, ref);
  assert.deepEqual(route.statuses, []);
  assert.deepEqual(filtersOfRequest(route, ref), { status_class: [] });
});

test('the two shapes go back and forth unchanged', () => {
  const route = parseRequestFilters(
    {
      zone: '332,333',
      topic: 'waste.overflowing_bin',
      department: 'waste',
      status_class: 'closed',
      category: 'complaint',
    },
    ref
  );
  assert.deepEqual(asRequestFilters(filtersOfRequest(route, ref), ref), route);
});
