import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { panelLanguage, translator } from './i18n.ts';
import { ar } from './locales/ar.ts';
import { en } from './locales/en.ts';

describe('panel strings in English and Arabic', () => {
  test("plurals follow each language's rules (Intl.PluralRules): Arabic has zero, one, two, few, many, other", () => {
    const t = translator('en');
    assert.equal(t('zonemap.requests', { count: 1 }), '1 request');
    assert.equal(t('zonemap.requests', { count: 1234 }), '1,234 requests');
    const a = translator('ar');
    assert.deepEqual(
      [0, 1, 2, 3, 11, 100].map((count) => a('zonemap.requests', { count })),
      ['لا طلبات', 'طلب واحد', 'طلبان', '3 طلبات', '11 طلبًا', '100 طلب']
    );
  });

  test('every English key has an Arabic text; values are put in', () => {
    const missing = Object.keys(en).filter((k) => !(k in ar));
    assert.deepEqual(missing, []);
    assert.equal(translator('ar')('zonemap.hotspot', { topic: 'القوارض' }), 'نقطة ساخنة: القوارض');
    assert.equal(translator('en')('zonemap.no-data'), 'No data');
  });

  test("the dashboard's language variable value picks the language", () => {
    assert.equal(panelLanguage('ar'), 'ar');
    assert.equal(panelLanguage('ar-AE'), 'ar');
    assert.equal(panelLanguage('en'), 'en');
    assert.equal(panelLanguage('$language'), 'en');
  });
});
