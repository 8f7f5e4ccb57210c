import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { compileValues } from './value-map.ts';

test('values match as written, trimmed, then ignoring case', () => {
  const status = compileValues({ open: 'received', 'In Progress': 'in_progress', Closed: 'closed' });
  assert.equal(status('open'), 'received');
  assert.equal(status('OPEN'), 'received');
  assert.equal(status(' in progress '), 'in_progress');
  assert.equal(status('closed'), 'closed');
  assert.equal(status('Duplicate'), 'Duplicate', 'without "*" a value not listed passes unchanged');
});

test('"*" sends every value not listed to a default', () => {
  const topic = compileValues({ 'Pothole in Street': 'streets.pothole', '*': 'general.other' });
  assert.equal(topic('pothole in street'), 'streets.pothole');
  assert.equal(topic('Alley Light Out'), 'general.other');
});

test('"*": null sends them to none, and a listed value may map to none', () => {
  const topic = compileValues({ 'Pothole in Street': 'streets.pothole', 'Test Ticket': null, '*': null });
  assert.equal(topic('Alley Light Out'), null);
  assert.equal(topic('TEST TICKET'), null);
  assert.equal(topic('Pothole in Street'), 'streets.pothole');
});
