import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { NO_FILTERS } from '../geo/request-filters.ts';
import { hotspotWindow, runAnswers, tableCanFilter } from './hotspots.ts';

const settings = {
  hotspotEpsMetres: 100,
  hotspotMinPoints: 3,
  hotspotWindowDays: 30,
  hotspotSrid: 32640,
  hotspotTableToleranceMs: 900_000,
  hotspotMaxRows: 1000,
};
const to = new Date('2026-06-30T00:00:00Z');
const run = {
  id: 1,
  ...(({ from, to: t }) => ({ window_from: from, window_to: t }))(hotspotWindow(to, 30)),
  eps_m: 100,
  min_points: 3,
  srid: 32640,
  computed_at: to,
};

test('the window is windowDays ending at now', () => {
  assert.deepEqual(hotspotWindow(to, 30), { from: new Date('2026-05-31T00:00:00Z'), to });
});

test('the refreshed run answers for "current", for its window within the tolerance, and not otherwise', () => {
  assert.equal(runAnswers(run, undefined, settings), true);
  assert.equal(runAnswers(run, hotspotWindow(new Date(to.getTime() + 600_000), 30), settings), true);
  assert.equal(runAnswers(run, hotspotWindow(new Date(to.getTime() + 3_600_000), 30), settings), false);
  assert.equal(runAnswers(run, hotspotWindow(to, 7), settings), false);
  assert.equal(
    runAnswers(run, undefined, { ...settings, hotspotEpsMetres: 50 }),
    false,
    'computed with other settings'
  );
});

test('the table can filter by topic, department and zone only', () => {
  assert.equal(tableCanFilter({ ...NO_FILTERS, topics: ['x'], departments: ['y'], zoneIds: [1] }), true);
  assert.equal(tableCanFilter({ ...NO_FILTERS, channels: ['whatsapp'] }), false);
  assert.equal(tableCanFilter({ ...NO_FILTERS, statuses: ['received'] }), false);
});
