// Hand-worked SLA clocks on the second city's calendar (config/cities/lakeport.yaml, read as config apply reads
// it): "business", Monday to Friday 08:00–12:00 and 13:00–17:00 in America/Chicago (8 working hours a day),
// Saturday and Sunday off, US federal holidays. Daylight saving ends on Sunday 1 November 2026 (CDT, UTC−5, to
// CST, UTC−6) and starts on Sunday 8 March 2026: working hours stay wall-clock hours, so a due time keeps its local
// hour while its UTC hour moves. Policy "pothole": first response 480 min, resolution 2400 min (40 working hours),
// warning at 80 %, on hold pauses.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromFile } from '../city/model.ts';
import { loadCityFile } from '../city/load-file.ts';
import { compileCalendar } from './calendar.ts';
import { slaClock, type SlaPolicy } from './clock.ts';
import { walk } from './test-builders.ts';

const city = fromFile(loadCityFile(join(fileURLToPath(import.meta.url), '../../../config/cities/lakeport.yaml')));
const spec = city.calendars.get('business')!;
const business = compileCalendar({
  code: 'business',
  timezone: spec.time_zone,
  weekly_hours: spec.weekly_hours,
  holidays: [...city.holidays.values()]
    .filter((h) => h.calendar === null || h.calendar === 'business')
    .map((h) => h.date),
});
const p = city.policies.get('pothole')!;
const pothole: SlaPolicy = {
  first_response_minutes: p.first_response_minutes,
  resolution_minutes: p.resolution_minutes,
  warning_pct: p.warning_pct,
  pause_statuses: p.pause_statuses,
};
/** A wall-clock time in Lakeport, with its offset written out: chi('2026-10-29 14:00', -5). */
const chi = (local: string, offsetHours = -6) =>
  new Date(`${local.replace(' ', 'T')}:00${offsetHours === -5 ? '-05:00' : '-06:00'}`);
/** Wall-clock times in Lakeport for walk(): CDT up to 1 November 2026 02:00, CST after (the cases stay in autumn 2026). */
const lakeport = (local: string) => chi(local, local < '2026-11-01 02:00' ? -5 : -6);
const iso = (d: Date | null) => d?.toISOString() ?? null;

test("the calendar is the file's: America/Chicago, Monday to Friday, Thanksgiving off", () => {
  assert.equal(spec.time_zone, 'America/Chicago');
  assert.deepEqual([...new Set(spec.weekly_hours.map((r) => r.dow))], [1, 2, 3, 4, 5]);
  assert.ok(city.holidays.has('*|2026-11-26'));
});

test('a plain week: 40 working hours from Tuesday 10:00 end the next Tuesday 10:00', () => {
  // Tue 13 Oct 10–12, 13–17 = 6 h; Wed 14, Thu 22, Fri 30, Mon 19th 38; Tue 20th 08–10 → 40.
  const { request, events } = walk('2026-10-13 10:00', [], lakeport);
  const c = slaClock(request, events, pothole, business, lakeport('2026-10-13 11:00'));
  assert.equal(iso(c.resolution.due_at), '2026-10-20T15:00:00.000Z'); // 10:00 CDT
  // First response 8 h: Tue 6 h, Wed 08:00–10:00 → Wed 14 Oct 10:00 CDT.
  assert.equal(iso(c.first_response!.due_at), '2026-10-14T15:00:00.000Z');
  assert.equal(c.state, 'in_progress');
  assert.equal(c.resolution.business_elapsed_pct, 2.5); // 60 of 2400 min
});

test('across the end of daylight saving: the due time keeps its wall-clock hour, an hour later in UTC', () => {
  // Thu 29 Oct 14–17 = 3 h (CDT); Fri 30th 11; Sat–Sun off (clocks back on Sunday 1 Nov); Mon 2 Nov 19, Tue 27,
  // Wed 35; Thu 5 Nov 08–12 = 39, 13–14 = 40 → Thu 5 Nov 14:00 CST = 20:00Z (created at 14:00 CDT = 19:00Z).
  const { request, events } = walk('2026-10-29 14:00', [], lakeport);
  const c = slaClock(request, events, pothole, business, lakeport('2026-10-29 15:00'));
  assert.equal(iso(request.created_at as Date), '2026-10-29T19:00:00.000Z');
  assert.equal(iso(c.resolution.due_at), '2026-11-05T20:00:00.000Z');
  // First response 8 h: Thu 3, Fri 08–12 = 7, 13–14 = 8 → Fri 30 Oct 14:00 CDT; its warning (80 %, 384 min) comes
  // first of the clock's next moments: Thu 3 h, Fri 08:00 + 3 h 24 → 11:24 CDT.
  assert.equal(iso(c.first_response!.due_at), '2026-10-30T19:00:00.000Z');
  assert.equal(iso(c.next_check_at), '2026-10-30T16:24:00.000Z');
});

