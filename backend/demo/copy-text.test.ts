import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { copyText, copyTime } from './copy-text.ts';

test('copyTime writes whole seconds fast and exactly, anything else via ISO', () => {
  for (const iso of ['2026-11-29T06:00:00Z', '1999-12-31T23:59:59Z', '2024-02-29T00:00:01Z', '1969-12-31T23:59:59Z']) {
    const ms = Date.parse(iso);
    assert.equal(Date.parse(copyTime(ms).replace(' ', 'T').replace('+00', 'Z')), ms, iso);
  }
  assert.equal(copyTime(Date.parse('2026-11-29T06:07:08Z')), '2026-11-29 06:07:08+00');
  assert.equal(copyTime(Date.parse('2026-11-29T06:07:08.5Z')), '2026-11-29T06:07:08.500Z');
});

test('copyText escapes what COPY text format treats specially', () => {
  assert.equal(copyText('plain عربي'), 'plain عربي');
  assert.equal(copyText('a\\b\tc\nd\re'), 'a\\\\b\\tc\\nd\\re');
});
