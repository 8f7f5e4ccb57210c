import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { CallBudget, checkTargetSize, QueryLimitError, type QueryLimits } from './limits.ts';

const LIMITS: QueryLimits = {
  queryMaxPoints: 2000,
  queryMaxSeries: 10,
  queryMaxTargetPoints: 100,
  queryMaxCallPoints: 250,
  queryMaxRows: 1000,
  queryTimeoutMs: 1000,
};
const A = { refId: 'A', path: 'targets[0]' };
const B = { refId: 'B', path: 'targets[1]' };

const refused = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof QueryLimitError);
    return err;
  }
  assert.fail('not refused');
};

test('a target within every limit passes and spends its values', () => {
  const budget = new CallBudget(LIMITS);
  checkTargetSize(A, 10, 10, budget);
  assert.equal(budget.spent, 100);
});

test('too many series: 422 naming S360_QUERY_MAX_SERIES, the target and its groupBy', () => {
  const err = refused(() => checkTargetSize(A, 11, 1, new CallBudget(LIMITS)));
  assert.equal(err.status, 422);
  assert.match(
    err.message,
    /^target "A" \(targets\[0\]\) would return 11 or more series .*S360_QUERY_MAX_SERIES.*group by fewer dimensions or add a filter$/
  );
  assert.deepEqual(
    err.details.map((d) => d.path),
    ['targets[0].groupBy']
  );
});

test('too many values in a target, then in the call', () => {
  assert.match(
    refused(() => checkTargetSize(A, 5, 21, new CallBudget(LIMITS))).message,
    /105 values \(5 series × 21 buckets\).*S360_QUERY_MAX_TARGET_POINTS.*larger interval/
  );
  const budget = new CallBudget(LIMITS);
  checkTargetSize(A, 10, 10, budget);
  checkTargetSize(A, 10, 10, budget);
  const err = refused(() => checkTargetSize(B, 10, 6, budget));
  assert.match(
    err.message,
    /^the call would return 260 or more values over its targets, reached at target "B" \(targets\[1\]\).*S360_QUERY_MAX_CALL_POINTS.*fewer targets/
  );
  assert.deepEqual(
    err.details.map((d) => d.path),
    ['targets[1]']
  );
});
