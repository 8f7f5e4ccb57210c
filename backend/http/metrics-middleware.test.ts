import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { Request } from 'express';
import { routePattern } from './metrics-middleware.ts';
import { metricsTokenMatches } from '../routes/metrics.ts';

const req = (route: unknown, baseUrl = '') => ({ route, baseUrl }) as unknown as Request;

test('the route label is the mount path plus the registered pattern, never the URL', () => {
  assert.equal(routePattern(req({ path: '/v1/requests/:id' })), '/v1/requests/:id');
  assert.equal(routePattern(req({ path: '/requests/:id' }, '/open311/v2')), '/open311/v2/requests/:id');
});

test('a route with several spellings is labelled by the first; no route is <unmatched>', () => {
  assert.equal(
    routePattern(req({ path: ['/services', '/services.json', '/services.xml'] }, '/open311/v2')),
    '/open311/v2/services'
  );
  assert.equal(routePattern(req(undefined)), '<unmatched>');
});

test('the metrics token must match exactly', () => {
  assert.equal(metricsTokenMatches('s3cret', 's3cret'), true);
  assert.equal(metricsTokenMatches('s3cret ', 's3cret'), false);
  assert.equal(metricsTokenMatches('S3CRET', 's3cret'), false);
  assert.equal(metricsTokenMatches(undefined, 's3cret'), false);
});
