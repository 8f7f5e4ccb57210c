import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';

import { render, typeInto, pressKey, createElement } from '../../test-support/render.ts';
import { VariableQueryEditor } from './VariableQueryEditor.tsx';
type VariableQuery = import('../types.ts').S360VariableQuery;

describe('VariableQueryEditor', () => {
  test('opens a text query from a hand-written dashboard and changes its dimension', async () => {
    const changes: VariableQuery[] = [];
    const r = await render(
      createElement(VariableQueryEditor as never, {
        query: 'topic?department=$department',
        onChange: (q: VariableQuery) => changes.push(q),
        datasource: { defaultLanguage: 'en', dimensionOptions: async () => [] },
      })
    );
    const dimension = r.container.querySelector('input[aria-label="Dimension"]') as HTMLInputElement;
    assert.equal(dimension.value, 'Topic');
    assert.ok(r.container.querySelector('input#s360-variable-filter-department'), 'the department filter row is shown');
    await typeInto(dimension, 'Advisor');
    await pressKey(dimension, 'ArrowDown');
    await pressKey(dimension, 'Enter');
    assert.deepEqual(changes.at(-1), {
      refId: 'variable',
      dimension: 'advisor',
      language: undefined,
      filters: { department: ['$department'] },
    });
    await r.unmount();
  });
});
