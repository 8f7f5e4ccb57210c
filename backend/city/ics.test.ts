import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentLine, readIcsHolidays, unescapeText, unfold } from './ics.ts';

const ics = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:x@test', ...lines, 'END:VEVENT'];

test('folded lines are unfolded (a line break then one space or tab continues the line)', () => {
  assert.deepEqual(unfold('SUMMARY:Eid al-\r\n Fitr\r\n\t(first day)\nDTSTART:20270309'), [
    { text: 'SUMMARY:Eid al-Fitr(first day)', line: 1 }, { text: 'DTSTART:20270309', line: 4 },
  ]);
});

test('text is unescaped: \\\\ \\; \\, \\n', () => {
  assert.equal(unescapeText('A\\, B\\; C\\\\D\\nE'), 'A, B; C\\D\nE');
});

test('parameters, quoted ones with a colon inside, and the value after the first unquoted colon', () => {
  assert.deepEqual(contentLine('DTSTART;TZID="Asia/Dubai:x";VALUE=DATE-TIME:20270101T090000', 3),
    { name: 'DTSTART', params: { TZID: 'Asia/Dubai:x', VALUE: 'DATE-TIME' }, value: '20270101T090000', line: 3 });
});

test('an all-day event: DTEND is exclusive, so 9–12 March gives the 9th, 10th and 11th; Arabic from SUMMARY;LANGUAGE=ar', () => {
  const r = readIcsHolidays(ics(...event('DTSTART;VALUE=DATE:20270309', 'DTEND;VALUE=DATE:20270312', 'SUMMARY:Eid al-Fitr', 'SUMMARY;LANGUAGE=ar:عيد الفطر')), 'Asia/Dubai');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.holidays.map((h) => [h.date, h.en, h.ar]), [
    ['2027-03-09', 'Eid al-Fitr', 'عيد الفطر'], ['2027-03-10', 'Eid al-Fitr', 'عيد الفطر'], ['2027-03-11', 'Eid al-Fitr', 'عيد الفطر'],
  ]);
});

test('a date without DTEND is one day; a UTC date-time is dated in the city\'s zone; a floating one as written', () => {
  const r = readIcsHolidays(ics(
    ...event('DTSTART;VALUE=DATE:20270101', 'SUMMARY:New Year\\, 2027'),
    ...event('DTSTART:20271201T200000Z', 'DTEND:20271202T200000Z', 'SUMMARY:National Day'),
    ...event('DTSTART:20270606T000000', 'DTEND:20270607T000000', 'SUMMARY:Islamic New Year'),
  ), 'Asia/Dubai');
  assert.deepEqual(r.problems, []);
  // 20:00Z is midnight in Dubai: 2 December 00:00 to 3 December 00:00 local, both days touched (not an all-day form).
  assert.deepEqual(r.holidays.map((h) => [h.date, h.en, h.ar]), [
    ['2027-01-01', 'New Year, 2027', null], ['2027-12-02', 'National Day', null], ['2027-12-03', 'National Day', null], ['2027-06-06', 'Islamic New Year', null],
  ]);
});

test('every problem is reported with its line: a bad date, a recurring event, a missing SUMMARY', () => {
  const r = readIcsHolidays(ics(
    ...event('DTSTART;VALUE=DATE:20270230', 'SUMMARY:Nope'),
    ...event('DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=YEARLY', 'SUMMARY:Every year'),
    ...event('DTSTART;VALUE=DATE:20270102'),
  ), 'Asia/Dubai');
  assert.deepEqual(r.problems, [
    { line: 6, message: 'DTSTART "20270230" is not a date' },
    { line: 12, message: 'RRULE: recurring events are not supported; list each date' },
    { line: 15, message: 'VEVENT without a SUMMARY (the holiday\'s name)' },
  ]);
});

test('a file that is not iCalendar is refused', () => {
  assert.deepEqual(readIcsHolidays('hello', 'Asia/Dubai').problems[0], { line: 1, message: 'not an iCalendar file (it must begin with BEGIN:VCALENDAR)' });
});
