import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { resetToken, urlProblem, withDefaultLanguage, withToken, withUrl, type Settings } from './config-changes.ts';

const settings = (over: Partial<Settings> = {}): Settings =>
  ({
    id: 1,
    uid: 'services360-requests',
    name: 'S360',
    type: 'services360-requests-datasource',
    jsonData: {},
    secureJsonFields: {},
    ...over,
  }) as Settings;

describe('config editor changes', () => {
  test('the URL goes to jsonData.url (what the route reads), trimmed', () => {
    assert.equal(withUrl(settings(), ' http://aggregator:8080 ').jsonData.url, 'http://aggregator:8080');
  });

  test('the token goes to secureJsonData only, never to jsonData', () => {
    const s = withToken(settings(), 's360_secret');
    assert.equal(s.secureJsonData?.apiToken, 's360_secret');
    assert.equal(JSON.stringify(s.jsonData).includes('s360_secret'), false);
  });

  test('reset forgets a configured token', () => {
    const s = resetToken(settings({ secureJsonFields: { apiToken: true } }));
    assert.equal(s.secureJsonFields.apiToken, false);
    assert.equal(s.secureJsonData?.apiToken, '');
  });

  test('the default language is stored in jsonData', () => {
    assert.equal(withDefaultLanguage(settings(), 'ar').jsonData.defaultLanguage, 'ar');
  });

  test('urlProblem accepts http(s) base URLs and explains the rest', () => {
    assert.equal(urlProblem('http://localhost:8080'), undefined);
    assert.equal(urlProblem('https://s360.example.org/aggregator'), undefined);
    assert.match(urlProblem('') ?? '', /Required/);
    assert.match(urlProblem('localhost:8080') ?? '', /http/);
    assert.match(urlProblem('aggregator') ?? '', /Not a URL/);
    assert.match(urlProblem('http://x/?a=1') ?? '', /base URL only/);
  });
});
