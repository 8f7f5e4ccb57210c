import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Prng, Weighted, apportion, hash32 } from './prng.ts';

test('the same seed gives the same numbers; another seed or label others', () => {
  const draw = (p: Prng) => Array.from({ length: 5 }, () => p.next());
  assert.deepEqual(draw(new Prng('42')), draw(new Prng('42')));
  assert.notDeepEqual(draw(new Prng('42')), draw(new Prng('43')));
  assert.notDeepEqual(draw(new Prng('42')), draw(new Prng('42').fork('x')));
  assert.equal(hash32('abc'), hash32('abc'));
});

test('forks are independent of how much the parent drew', () => {
  const a = new Prng('s');
  const b = new Prng('s');
  for (let i = 0; i < 1000; i++) {
    b.next();
  }
  assert.equal(a.fork('requests').next(), b.fork('requests').next());
});

test('draws stay in range and look uniform', () => {
  const p = new Prng('range');
  let sum = 0;
  for (let i = 0; i < 20_000; i++) {
    const f = p.float();
    assert.ok(f >= 0 && f < 1);
    const n = p.int(3, 5);
    assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
    sum += f;
  }
  assert.ok(Math.abs(sum / 20_000 - 0.5) < 0.01);
  const normals = Array.from({ length: 20_000 }, () => p.normal());
  const mean = normals.reduce((a, b) => a + b) / normals.length;
  const sd = Math.sqrt(normals.reduce((a, x) => a + (x - mean) ** 2, 0) / normals.length);
  assert.ok(Math.abs(mean) < 0.03 && Math.abs(sd - 1) < 0.03, `${mean} ${sd}`);
});

test('Weighted picks in proportion to the weights and never a zero weight', () => {
  const w = new Weighted(['a', 'b', 'c'], [1, 3, 0]);
  const p = new Prng('w');
  const n = { a: 0, b: 0, c: 0 };
  for (let i = 0; i < 40_000; i++) {
    n[w.pick(p) as 'a' | 'b' | 'c']++;
  }
  assert.equal(n.c, 0);
  assert.ok(Math.abs(n.b / n.a - 3) < 0.15, JSON.stringify(n));
  assert.throws(() => new Weighted(['a'], [0]), /positive total/);
  assert.throws(() => new Weighted(['a'], [-1]), /non-negative/);
});

test('apportion splits exactly, by largest remainder', () => {
  assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
  assert.deepEqual(apportion(7, [0.5, 0.25, 0.25]), [3, 2, 2]);
  const parts = apportion(
    1_000_003,
    Array.from({ length: 97 }, (_, i) => i + 1)
  );
  assert.equal(
    parts.reduce((a, b) => a + b),
    1_000_003
  );
});
