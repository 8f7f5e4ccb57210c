// The query editor rendered with the real @grafana/ui in jsdom, driven like a user (type, keys, clicks).
import { describe, test, afterEach } from '@jest/globals';
import assert from 'node:assert/strict';

import { render, typeInto, pressKey, click, settle, createElement } from '../../test-support/render.ts';
import { act } from 'react';
import { QueryEditor } from './QueryEditor.tsx';
type Query = import('../types.ts').S360Query;
import { QUERY_SCHEMA_VERSION } from '../types.ts';
import { FALLBACK_CATALOG } from '../catalog/catalog.ts';
type Catalog = import('../catalog/catalog.ts').Catalog;

const fakeDatasource = {
  defaultLanguage: 'en',
  dimensionOptions: async () => [{ value: '332', label: 'AL BARSHA FIRST' }],
};
let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup) {
    await c();
  }
  cleanup = [];
});

async function editor(query: Partial<Query> & { refId: string }, datasource: object = fakeDatasource) {
  const changes: Query[] = [];
  let runs = 0;
  const r = await render(
    createElement(QueryEditor as never, {
      query,
      onChange: (q: Query) => changes.push(q),
      onRunQuery: () => runs++,
      datasource,
    })
  );
  cleanup.push(r.unmount);
  const input = (label: string) => r.container.querySelector(`input[aria-label="${label}"]`) as HTMLInputElement | null;
  /** The radio button whose label reads `text` (Kind: Metrics | Request; Format: Time series | Table). */
  const radio = (text: string) => {
    const label = [...r.container.querySelectorAll('label')].find((l) => l.textContent?.trim() === text) as
      HTMLLabelElement | undefined;
    return (label ? document.getElementById(label.htmlFor) : null) as HTMLInputElement | null;
  };
  return { r, changes, runs: () => runs, input, radio };
}

const current: Query = {
  refId: 'A',
  queryType: 'metrics',
  metric: 'received',
  groupBy: [],
  filters: {},
  format: 'time_series',
  schemaVersion: QUERY_SCHEMA_VERSION,
};

