import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { copyValue } from './copy-text.ts';

test('NULL, numbers and plain text', () => {
  assert.equal(copyValue(null), '\\N');
  assert.equal(copyValue(undefined), '\\N');
  assert.equal(copyValue(55.25), '55.25');
  assert.equal(copyValue('حاوية ممتلئة, again'), 'حاوية ممتلئة, again');
});

test('backslash, tab and line breaks are escaped', () => {
  assert.equal(copyValue('a\\b\tc\nd\re'), 'a\\\\b\\tc\\nd\\re');
});
