// The datasource's catalogue store with a stand-in for GET /v1/catalog and a clock the test moves.
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { FALLBACK_CATALOG } from './catalog.ts';
import { CatalogStore } from './store.ts';
import { readCatalog, type CatalogDocument } from './wire.ts';

const doc = (version: string, topics: string[] = ['streets.pothole']): CatalogDocument => ({
  version,
  time_zone: 'Asia/Dubai',
  languages: ['en', 'ar'],
  metrics: FALLBACK_CATALOG.metrics,
  dimensions: FALLBACK_CATALOG.dimensions,
  values: { topic: topics.map((code) => ({ code, name_en: code, name_ar: code })) },
});

function setup(answers: Array<CatalogDocument | Error | unknown>) {
  let now = 0;
  let calls = 0;
  const store = new CatalogStore(
    async () => {
      const next = answers[Math.min(calls++, answers.length - 1)];
      if (next instanceof Error) {
        throw next;
      }
      return next;
    },
    { ttlMs: 60_000, retryMs: 10_000, now: () => now }
  );
  return {
    store,
    calls: () => calls,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CatalogStore', () => {
  test("before any answer: the compiled copy; then the aggregator's document", async () => {
    const { store } = setup([doc('v1')]);
    assert.equal(store.current(), FALLBACK_CATALOG);
    const got = await store.get();
    assert.deepEqual([got.source, got.version], ['aggregator', 'v1']);
    assert.equal(store.current(), got);
  });

  test('one fetch per TTL; concurrent callers share it; after the TTL it asks again', async () => {
    const { store, calls, advance } = setup([doc('v1'), doc('v2', ['streets.pothole', 'streets.light'])]);
    await Promise.all([store.get(), store.get(), store.get()]);
    assert.equal(calls(), 1);
    advance(59_000);
    assert.equal((await store.get()).version, 'v1');
    assert.equal(calls(), 1);
    advance(1_000);
    assert.deepEqual(
      (await store.get()).values.topic?.map((t) => t.code),
      ['streets.pothole', 'streets.light']
    );
    assert.equal(calls(), 2);
  });

  test('the aggregator unreachable: the compiled copy, a new attempt only after the pause, then its document', async () => {
    const { store, calls, advance } = setup([new Error('502'), doc('v1')]);
    assert.equal((await store.get()).source, 'fallback');
    advance(5_000);
    assert.equal((await store.get()).source, 'fallback');
    assert.equal(calls(), 1);
    advance(5_000);
    assert.equal((await store.get()).version, 'v1');
    assert.equal(calls(), 2);
  });

  test('a failure after a success keeps the last document fetched', async () => {
    const { store, advance } = setup([doc('v1'), new Error('502')]);
    await store.get();
    advance(60_000);
    const got = await store.get();
    assert.deepEqual([got.source, got.version], ['aggregator', 'v1']);
  });

  test("an answer that is no catalogue (an older aggregator's 404 page) counts as a failure", async () => {
    const { store } = setup(['<html>not found</html>']);
    assert.equal((await store.get()).source, 'fallback');
  });

  test('invalidate(): the next get() asks at once, within the TTL or the pause', async () => {
    const { store, calls } = setup([doc('v1'), doc('v2')]);
    await store.get();
    store.invalidate();
    assert.equal((await store.get()).version, 'v2');
    assert.equal(calls(), 2);
  });
});

describe('readCatalog', () => {
  test("a channel value keeps the city file's `digital` flag; a value without one (an older aggregator) has none", () => {
    const body = {
      ...doc('v1'),
      values: {
        channel: [
          { code: 'website', name_en: 'Website', name_ar: 'الموقع', digital: true },
          { code: 'walk_in', name_en: 'Walk-in', name_ar: 'الحضور', digital: false },
          { code: 'fax', name_en: 'Fax', name_ar: 'الفاكس', retired: true, digital: 'yes' },
        ],
      },
    };
    assert.deepEqual(readCatalog(body).values.channel, [
      { code: 'website', name_en: 'Website', name_ar: 'الموقع', digital: true },
      { code: 'walk_in', name_en: 'Walk-in', name_ar: 'الحضور', digital: false },
      { code: 'fax', name_en: 'Fax', name_ar: 'الفاكس', retired: true },
    ]);
  });
});
