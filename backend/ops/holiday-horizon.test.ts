import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { holidaysMissing, horizonDays, horizonWarnings, requiredUntil } from './holiday-horizon.ts';

test('holidays are due up to 31 March of next year', () => {
  assert.equal(requiredUntil('2026-12-06'), '2027-03-31');
  assert.equal(requiredUntil('2027-01-01'), '2028-03-31');
});

test('the last holiday on or after that day is enough; one day before is not; none is not', () => {
  assert.equal(holidaysMissing({ calendar: 'field', today: '2026-12-06', last_holiday: '2027-03-31' }), false);
  assert.equal(holidaysMissing({ calendar: 'field', today: '2026-12-06', last_holiday: '2027-03-30' }), true);
  assert.equal(holidaysMissing({ calendar: 'field', today: '2026-12-06', last_holiday: null }), true);
});

test('the horizon in days, negative once past, null without holidays', () => {
  assert.equal(horizonDays({ calendar: 'field', today: '2026-12-06', last_holiday: '2027-12-03' }), 362);
  assert.equal(horizonDays({ calendar: 'field', today: '2026-12-06', last_holiday: '2026-12-03' }), -3);
  assert.equal(horizonDays({ calendar: 'field', today: '2026-12-06', last_holiday: null }), null);
});

test('a warning names the calendar, how far holidays go and how far they must', () => {
  assert.deepEqual(
    horizonWarnings([
      { calendar: 'field', today: '2026-12-06', last_holiday: '2026-12-03' },
      { calendar: 'office', today: '2026-12-06', last_holiday: null },
      { calendar: 'ok', today: '2026-12-06', last_holiday: '2027-12-03' },
    ]),
    [
      {
        path: 'calendars.field.holidays',
        message:
          'calendar "field" has holidays defined up to 2026-12-03 only; define them up to at least 2027-03-31 (services360 config apply, or holidays import)',
      },
      {
        path: 'calendars.office.holidays',
        message:
          'calendar "office" has no holiday defined; define them up to at least 2027-03-31 (services360 config apply, or holidays import)',
      },
    ]
  );
});
