import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { fakeCustomer, luhnDigit } from './customers.ts';
import { Prng, Weighted } from './prng.ts';

test('Luhn check digit', () => {
  assert.equal(luhnDigit('7992739871'), 3);
  assert.equal(luhnDigit('78419901234567'), luhnDigit('78419901234567'));
});

test('fake customers: Arabic script for Arabic speakers, UAE mobiles, example e-mails, Emirates ID shape', () => {
  const p = new Prng('c');
  const zones = new Weighted([1, 2], [1, 1]);
  let arabic = 0;
  for (let i = 0; i < 2000; i++) {
    const c = fakeCustomer(p, zones, 0);
    if (c.language === 'ar') {
      arabic++;
      assert.match(c.name, /^[\u0600-\u06FF ]+$/);
    } else {
      assert.match(c.name, /^[A-Za-z' ]+$/);
    }
    assert.match(c.phone, /^\+971 5[024568] \d{3} \d{4}$/);
    if (c.email) {
      assert.match(c.email, /^[a-z.]+\d+@example\.(com|net|org)$/);
    }
    if (c.nationalId) {
      assert.match(c.nationalId, /^784-\d{4}-\d{7}-\d$/);
      const digits = c.nationalId.replace(/-/g, '');
      assert.equal(luhnDigit(digits.slice(0, -1)), Number(digits.slice(-1)));
    }
  }
  assert.ok(arabic > 900 && arabic < 1300, `${arabic}`);
});
