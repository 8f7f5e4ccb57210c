import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyArray, copyLine, copyValue } from './copy-text.ts';

test('NULL, numbers and plain text', () => {
  assert.equal(copyValue(null), '\\N');
  assert.equal(copyValue(undefined), '\\N');
  assert.equal(copyValue(55.25), '55.25');
  assert.equal(copyValue('حاوية ممتلئة, again'), 'حاوية ممتلئة, again');
});

test('backslash, tab and line breaks are escaped', () => {
  assert.equal(copyValue('a\\b\tc\nd\re'), 'a\\\\b\\tc\\nd\\re');
});

test('arrays of codes, with NULL elements', () => {
  assert.equal(copyArray(['received', null, 10, '2026-10-01T10:00:00+04:00']), '{received,NULL,10,2026-10-01T10:00:00+04:00}');
  assert.throws(() => copyArray(['a b']));
  assert.throws(() => copyArray(['null']));
});

test('a line is tab-separated and ends with a line break', () => {
  assert.equal(copyLine(['1', '\\N', 'x']), '1\t\\N\tx\n');
});
