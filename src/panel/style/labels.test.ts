import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { hasArabic, isolateRtl, labelFont, zoneLabel } from './labels.ts';

const zone = { nameEn: 'AL BARSHA FIRST', nameAr: 'البرشاء الأولى' };

describe('zone labels', () => {
  test('English, Arabic or both, one name a line', () => {
    assert.equal(zoneLabel(zone, 'en'), 'AL BARSHA FIRST');
    assert.equal(zoneLabel(zone, 'ar'), '\u2067البرشاء الأولى\u2069');
    assert.equal(zoneLabel(zone, 'both'), 'AL BARSHA FIRST\n\u2067البرشاء الأولى\u2069');
    // In an Arabic panel the Arabic name leads; the value stays last.
    assert.equal(zoneLabel(zone, 'both', '42', 'ar'), '\u2067البرشاء الأولى\u2069\nAL BARSHA FIRST\n42');
    assert.equal(zoneLabel(zone, 'en', '', 'ar'), 'AL BARSHA FIRST');
  });

  test('the Arabic name is kept whole, isolated right to left', () => {
    const ar = zoneLabel(zone, 'ar');
    assert.equal(ar.replace(/[\u2067\u2069]/g, ''), zone.nameAr, 'no letter added, removed or reordered');
    assert.ok(ar.startsWith('\u2067') && ar.endsWith('\u2069'));
  });

  test('falls back to English when there is no Arabic name', () => {
    assert.equal(zoneLabel({ nameEn: 'Grid 1', nameAr: '' }, 'ar'), 'Grid 1');
  });

  test('adds the value as its own line', () => {
    assert.equal(zoneLabel(zone, 'en', '42%'), 'AL BARSHA FIRST\n42%');
  });

  test('only Arabic text is isolated', () => {
    assert.equal(isolateRtl('Deira'), 'Deira');
    assert.equal(hasArabic('ديرة'), true);
  });

  test('the font lists a family with Arabic glyphs', () => {
    assert.match(labelFont(14), /^600 14px .*"Noto Sans Arabic"/);
  });
});
