import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readIcsHolidays } from './ics.ts';

const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:x@test', ...lines, 'END:VEVENT'];

test('folded lines, escaped text and quoted parameters are read (by ical.js)', () => {
  const r = readIcsHolidays(
    ics(
      ...event(
        'DTSTART;VALUE=DATE:20270309',
        'SUMMARY:Eid al-',
        ' Fitr\\, first\\; day',
        'SUMMARY;LANGUAGE="ar":عيد',
        '\tالفطر'
      )
    ),
    'Asia/Dubai'
  );
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.holidays.map((h) => [h.date, h.en, h.ar]),
    [['2027-03-09', 'Eid al-Fitr, first; day', 'عيدالفطر']]
  );
});

test('a bounded recurring event gives each occurrence (COUNT, UNTIL, RDATE, EXDATE), each as long as the first', () => {
  const r = readIcsHolidays(
    ics(
      ...event('DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=YEARLY;COUNT=3', 'SUMMARY:New Year'),
      ...event(
        'DTSTART;VALUE=DATE:20271202',
        'DTEND;VALUE=DATE:20271204',
        'RRULE:FREQ=YEARLY;UNTIL=20281231',
        'SUMMARY:National Day'
      ),
      ...event('DTSTART;VALUE=DATE:20270704', 'RDATE;VALUE=DATE:20280704', 'SUMMARY:Fourth'),
      ...event(
        'DTSTART;VALUE=DATE:20270105',
        'RRULE:FREQ=WEEKLY;COUNT=3',
        'EXDATE;VALUE=DATE:20270112',
        'SUMMARY:Tuesdays'
      )
    ),
    'Asia/Dubai'
  );
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.holidays.map((h) => h.date),
    [
      '2027-01-01',
      '2028-01-01',
      '2029-01-01',
      '2027-12-02',
      '2027-12-03',
      '2028-12-02',
      '2028-12-03',
      '2027-07-04',
      '2028-07-04',
      '2027-01-05',
      '2027-01-19',
    ]
  );
});

test('an all-day event: DTEND is exclusive, so 9–12 March gives the 9th, 10th and 11th; Arabic from SUMMARY;LANGUAGE=ar', () => {
  const r = readIcsHolidays(
    ics(
      ...event(
        'DTSTART;VALUE=DATE:20270309',
        'DTEND;VALUE=DATE:20270312',
        'SUMMARY:Eid al-Fitr',
        'SUMMARY;LANGUAGE=ar:عيد الفطر'
      )
    ),
    'Asia/Dubai'
  );
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.holidays.map((h) => [h.date, h.en, h.ar]),
    [
      ['2027-03-09', 'Eid al-Fitr', 'عيد الفطر'],
      ['2027-03-10', 'Eid al-Fitr', 'عيد الفطر'],
      ['2027-03-11', 'Eid al-Fitr', 'عيد الفطر'],
    ]
  );
});

test("a date without DTEND is one day; a UTC date-time is dated in the city's zone; a floating one as written", () => {
  const r = readIcsHolidays(
    ics(
      ...event('DTSTART;VALUE=DATE:20270101', 'SUMMARY:New Year\\, 2027'),
      ...event('DTSTART:20271201T200000Z', 'DTEND:20271202T200000Z', 'SUMMARY:National Day'),
      ...event('DTSTART:20270606T000000', 'DTEND:20270607T000000', 'SUMMARY:Islamic New Year')
    ),
    'Asia/Dubai'
  );
  assert.deepEqual(r.problems, []);
  // 20:00Z is midnight in Dubai: 2 December 00:00 to 3 December 00:00 local, both days touched (not an all-day form).
  assert.deepEqual(
    r.holidays.map((h) => [h.date, h.en, h.ar]),
    [
      ['2027-01-01', 'New Year, 2027', null],
      ['2027-12-02', 'National Day', null],
      ['2027-12-03', 'National Day', null],
      ['2027-06-06', 'Islamic New Year', null],
    ]
  );
});

test('every problem is reported with its line: a bad date, an endless recurring event, a missing SUMMARY', () => {
  const r = readIcsHolidays(
    ics(
      ...event('DTSTART;VALUE=DATE:20270230', 'SUMMARY:Nope'),
      ...event('DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=YEARLY', 'SUMMARY:Every year'),
      ...event('DTSTART;VALUE=DATE:20270102')
    ),
    'Asia/Dubai'
  );
  assert.deepEqual(r.problems, [
    { line: 6, message: 'DTSTART "20270230" is not a date' },
    {
      line: 12,
      message: 'RRULE without COUNT or UNTIL: an endless rule cannot be imported; bound it or list each date',
    },
    { line: 15, message: "VEVENT without a SUMMARY (the holiday's name)" },
  ]);
});

test('a file that is not iCalendar is refused', () => {
  assert.deepEqual(readIcsHolidays('hello', 'Asia/Dubai').problems[0], {
    line: 1,
    message: 'not an iCalendar file (it must begin with BEGIN:VCALENDAR)',
  });
});
