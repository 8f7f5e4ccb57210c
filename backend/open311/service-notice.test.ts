import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { duration, serviceNotice } from './service-notice.ts';

test('durations pick the largest whole unit', () => {
  assert.equal(duration(240, 'en'), '4 hours');
  assert.equal(duration(60, 'en'), '1 hour');
  assert.equal(duration(90, 'en'), '90 minutes');
  assert.equal(duration(1440, 'en'), '24 hours');
  assert.equal(duration(10080, 'en'), '7 days');
});

test('Arabic durations agree with their number', () => {
  assert.equal(duration(60, 'ar'), 'ساعة');
  assert.equal(duration(120, 'ar'), 'ساعتين');
  assert.equal(duration(240, 'ar'), '4 ساعات');
  assert.equal(duration(2400, 'ar'), '40 ساعة');
});

test('the notice names the department and the targets', () => {
  const input = {
    department: 'Waste Management',
    firstResponseMinutes: 240,
    resolutionMinutes: 2400,
    calendar: 'Field working hours',
  };
  assert.equal(
    serviceNotice(input, 'en'),
    'Waste Management. Target: first response within 4 hours, resolution within 40 hours (Field working hours).'
  );
  assert.match(
    serviceNotice({ ...input, department: 'إدارة النفايات', calendar: null }, 'ar')!,
    /^إدارة النفايات\. المستهدف: الرد الأول خلال 4 ساعات/
  );
});

test('without department or policy there is no notice', () => {
  assert.equal(
    serviceNotice({ department: null, firstResponseMinutes: null, resolutionMinutes: null, calendar: null }, 'en'),
    null
  );
  assert.equal(
    serviceNotice(
      { department: 'Buildings', firstResponseMinutes: null, resolutionMinutes: null, calendar: null },
      'en'
    ),
    'Buildings.'
  );
});
