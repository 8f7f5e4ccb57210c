// Hand-worked cases. Field calendar (Asia/Dubai): Mon–Thu 07:30–15:30 (480 min), Fri 07:30–12:00
// (270 min), Sat/Sun closed; UAE holidays 2025–2026. 24x7: every minute of every day.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { compileCalendar } from './calendar.ts';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.ts';
import { ALL_DAY, FIELD_HOURS, allDay, dxb, field } from './test-builders.ts';

const due = (start: string, minutes: number, pauses: Array<{ start: Date; end: Date }> = [], cal = field()) =>
  addBusinessMinutes(dxb(start), minutes, cal, pauses).toISOString();
const between = (from: string, to: string, pauses: Array<{ start: Date; end: Date }> = [], cal = field()) =>
  businessMinutesBetween(dxb(from), dxb(to), cal, pauses);
const pause = (from: string, to: string) => ({ start: dxb(from), end: dxb(to) });

test('across the Friday half-day', () => {
  // Thu 2026-11-19 14:00 → Fri 11:00: Thu 14:00–15:30 = 90, Fri 07:30–11:00 = 210 → 300.
  assert.equal(between('2026-11-19 14:00', '2026-11-20 11:00'), 300);
  // 240 from Thu 14:00: 90 on Thursday, 150 left from Fri 07:30 → Fri 10:00.
  assert.equal(due('2026-11-19 14:00', 240), dxb('2026-11-20 10:00').toISOString());
  // Friday closes at 12:00: 60 from Fri 11:00 ends exactly at the closing…
  assert.equal(due('2026-11-20 11:00', 60), dxb('2026-11-20 12:00').toISOString());
  // …and one minute more is Monday 07:31.
  assert.equal(due('2026-11-20 11:00', 61), dxb('2026-11-23 07:31').toISOString());
});

test('across the weekend', () => {
  // Fri 2026-11-20 10:00 → Mon 10:00: Fri 10:00–12:00 = 120, Sat/Sun 0, Mon 07:30–10:00 = 150 → 270.
  assert.equal(between('2026-11-20 10:00', '2026-11-23 10:00'), 270);
  // The whole weekend is worth nothing.
  assert.equal(between('2026-11-20 12:00', '2026-11-23 07:30'), 0);
  // 2400 from Thu 2026-11-19 14:00: Thu 90 (2310 left), Fri 270 (2040), Mon 480 (1560), Tue 480 (1080),
  // Wed 480 (600), Thu 480 (120) → Fri 2026-11-27 07:30 + 120 = 09:30.
  assert.equal(due('2026-11-19 14:00', 2400), dxb('2026-11-27 09:30').toISOString());
});

test('across a holiday (National Day, Mon–Wed 2025-12-01..03)', () => {
  // Fri 2025-11-28 11:00 → Thu 12-04 09:00: Fri 60, weekend 0, Mon–Wed holidays 0, Thu 07:30–09:00 = 90 → 150.
  assert.equal(between('2025-11-28 11:00', '2025-12-04 09:00'), 150);
  // Without the holidays: 60 + 3 × 480 + 90 = 1590.
  assert.equal(between('2025-11-28 11:00', '2025-12-04 09:00', [], field({ holidays: [] })), 1590);
  // 240 from Sunday 2025-11-30 09:00 (closed, then three holidays) → Thu 12-04 07:30 + 240 = 11:30.
  assert.equal(due('2025-11-30 09:00', 240), dxb('2025-12-04 11:30').toISOString());
  // 2400 from the same start: Thu 480 (1920 left), Fri 270 (1650), Mon 12-08 480 (1170), Tue 480 (690),
  // Wed 480 (210) → Thu 12-11 07:30 + 210 = 11:00.
  assert.equal(due('2025-11-30 09:00', 2400), dxb('2025-12-11 11:00').toISOString());
});

test('a request created at night starts at the next opening', () => {
  // Tue 2026-11-24 22:00: nothing until Wed 07:30; 240 → Wed 11:30.
  assert.equal(between('2026-11-24 22:00', '2026-11-25 07:30'), 0);
  assert.equal(due('2026-11-24 22:00', 240), dxb('2026-11-25 11:30').toISOString());
  // 24x7 counts the night: 60 from Wed 23:30 → Thu 00:30; 1440 → Thu 23:30.
  assert.equal(due('2026-11-25 23:30', 60, [], allDay()), dxb('2026-11-26 00:30').toISOString());
  assert.equal(due('2026-11-25 23:30', 1440, [], allDay()), dxb('2026-11-26 23:30').toISOString());
});

