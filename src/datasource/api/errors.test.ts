import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { bodyMessage, toAggregatorError } from './errors.ts';

describe('toAggregatorError', () => {
  test("a 400 carries the aggregator's own message and the details with their paths", () => {
    const e = toAggregatorError({
      status: 400,
      data: {
        error: 'unknown metric "recieved"',
        details: [{ path: 'targets[0].metric', message: 'one of received, closed' }],
      },
    });
    assert.equal(e.kind, 'bad-request');
    assert.equal(e.message, 'unknown metric "recieved" (targets[0].metric: one of received, closed)');
  });

  test('503 (database unavailable) says to retry', () => {
    const e = toAggregatorError({ status: 503, data: { error: 'the database is unavailable; retry shortly' } });
    assert.equal(e.kind, 'unavailable');
    assert.match(e.message, /cannot answer right now: the database is unavailable/);
  });

  test('a cancelled request (superseded by a newer one) is marked as such', () => {
    assert.equal(toAggregatorError({ cancelled: true }).kind, 'cancelled');
    const empty = new Error('no elements in sequence');
    empty.name = 'EmptyError';
    assert.equal(toAggregatorError(empty).kind, 'cancelled');
  });

  test('an unexpected status keeps its number and text, never an object dump', () => {
    const e = toAggregatorError({
      status: 500,
      statusText: 'Internal Server Error',
      data: { error: 'internal error' },
    });
    assert.equal(e.message, 'The aggregator answered HTTP 500 Internal Server Error: internal error.');
    assert.doesNotMatch(e.message, /\[object/);
  });
});

describe('bodyMessage', () => {
  test("reads {error}, Grafana's {message}, and short plain text; ignores HTML pages", () => {
    assert.equal(bodyMessage({ error: 'x' }), 'x');
    assert.equal(bodyMessage({ message: 'Bad Gateway' }), 'Bad Gateway');
    assert.equal(bodyMessage('nope'), 'nope');
    assert.equal(bodyMessage('<html>502</html>'), undefined);
    assert.equal(bodyMessage(undefined), undefined);
  });
});
