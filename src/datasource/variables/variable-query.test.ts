import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { TestTemplateSrv } from '../../test-support/template-srv.ts';
import { describeVariableQuery, parseVariableQuery, variableRequest } from './variable-query.ts';

const tpl = new TestTemplateSrv([
  { name: 'department', current: ['waste', 'health'], options: ['waste', 'health', 'planning'], multi: true },
  { name: 'channel', current: '$__all', options: ['whatsapp'] },
  { name: 'lang', current: 'ar' },
]);

describe('parseVariableQuery', () => {
  test("reads the editor's object form", () => {
    assert.deepEqual(parseVariableQuery({ refId: 'v', dimension: 'topic', filters: { department: ['$department'] } }), {
      refId: 'v',
      dimension: 'topic',
      language: undefined,
      filters: { department: ['$department'] },
    });
  });

  test('reads the text form with dependent filters and a language', () => {
    assert.deepEqual(parseVariableQuery('topic?department=$department&language=ar'), {
      refId: 'variable',
      dimension: 'topic',
      language: 'ar',
      filters: { department: ['$department'] },
    });
  });

  test('every dimension can be listed', () => {
    for (const d of ['zone', 'channel', 'category', 'topic', 'department', 'advisor', 'status_class', 'priority']) {
      assert.equal(parseVariableQuery(d).dimension, d);
    }
  });

  test("the dimensions are the catalogue's: one the aggregator lists is taken, even when this build does not know it", () => {
    assert.equal(parseVariableQuery('district?zone=$zone', ['zone', 'district']).dimension, 'district');
    assert.deepEqual(parseVariableQuery('district?zone=$zone', ['zone', 'district']).filters, { zone: ['$zone'] });
    assert.throws(() => parseVariableQuery('district'), /unknown dimension "district"/);
  });

  test('unknown dimensions and filters are named in the error', () => {
    assert.throws(() => parseVariableQuery('zones'), /unknown dimension "zones"/);
    assert.throws(() => parseVariableQuery('topic?dept=waste'), /unknown filter "dept"/);
  });
});

describe('variableRequest', () => {
  test('the topics of the selected departments: one parameter per value, language from the variable', () => {
    const { path, params } = variableRequest(
      parseVariableQuery('topic?department=$department&language=$lang'),
      undefined,
      tpl,
      'en'
    );
    assert.equal(path, '/v1/variables/topic');
    assert.equal(params.toString(), 'language=ar&department=waste&department=health');
  });

  test('a filter on All narrows nothing and is left out; the default language applies', () => {
    const { params } = variableRequest(
      { refId: 'v', dimension: 'zone', filters: { channel: ['$channel'] } },
      undefined,
      tpl,
      'en'
    );
    assert.equal(params.toString(), 'language=en');
  });

  test('describeVariableQuery writes the text form back', () => {
    assert.equal(
      describeVariableQuery({
        refId: 'v',
        dimension: 'topic',
        filters: { department: ['$department'] },
        language: 'ar',
      }),
      'topic?department=$department&language=ar'
    );
    assert.equal(describeVariableQuery({ refId: 'v', dimension: 'zone' }), 'zone');
  });
});
