import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { acceptsGzip, gzipEtag, matchesIfNoneMatch } from './zones-geojson.ts';

test('gzip is accepted unless absent or q=0', () => {
  assert.equal(acceptsGzip('gzip, deflate, br'), true);
  assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.8'), true);
  assert.equal(acceptsGzip('*'), true);
  assert.equal(acceptsGzip('gzip;q=0'), false);
  assert.equal(acceptsGzip('identity'), false);
  assert.equal(acceptsGzip(undefined), false);
});

test('If-None-Match matches either representation of the document, or *', () => {
  const etag = '"z10-abc"';
  assert.equal(gzipEtag(etag), '"z10-abc-gz"');
  assert.equal(matchesIfNoneMatch('"z10-abc"', etag), true);
  assert.equal(matchesIfNoneMatch('"other", "z10-abc-gz"', etag), true);
  assert.equal(matchesIfNoneMatch('W/"z10-abc"', etag), true);
  assert.equal(matchesIfNoneMatch('*', etag), true);
  assert.equal(matchesIfNoneMatch('"z10-abd"', etag), false);
  assert.equal(matchesIfNoneMatch(undefined, etag), false);
});
