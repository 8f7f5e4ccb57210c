import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { statusClassesFor, statusNotes, toOpen311Status } from './status-map.ts';

test('open statuses stay open; resolved, closed and cancelled are closed', () => {
  assert.equal(toOpen311Status('open'), 'open');
  assert.equal(toOpen311Status('closed'), 'closed');
  assert.equal(toOpen311Status('cancelled'), 'closed');
});

test('the closed filter covers cancelled requests too', () => {
  assert.deepEqual(statusClassesFor('open'), ['open']);
  assert.deepEqual(statusClassesFor('closed'), ['closed', 'cancelled']);
});

test('notes name the status and the stage when the stage says more', () => {
  assert.equal(statusNotes('In progress', 'Field visit'), 'In progress — Field visit');
  assert.equal(statusNotes('In progress', 'In progress'), 'In progress');
  assert.equal(statusNotes('Assigned', 'Assigned to a team'), 'Assigned to a team');
  assert.equal(statusNotes('قيد التنفيذ', 'زيارة ميدانية'), 'قيد التنفيذ — زيارة ميدانية');
  assert.equal(statusNotes('Received', null), 'Received');
});
