import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { TestTemplateSrv } from '../../test-support/template-srv.ts';
import { normaliseReference, requestLookup } from './request-query.ts';

const tpl = new TestTemplateSrv([
  { name: 'reference', current: 'S360-000012345' },
  { name: 'empty', current: '' },
  { name: 'language', current: 'ar' },
]);

describe('requestLookup', () => {
  test("a reference asks GET /v1/requests/{reference} in the query's language", () => {
    const l = requestLookup({ reference: 'S360-000000042', language: 'en' }, undefined, tpl, 'ar');
    assert.equal(l.kind, 'ask');
    if (l.kind !== 'ask') {
      return;
    }
    assert.equal(l.path, '/v1/requests/S360-000000042');
    assert.equal(l.params.toString(), 'language=en');
    assert.equal(l.reference, 'S360-000000042');
  });

  test('the reference and the language may be template variables', () => {
    const l = requestLookup({ reference: '$reference', language: '${language}' }, undefined, tpl, 'en');
    assert.deepEqual(l.kind === 'ask' && [l.path, l.params.get('language')], ['/v1/requests/S360-000012345', 'ar']);
  });

  test("no language, or one that is not en/ar: the datasource's default", () => {
    const a = requestLookup({ reference: '42' }, undefined, tpl, 'ar');
    const b = requestLookup({ reference: '42', language: 'fr' }, undefined, tpl, 'en');
    assert.deepEqual([a.language, b.language], ['ar', 'en']);
  });

  test("a scoped value (a repeated panel) wins over the dashboard's", () => {
    const l = requestLookup(
      { reference: '$reference' },
      { reference: { text: 'S360-000000007', value: 'S360-000000007' } },
      tpl,
      'en'
    );
    assert.equal(l.kind === 'ask' && l.path, '/v1/requests/S360-000000007');
  });

  test('anything else is sent encoded, for the aggregator to judge (400 malformed, 404 unknown)', () => {
    const l = requestLookup({ reference: 'a/b?c' }, undefined, tpl, 'en');
    assert.equal(l.kind === 'ask' && l.path, '/v1/requests/a%2Fb%3Fc');
  });

  test('an empty reference (blank, or an empty text box variable) answers a notice, asks nothing', () => {
    for (const reference of [undefined, '', '   ', '$empty']) {
      const l = requestLookup({ reference }, undefined, tpl, 'en');
      assert.equal(l.kind, 'notice', String(reference));
      assert.match(l.kind === 'notice' ? l.text : '', /^Type a reference number/);
    }
  });

  test("a variable this dashboard does not define answers a notice naming it, in the query's language", () => {
    const en = requestLookup({ reference: '$ref' }, undefined, tpl, 'en');
    assert.equal(en.kind, 'notice');
    assert.equal(
      en.kind === 'notice' && en.text,
      'The reference "$ref" is a template variable this dashboard does not define: add a text box variable named "ref" or type a reference number.'
    );
    const ar = requestLookup({ reference: '[[ref]]', language: 'ar' }, undefined, tpl, 'en');
    assert.match(ar.kind === 'notice' ? ar.text : '', /\[\[ref\]\].*متغير/);
  });
});

describe('normaliseReference', () => {
  test('trims and puts the S360- prefix in capitals; numbers and other text stay', () => {
    assert.equal(normaliseReference('  s360-000000042 '), 'S360-000000042');
    assert.equal(normaliseReference('12345'), '12345');
    assert.equal(normaliseReference('$reference'), '$reference');
  });
});