test('24x7 counts every minute and ignores weekends', () => {
  // Thu 2026-11-19 14:00 → Mon 11-23 09:00 = 3 days 19 hours = 91 h = 5460 min.
  assert.equal(between('2026-11-19 14:00', '2026-11-23 09:00', [], allDay()), 5460);
});

test('pause and resume', () => {
  // Mon 2026-11-02 08:00 → Thu 11-05 10:00: Mon 450 + Tue 480 + Wed 480 + Thu 150 = 1560;
  // on hold Mon 10:00 → Tue 09:00 = Mon 330 + Tue 90 = 420 → 1140.
  const hold = pause('2026-11-02 10:00', '2026-11-03 09:00');
  assert.equal(between('2026-11-02 08:00', '2026-11-05 10:00'), 1560);
  assert.equal(between('2026-11-02 08:00', '2026-11-05 10:00', [hold]), 1140);
  // 2400 from Mon 08:00 without the pause: Mon 450, Tue 480, Wed 480, Thu 480, Fri 270 = 2160 → Mon 11-09 07:30 + 240 = 11:30;
  // the pause adds 420: Mon 11-09 480 (180 left) → Tue 11-10 07:30 + 180 = 10:30.
  assert.equal(due('2026-11-02 08:00', 2400), dxb('2026-11-09 11:30').toISOString());
  assert.equal(due('2026-11-02 08:00', 2400, [hold]), dxb('2026-11-10 10:30').toISOString());
  // Overlapping pauses count once.
  assert.equal(
    due('2026-11-02 08:00', 2400, [
      pause('2026-11-02 10:00', '2026-11-03 08:00'),
      pause('2026-11-03 07:45', '2026-11-03 09:00'),
    ]),
    dxb('2026-11-10 10:30').toISOString()
  );
  // A start inside a pause waits for its end: 60 from Mon 10:30 with the hold → Tue 09:00 + 60 = 10:00.
  assert.equal(due('2026-11-02 10:30', 60, [hold]), dxb('2026-11-03 10:00').toISOString());
  // Two pauses inside one opening: 120 from Mon 08:00, paused 08:30–09:00 and 09:15–09:30 → 08:00 + 120 + 45 = 10:45.
  assert.equal(
    due('2026-11-02 08:00', 120, [
      pause('2026-11-02 08:30', '2026-11-02 09:00'),
      pause('2026-11-02 09:15', '2026-11-02 09:30'),
    ]),
    dxb('2026-11-02 10:45').toISOString()
  );
});

test('a 3-year span is computed arithmetically, holidays included', () => {
  // Mon 2024-01-01 00:00 → Mon 2027-01-04 00:00 = 1099 days = 157 weeks × 2190 = 343,830 minutes, less the
  // holidays that fall on working days: 18 on Mon–Thu × 480 = 8,640 and 2 on Fridays (2025-06-06,
  // 2026-03-20) × 270 = 540 (the other 4 fall on weekends) → 343,830 − 9,180 = 334,650.
  assert.equal(between('2024-01-01 00:00', '2027-01-04 00:00'), 334_650);
  // The same amount from the same start runs out at the last closing before 2027-01-04: Fri 2027-01-01 12:00.
  assert.equal(due('2024-01-01 00:00', 334_650), dxb('2027-01-01 12:00').toISOString());
  assert.equal(due('2024-01-01 00:00', 334_651), dxb('2027-01-04 07:31').toISOString());
  // 24x7: 1099 × 1440 = 1,582,560.
  assert.equal(between('2024-01-01 00:00', '2027-01-04 00:00', [], allDay()), 1_582_560);
  // A pause over one whole working week of 2025 (Mon 06-09 → Mon 06-16): 4 × 480 + 270 = 2190 less.
  assert.equal(
    between('2024-01-01 00:00', '2027-01-04 00:00', [pause('2025-06-09 00:00', '2025-06-16 00:00')]),
    334_650 - 2190
  );
});

