import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { METRICS } from '../metrics.ts';
import { metricKind, metricKinds, supportOf } from './registry.ts';

test('every metric has its kind registered under that id', () => {
  for (const [name, metric] of Object.entries(METRICS)) {
    assert.equal(metricKind(metric.kind)?.id, metric.kind, name);
  }
});

test('every registered kind answers some metric, with its steps and a description', () => {
  const used = new Set(Object.values(METRICS).map((m) => m.kind));
  for (const kind of metricKinds()) {
    assert.ok(used.has(kind.id), `${kind.id} answers no metric`);
    assert.equal(typeof kind.plan, 'function', kind.id);
    assert.equal(typeof kind.compute, 'function', kind.id);
    assert.equal(typeof kind.frame, 'function', kind.id);
    assert.ok(kind.description.length > 0, kind.id);
  }
});

test("only the proactive kind checks its answer's size itself", () => {
  assert.deepEqual(
    metricKinds()
      .filter((k) => !k.size)
      .map((k) => k.id),
    ['proactive']
  );
});

test('every metric is given its support by its kind: a format at least, filters over what it groups by', () => {
  for (const [name, metric] of Object.entries(METRICS)) {
    const support = supportOf(metric);
    assert.ok(support.formats.length > 0, name);
    assert.deepEqual(
      support.group_by.filter((d) => !support.filters.includes(d)),
      [],
      name
    );
  }
});