test('on hold over the weekend the clocks changed: the pause does not count, in working hours of either offset', () => {
  // Fri 30 Oct 09:00 CDT created, on hold 10:00, resumed Mon 2 Nov 10:00 CST. Counted: Fri 09–10 = 1 h; Mon 10–12 = 3,
  // 13–17 = 7; Tue 15, Wed 23, Thu 31, Fri 6 Nov 39; Mon 9 Nov 08–09 = 40 → 09:00 CST = 15:00Z. Paused: Fri 10–12,
  // 13–17 = 6 h and Mon 08–10 = 2 h → 480 working minutes.
  const { request, events } = walk(
    '2026-10-30 09:00',
    [
      ['assigned', '2026-10-30 09:30'],
      ['in_progress', '2026-10-30 09:45'],
      ['on_hold', '2026-10-30 10:00'],
      ['in_progress', '2026-11-02 10:00'],
    ],
    lakeport
  );
  const c = slaClock(request, events, pothole, business, lakeport('2026-11-02 11:00'));
  assert.equal(iso(c.resolution.due_at), '2026-11-09T15:00:00.000Z');
  assert.equal(c.paused_minutes, 480);
  assert.equal(c.first_response!.status, 'met'); // in progress at 09:45: the first response
});

test('across the start of daylight saving: Friday 16:00 CST plus 8 working hours is Monday 16:00 CDT', () => {
  // Fri 6 Mar 16–17 = 1 h; clocks forward on Sunday 8 March; Mon 9 Mar 08–12 = 5, 13–16 = 8 → 16:00 CDT = 21:00Z.
  const march = (local: string) => chi(local, local < '2026-03-08 02:00' ? -6 : -5);
  const { request, events } = walk('2026-03-06 16:00', [], march);
  const c = slaClock(request, events, pothole, business, march('2026-03-06 16:30'));
  assert.equal(iso(request.created_at as Date), '2026-03-06T22:00:00.000Z');
  assert.equal(iso(c.first_response!.due_at), '2026-03-09T21:00:00.000Z');
});

test('Thanksgiving (Thursday 26 November 2026) is not a working day', () => {
  // Wed 25 Nov 15–17 = 2 h; Thu holiday; Fri 27th 08–12 = 6, 13–15 = 8 → first response Fri 15:00 CST = 21:00Z.
  // Resolution: Fri 10 by 17:00; Mon 30th 18, Tue 1 Dec 26, Wed 34; Thu 3 Dec 08–12 = 38, 13–15 = 40 → 21:00Z.
  const { request, events } = walk(
    '2026-11-25 15:00',
    [
      ['assigned', '2026-11-27 09:00'],
      ['in_progress', '2026-11-27 10:00'],
      ['resolved', '2026-12-03 14:00'],
    ],
    lakeport
  );
  const c = slaClock(request, events, pothole, business, lakeport('2026-12-04 09:00'));
  assert.equal(iso(c.first_response!.due_at), '2026-11-27T21:00:00.000Z');
  assert.equal(iso(c.resolution.due_at), '2026-12-03T21:00:00.000Z');
  assert.equal(c.state, 'met'); // resolved Thu 14:00, due 15:00
  // Without the holiday the same request would have been due a working day earlier, and breached.
  const noHoliday = compileCalendar({
    code: 'business',
    timezone: spec.time_zone,
    weekly_hours: spec.weekly_hours,
    holidays: [],
  });
  const without = slaClock(request, events, pothole, noHoliday, lakeport('2026-12-04 09:00'));
  assert.equal(iso(without.resolution.due_at), '2026-12-02T21:00:00.000Z');
  assert.equal(without.state, 'breached');
});