test('clock changes: business time is real time (New York and London)', () => {
  const ny = compileCalendar({ timezone: 'America/New_York', weekly_hours: FIELD_HOURS });
  const nyAllDay = compileCalendar({ timezone: 'America/New_York', weekly_hours: ALL_DAY });
  // Fri 2026-03-06 11:00 EST (16:00Z) + 90: Fri 11:00–12:00 = 60, then Mon 03-09 07:30 EDT + 30 = 08:00 EDT = 12:00Z.
  assert.equal(addBusinessMinutes(new Date('2026-03-06T16:00:00Z'), 90, ny).toISOString(), '2026-03-09T12:00:00.000Z');
  // 24x7 across the change: 1440 minutes after Sat 12:00 EST (17:00Z) is Sun 17:00Z = 13:00 EDT.
  assert.equal(
    addBusinessMinutes(new Date('2026-03-07T17:00:00Z'), 1440, nyAllDay).toISOString(),
    '2026-03-08T17:00:00.000Z'
  );
  // Three years of 24x7 in New York is exactly the real minutes, whatever the clock changes.
  assert.equal(
    businessMinutesBetween(new Date('2024-01-01T05:00:00Z'), new Date('2027-01-04T05:00:00Z'), nyAllDay),
    1_582_560
  );
  // Field hours never span the 02:00 change: 157 weeks × 2190.
  assert.equal(businessMinutesBetween(new Date('2024-01-01T05:00:00Z'), new Date('2027-01-04T05:00:00Z'), ny), 343_830);
  // London 24x7, Sat 12:00 GMT → Sun 13:00 BST is 24 real hours though the wall clock moved 25.
  const london = compileCalendar({ timezone: 'Europe/London', weekly_hours: ALL_DAY });
  assert.equal(
    businessMinutesBetween(new Date('2026-03-28T12:00:00Z'), new Date('2026-03-29T12:00:00Z'), london),
    1440
  );
});

test('empty and reversed spans are worth nothing; zero minutes is due at once', () => {
  assert.equal(between('2026-11-19 14:00', '2026-11-19 14:00'), 0);
  assert.equal(between('2026-11-19 15:00', '2026-11-19 14:00'), 0);
  assert.equal(due('2026-11-21 09:00', 0), dxb('2026-11-21 09:00').toISOString());
});

test('agrees with a step-by-step count through Intl on random spans (Dubai and New York, pauses included)', () => {
  // The reference walks 10-minute steps (every boundary here is on a multiple of 10 minutes) and asks Intl
  // for each step's wall clock: independent of the offset tables and of the week skipping.
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const STEP = 600_000;
  const zones = ['Asia/Dubai', 'America/New_York'];
  for (const zone of zones) {
    const cal = compileCalendar({ timezone: zone, weekly_hours: FIELD_HOURS, holidays: ['2026-03-10', '2026-11-04'] });
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    const dows: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
    const open = (t: number) => {
      const p = Object.fromEntries(fmt.formatToParts(t).map((x) => [x.type, x.value]));
      if (['2026-03-10', '2026-11-04'].includes(`${p.year}-${p.month}-${p.day}`)) {
        return false;
      }
      const m = Number(p.hour) * 60 + Number(p.minute);
      const dow = dows[p.weekday];
      return dow <= 4 ? m >= 450 && m < 930 : dow === 5 ? m >= 450 && m < 720 : false;
    };
    for (const base of [Date.UTC(2026, 2, 1), Date.UTC(2026, 9, 26)]) {
      for (let i = 0; i < 8; i++) {
        const from = base + Math.floor(rand() * 14 * 144) * STEP;
        const to = from + Math.floor(rand() * 21 * 144) * STEP;
        const p0 = from + Math.floor(rand() * 7 * 144) * STEP;
        const pauses = [{ start: p0, end: p0 + Math.floor(rand() * 3 * 144) * STEP }];
        let expected = 0;
        for (let t = from; t < to; t += STEP) {
          if (open(t) && !(t >= pauses[0].start && t < pauses[0].end)) {
            expected += 10;
          }
        }
        assert.equal(
          businessMinutesBetween(from, to, cal, pauses),
          expected,
          `${zone} ${new Date(from).toISOString()} → ${new Date(to).toISOString()}`
        );
        if (expected > 0) {
          // The due instant of that many minutes from `from` is the end of the last counted step.
          let left = expected;
          let end = from;
          for (let t = from; left > 0; t += STEP) {
            if (open(t) && !(t >= pauses[0].start && t < pauses[0].end)) {
              left -= 10;
              end = t + STEP;
            }
          }
          assert.equal(
            addBusinessMinutes(from, expected, cal, pauses).getTime(),
            end,
            `due ${zone} ${new Date(from).toISOString()} + ${expected}`
          );
        }
      }
    }
  }
});
