// The annotation editor rendered with the real @grafana/ui in jsdom: the language, and a zone filter whose values
// are the catalogue's.
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';

import { render, typeInto, pressKey, createElement } from '../../test-support/render.ts';
import { AnnotationQueryEditor } from './AnnotationQueryEditor.tsx';
type Query = import('../types.ts').S360Query;

const datasource = {
  defaultLanguage: 'en',
  dimensionOptions: async () => [{ value: '332', label: 'AL BARSHA FIRST' }],
};

describe('AnnotationQueryEditor', () => {
  test('the language and a filter that can only be on zones; adding it keeps the query an annotation query', async () => {
    const changes: Query[] = [];
    const r = await render(
      createElement(AnnotationQueryEditor as never, {
        query: { refId: 'Anno', queryType: 'annotations', filters: {} },
        onChange: (q: Query) => changes.push(q),
        datasource,
      })
    );
    assert.ok(r.container.querySelector('input[aria-label="Language"]'));
    const add = r.container.querySelector('input[aria-label="Add filter"]') as HTMLInputElement;
    await typeInto(add, 'Topic');
    await pressKey(add, 'ArrowDown');
    await pressKey(add, 'Enter');
    assert.equal(changes.length, 0, 'no topic filter on annotations');
    await typeInto(add, 'Zone');
    await pressKey(add, 'ArrowDown');
    await pressKey(add, 'Enter');
    assert.deepEqual([changes.at(-1)?.queryType, changes.at(-1)?.filters], ['annotations', { zone: [] }]);
    await r.unmount();
  });
});
