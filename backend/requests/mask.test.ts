import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { maskCustomer, maskEmail, maskName, maskNationalId, maskPhone } from './mask.ts';

test('a name becomes its initials', () => {
  assert.equal(maskName('Fatima Ahmed'), 'F. A.');
  assert.equal(maskName('  fatima   al mansoori '), 'F. A. M.');
  assert.equal(maskName('فاطمة المنصوري'), 'ف. ا.');
});

test('a long name shows at most four initials', () => {
  assert.equal(maskName('Mohammed bin Rashid Al Maktoum'), 'M. B. R. A.');
});

test('a phone keeps its country code and last two digits', () => {
  assert.equal(maskPhone('+971 50 123 4567'), '+971 ** *** **67');
  assert.equal(maskPhone('+971-50-1234567'), '+971-**-*****67');
  assert.equal(maskPhone('050 123 4567'), '*** *** **67');
  assert.equal(maskPhone('+971501234567'), '+**********67');
});

test('an e-mail keeps the first letters and the top-level domain', () => {
  assert.equal(maskEmail('fatima@dubai.ae'), 'f***@d***.ae');
  assert.equal(maskEmail('f.mansoori@mail.dm.gov.ae'), 'f***@m***.ae');
  assert.equal(maskEmail('not-an-address'), '***');
});

test('a national id keeps its last four characters', () => {
  assert.equal(maskNationalId('784-1985-1234567-1'), '***-5671');
  assert.equal(maskNationalId('P1234'), '***');
});

test('maskCustomer masks every personal field and keeps the rest', () => {
  const masked = maskCustomer({
    name: 'Fatima Ahmed',
    phone: '+971 50 123 4567',
    email: 'fatima@dubai.ae',
    national_id: null,
    language: 'ar',
  });
  assert.deepEqual(masked, {
    name: 'F. A.',
    phone: '+971 ** *** **67',
    email: 'f***@d***.ae',
    national_id: null,
    language: 'ar',
  });
});
