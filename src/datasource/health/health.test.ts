import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { toAggregatorError } from '../api/errors.ts';
import { healthFromError, healthFromWhoami, healthWithoutUrl } from './health.ts';

describe('testDatasource messages', () => {
  test('success names the token and its scopes', () => {
    assert.deepEqual(healthFromWhoami({ name: 'grafana', scopes: ['read', 'pii'] }), {
      status: 'success',
      message: 'Connected as grafana with scopes read, pii.',
    });
  });

  test('a valid token without the read scope is an error that says which scope is missing', () => {
    const r = healthFromWhoami({ name: 'ingester', scopes: ['ingest'] });
    assert.equal(r.status, 'error');
    assert.match(r.message, /"ingester" is valid but has only ingest: it needs the "read" scope/);
  });

  test('a token without any scope is an error too', () => {
    assert.match(healthFromWhoami({ name: 'x', scopes: [] }).message, /has no scopes/);
  });

  test('the aggregator down (proxy 502, or no answer) says it cannot be reached', () => {
    for (const err of [
      { status: 502, data: { message: 'Bad Gateway' } },
      { status: 0 },
      new TypeError('Failed to fetch'),
    ]) {
      const r = healthFromError(toAggregatorError(err));
      assert.equal(r.status, 'error');
      assert.match(r.message, /^Cannot reach the Services 360 aggregator/);
    }
  });

  test('401 says the token was rejected', () => {
    const r = healthFromError(
      toAggregatorError({ status: 401, data: { error: 'the token is not valid (unknown or revoked)' } })
    );
    assert.equal(
      r.message,
      'The aggregator rejected the API token (401): it is missing, unknown or revoked. Paste a valid token and save.'
    );
  });

  test('403 says the read scope is missing', () => {
    assert.match(
      healthFromError(toAggregatorError({ status: 403, data: { error: 'this token lacks the "read" scope' } })).message,
      /needs the "read" scope/
    );
  });

  test('no URL configured asks for one', () => {
    assert.match(healthWithoutUrl().message, /Set the aggregator URL/);
  });
});