describe('QueryEditor', () => {
  test('shows the kind, the metric by its label and the controls for format, language, group-by and filters', async () => {
    const { input, r, radio } = await editor(current);
    assert.equal(radio('Metrics')?.checked, true);
    assert.equal(radio('Request')?.checked, false);
    assert.equal(input('Metric')?.value, 'Requests received');
    assert.ok(input('Language'));
    assert.ok(r.container.querySelector('input#s360-group-by-A'));
    assert.ok(input('Add filter'));
    assert.deepEqual([radio('Time series')?.checked, radio('Table')?.checked], [true, false]);
    assert.equal(input('Reference'), null);
  });

  test('a change of metric reaches onChange and runs the query', async () => {
    const { input, changes, runs } = await editor(current);
    const metric = input('Metric')!;
    await typeInto(metric, 'Requests closed');
    await pressKey(metric, 'ArrowDown');
    await pressKey(metric, 'Enter');
    await settle();
    assert.equal(changes.length, 1);
    assert.equal(changes[0].metric, 'closed');
    assert.equal(changes[0].refId, 'A');
    assert.equal(runs(), 1);
  });

  test('choosing "Recurring topics" makes the query a table with top 10', async () => {
    const { input, changes } = await editor(current);
    const metric = input('Metric')!;
    await typeInto(metric, 'Recurring topics');
    await pressKey(metric, 'ArrowDown');
    await pressKey(metric, 'Enter');
    assert.deepEqual([changes[0].metric, changes[0].format, changes[0].topN], ['recurring_topics', 'table', 10]);
  });

  test('for recurring topics: a Top N input, no group-by, and the time series format disabled', async () => {
    const { input, r, radio } = await editor({ ...current, metric: 'recurring_topics', format: 'table', topN: 5 });
    assert.equal(input('Top N')?.value, '5');
    assert.equal(r.container.querySelector('input#s360-group-by-A'), null);
    assert.equal(radio('Time series')?.disabled, true);
  });

  test('clicking the Table format reaches onChange', async () => {
    const { changes, radio } = await editor(current);
    await click(radio('Table')!);
    assert.equal(changes.at(-1)?.format, 'table');
  });

  test('clicking the Request kind makes a request query with an empty reference, and runs it', async () => {
    const { changes, radio, runs } = await editor(current);
    await click(radio('Request')!);
    assert.deepEqual(
      [changes.at(-1)?.queryType, changes.at(-1)?.reference, changes.at(-1)?.metric],
      ['request', '', 'received']
    );
    assert.equal(runs(), 1);
  });

  test('a request query shows the reference and the language, not the metric controls', async () => {
    const { input, r, radio } = await editor({ ...current, queryType: 'request', reference: '$reference' });
    assert.equal(radio('Request')?.checked, true);
    assert.equal(input('Reference')?.value, '$reference');
    assert.ok(input('Language'));
    assert.equal(input('Metric'), null);
    assert.equal(input('Add filter'), null);
    assert.equal(r.container.querySelector('input#s360-group-by-A'), null);
  });

  test('typing a reference reaches onChange when the box is left, trimmed, and runs the query', async () => {
    const { input, changes, runs } = await editor({ ...current, queryType: 'request', reference: '' });
    const box = input('Reference')!;
    await typeInto(box, ' S360-000000042 ');
    await act(async () => {
      box.dispatchEvent(new FocusEvent('blur', { bubbles: false }));
      box.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    assert.equal(changes.at(-1)?.reference, 'S360-000000042');
    assert.equal(changes.at(-1)?.queryType, 'request');
    assert.equal(runs(), 1);
  });

  test('a filter row per filtered dimension; removing it reaches onChange', async () => {
    const { r, changes } = await editor({ ...current, filters: { zone: ['332', '$zone'] } });
    assert.ok(r.container.querySelector('input#s360-A-filter-zone'));
    assert.match(r.container.textContent ?? '', /332/); // the first value as a pill (the rest collapse to "+1" in a narrow box)
    await click(r.container.querySelector('button[aria-label="Remove the zone filter"]')!);
    assert.deepEqual(changes.at(-1)?.filters, {});
  });

  test('an old saved query is migrated and stored once when the editor opens', async () => {
    const { changes } = await editor({
      refId: 'A',
      metric: 'received',
      groupBy: 'zone',
      format: 'timeseries',
    } as never);
    assert.equal(changes.length, 1);
    assert.deepEqual(
      [changes[0].queryType, changes[0].groupBy, changes[0].format, changes[0].schemaVersion],
      ['metrics', ['zone'], 'time_series', QUERY_SCHEMA_VERSION]
    );
  });

  test("lists the aggregator's catalogue, not the compiled one: a metric added to the aggregator is offered, in the datasource's language", async () => {
    const forecast = {
      code: 'received_forecast',
      name_en: 'Requests forecast',
      name_ar: 'توقع الطلبات',
      description_en: 'Forecast',
      description_ar: 'توقع',
      unit: 'short',
      formats: ['table'],
      group_by: [],
      filters: ['zone'],
      options: [],
    };
    const catalog: Catalog = {
      ...FALLBACK_CATALOG,
      source: 'aggregator',
      version: 'v2',
      metrics: [...FALLBACK_CATALOG.metrics, forecast],
    };
    const datasource = {
      ...fakeDatasource,
      defaultLanguage: 'ar',
      catalog: { current: () => FALLBACK_CATALOG, get: async () => catalog },
    };
    const { input, changes } = await editor(current, datasource);
    assert.equal(input('Metric')?.value, 'الطلبات المستلمة', "named in the datasource's language");
    const metric = input('Metric')!;
    await typeInto(metric, 'توقع الطلبات');
    await pressKey(metric, 'ArrowDown');
    await pressKey(metric, 'Enter');
    assert.deepEqual(
      [changes.at(-1)?.metric, changes.at(-1)?.format],
      ['received_forecast', 'table'],
      'table-only as the catalogue says'
    );
  });
});
