import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexReference, type ReferenceData } from '../domain/reference.ts';
import { ValidationError } from '../http/errors.ts';
import { bindNamed } from '../db/named-params.ts';
import { filterParams, isUnfiltered, NO_FILTERS, parseRequestFilters, withRequestFilters } from './request-filters.ts';

const named = (code: string) => ({ code, name_en: code, name_ar: code });
const ref = indexReference({
  channels: [named('whatsapp'), named('website')],
  categories: [named('complaint')],
  departments: [{ ...named('waste'), calendar_code: 'field' }],
  topics: [{ ...named('waste.overflowing_bin'), department_code: 'waste', default_priority: 'normal' }],
  statuses: [{ ...named('received'), status_class: 'open' }, { ...named('on_hold'), status_class: 'open' }, { ...named('closed'), status_class: 'closed' }],
  stages: [],
  advisors: [{ id: 7, code: 'adv-1', department_code: 'waste' }],
  zones: [{ id: 3, code: '332' }, { id: 4, code: '333' }],
} as unknown as ReferenceData);

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
  assert.equal(Object.keys(filterParams(f)).length, 8);
  assert.ok(!isUnfiltered(f) && isUnfiltered(NO_FILTERS));
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

test('the shared SQL fragment fills its slot and reads the filters by name, wherever the statement puts them', () => {
  const f = parseRequestFilters({ channel: 'whatsapp', priority: 'high' }, ref);
  const { text, values } = bindNamed(withRequestFilters('geo/zone_stats_received'), { from: new Date(0), to: new Date(1), ...filterParams(f) });
  assert.ok(!text.includes('(:channels::'));
  const channels = /r\.channel_code = ANY\(\$(\d+)::text\[\]\)/.exec(text);
  const priorities = /r\.priority = ANY\(\$(\d+)::text\[\]\)/.exec(text);
  assert.ok(channels && priorities, text);
  assert.deepEqual(values[Number(channels[1]) - 1], ['whatsapp']);
  assert.deepEqual(values[Number(priorities[1]) - 1], ['high']);
  assert.equal(values.length, 10);
});
