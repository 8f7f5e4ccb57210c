import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { TestTemplateSrv } from '../../test-support/template-srv.ts';
import { interpolateScalar, interpolateValues, isUnresolved, variableName } from './interpolate.ts';

const tpl = new TestTemplateSrv([
  { name: 'zone', current: ['332', '333'], options: ['331', '332', '333'], multi: true },
  { name: 'channel', current: '$__all', options: ['whatsapp', 'website'], multi: true },
  { name: 'department', current: '$__all', options: ['waste', 'health'], allValue: 'all' },
  { name: 'topic', current: '$__all', options: ['a', 'b'], allValue: '.*' },
  { name: 'one', current: 'waste' },
  { name: 'odd', current: ['a,b', 'c d'], multi: true },
  { name: 'lang', current: 'ar' },
]);

describe('variableName', () => {
  test('recognises every Grafana syntax for a lone variable, and nothing else', () => {
    assert.equal(variableName('$zone'), 'zone');
    assert.equal(variableName('${zone}'), 'zone');
    assert.equal(variableName('${zone:csv}'), 'zone');
    assert.equal(variableName('[[zone]]'), 'zone');
    assert.equal(variableName('332'), undefined);
    assert.equal(variableName('zone-$zone'), undefined);
  });
});

describe('isUnresolved', () => {
  test('true for a lone variable left by interpolation, false for codes and text around a variable', () => {
    assert.equal(isUnresolved('$zone'), true);
    assert.equal(isUnresolved('[[zone]]'), true);
    assert.equal(isUnresolved('${zone:json}'), true);
    assert.equal(isUnresolved('S360-000000042'), false);
    assert.equal(isUnresolved('a$b c'), false);
    assert.equal(isUnresolved(undefined), false);
  });
});

describe('interpolateValues (filters)', () => {
  test('a multi-value variable becomes one code per selected value', () => {
    assert.deepEqual(interpolateValues(['$zone'], undefined, tpl), ['332', '333']);
  });

  test('All without a custom all value becomes the API\'s "all", not the list of every option', () => {
    assert.deepEqual(interpolateValues(['$channel'], undefined, tpl), ['all']);
  });

  test('All with a custom all value (even one that is not "all") becomes "all"', () => {
    assert.deepEqual(interpolateValues(['${department}'], undefined, tpl), ['all']);
    assert.deepEqual(interpolateValues(['$topic'], undefined, tpl), ['all']);
  });

  test('"all" among other values wins: the filter means every value', () => {
    assert.deepEqual(interpolateValues(['332', '$channel'], undefined, tpl), ['all']);
  });

  test('codes with commas or spaces survive (values come from the json format, not csv)', () => {
    assert.deepEqual(interpolateValues(['$odd'], undefined, tpl), ['a,b', 'c d']);
  });

  test('literal codes stay as written; duplicates and blanks go', () => {
    assert.deepEqual(interpolateValues(['332', ' ', '332', '$one'], undefined, tpl), ['332', 'waste']);
  });

  test('scoped variables (repeated panels) take precedence over the dashboard value', () => {
    assert.deepEqual(interpolateValues(['$zone'], { zone: { text: 'AL BARSHA', value: '339' } }, tpl), ['339']);
  });

  test('a variable this dashboard does not define ($name, ${name}, ${name:csv}, [[name]]) means all, it is not sent', () => {
    for (const v of ['$nope', '${nope}', '${nope:csv}', '[[nope]]']) {
      assert.deepEqual(interpolateValues([v], undefined, tpl), ['all'], v);
    }
  });

  test('an unresolved variable beside codes makes the whole filter all (as All does)', () => {
    assert.deepEqual(interpolateValues(['332', '$nope'], undefined, tpl), ['all']);
  });

  test('a value that interpolates to a lone unresolved variable also means all', () => {
    const nested = new TestTemplateSrv([{ name: 'alias', current: '$nope' }]);
    assert.deepEqual(interpolateValues(['$alias'], undefined, nested), ['all']);
  });

  test('defined variables resolve as before (the unresolved rule does not touch them)', () => {
    assert.deepEqual(interpolateValues(['$one'], undefined, tpl), ['waste']);
    assert.deepEqual(interpolateValues(['$zone'], undefined, tpl), ['332', '333']);
  });
});

describe('interpolateScalar', () => {
  test('takes the first value of a multi-value variable and leaves plain text alone', () => {
    assert.equal(interpolateScalar('$zone', undefined, tpl), '332');
    assert.equal(interpolateScalar('$lang', undefined, tpl), 'ar');
    assert.equal(interpolateScalar('received', undefined, tpl), 'received');
    assert.equal(interpolateScalar(undefined, undefined, tpl), undefined);
  });

  test("$__interval comes from the request's scoped variables", () => {
    const scoped = { __interval: { text: '15m', value: '15m' }, __interval_ms: { text: '900000', value: 900000 } };
    assert.equal(interpolateScalar('$__interval', scoped, tpl), '15m');
    assert.equal(interpolateScalar('${__interval_ms}', scoped, tpl), '900000');
  });
});
