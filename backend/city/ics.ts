// Holidays from an iCalendar (RFC 5545) file, read with ical.js (Mozilla's maintained parser: unfolding, escaping,
// parameters, components, recurrence expansion). What is taken: each VEVENT's DTSTART and DTEND (VALUE=DATE, or
// date-times: UTC "…Z" dated in the city's zone, floating or TZID times dated as written) and SUMMARY (a
// SUMMARY;LANGUAGE=ar gives the Arabic name). An all-day event's DTEND is exclusive (§3.6.1), so a three-day holiday
// DTSTART 20270309 / DTEND 20270312 gives 9, 10 and 11 March; a date-time event covers each local date it touches.
// A recurring event (RRULE, RDATE, EXDATE) gives every occurrence when it ends (COUNT or UNTIL); an endless rule is
// refused (a calendar of holidays must say which years it covers). Dates are checked as written: ical.js would roll
// 30 February over into March. Every problem is reported with the line it starts on. Pure.
import ICAL from 'ical.js';
import { DAY_MS, dayOfDate, localDay } from '../sla/time-zone.ts';

export type IcsHoliday = { date: string; en: string; ar: string | null; line: number };
export type IcsProblem = { line: number; message: string };
export type IcsResult = { holidays: IcsHoliday[]; problems: IcsProblem[] };

/** More occurrences than this from one event is not a holiday calendar. */
const MAX_OCCURRENCES = 1000;

type Jcal = [string, Record<string, string>, string, ...unknown[]];
type When = { day: number; midnight: boolean } | { error: string };

/** Where each VEVENT begins, and where a property of it starts (the file's own line numbers, for messages). */
function lineIndex(text: string) {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const starts = raw.flatMap((l, i) => (l.trim().toUpperCase() === 'BEGIN:VEVENT' ? [i] : []));
  return {
    event: (n: number) => (starts[n] ?? 0) + 1,
    property: (n: number, name: string) => {
      const from = starts[n] ?? 0;
      const at = raw.findIndex((l, i) => i > from && new RegExp(`^${name}[;:]`, 'i').test(l));
      return at < 0 ? from + 1 : at + 1;
    },
  };
}

/** A DATE or DATE-TIME value (jCal: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS[Z]") as a local day, checked as written. */
function readWhen(name: string, type: string, value: string, zone: string): When {
  const shown = value.replaceAll('-', '').replaceAll(':', '');
  const date = /^(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (type === 'date' && date) {
    const day = dayOfDate(date[1]);
    return Number.isNaN(day) || new Date(day * DAY_MS).toISOString().slice(0, 10) !== date[1]
      ? { error: `${name} "${shown}" is not a date` }
      : { day, midnight: true };
  }
  const dt = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(Z?)$/.exec(value);
  if (type !== 'date-time' || !dt) {
    return { error: `${name} "${shown}" is neither a DATE (YYYYMMDD) nor a DATE-TIME (YYYYMMDDTHHMMSS[Z])` };
  }
  const day = dayOfDate(dt[1]);
  if (
    Number.isNaN(day) ||
    new Date(day * DAY_MS).toISOString().slice(0, 10) !== dt[1] ||
    Number(dt[2]) > 23 ||
    Number(dt[3]) > 59 ||
    Number(dt[4]) > 60
  ) {
    return { error: `${name} "${shown}" is not a real date and time` };
  }
  const ms = day * DAY_MS + ((Number(dt[2]) * 60 + Number(dt[3])) * 60 + Number(dt[4])) * 1000;
  if (dt[5] === 'Z') {
    return { day: localDay(zone, ms), midnight: false };
  }
  return { day, midnight: ms === day * DAY_MS };
}

const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The holidays of an .ics text: one per date an event (or each of its occurrences) covers. `zone`: where UTC times are dated. */
export function readIcsHolidays(text: string, zone: string): IcsResult {
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\n|\r/)
      .find((l) => l.trim() !== '') ?? '';
  if (firstLine.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    return {
      holidays: [],
      problems: [{ line: 1, message: 'not an iCalendar file (it must begin with BEGIN:VCALENDAR)' }],
    };
  }
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    return {
      holidays: [],
      problems: [{ line: 1, message: `not a readable iCalendar file: ${(err as Error).message}` }],
    };
  }
  const lines = lineIndex(text);
  const holidays: IcsHoliday[] = [];
  const problems: IcsProblem[] = [];
  const events = calendar.getAllSubcomponents('vevent');
  if (!events.length) {
    problems.push({ line: 1, message: 'holds no VEVENT' });
  }
  events.forEach((event, n) => readEvent(event, n, lines, zone, holidays, problems));
  return { holidays, problems };
}

function readEvent(
  event: ICAL.Component,
  n: number,
  lines: ReturnType<typeof lineIndex>,
  zone: string,
  out: IcsHoliday[],
  problems: IcsProblem[]
): void {
  const line = lines.event(n);
  // The properties as parsed (jCal), before ical.js turns their values into times (which would roll 30 February over).
  const prop = (name: string) => (event.jCal[1] as Jcal[]).find((p) => p[0] === name);
  const summaries = event.getAllProperties('summary');
  const textOf = (p: ICAL.Property | undefined) => String(p?.getFirstValue() ?? '').trim();
  const en =
    summaries.find((s) => {
      const l = s.getParameter('language');
      return !l || /^en\b/i.test(String(l));
    }) ?? summaries[0];
  const ar = summaries.find((s) => /^ar\b/i.test(String(s.getParameter('language') ?? '')));
  const start = prop('dtstart');
  if (!start) {
    problems.push({ line, message: 'VEVENT without DTSTART' });
    return;
  }
  const from = readWhen('DTSTART', start[2], String(start[3]), zone);
  if ('error' in from) {
    problems.push({ line: lines.property(n, 'DTSTART'), message: from.error });
    return;
  }
  if (!textOf(en)) {
    problems.push({ line, message: "VEVENT without a SUMMARY (the holiday's name)" });
    return;
  }
  const end = prop('dtend');
  let span = 0; // days after the first that the event also covers
  if (end) {
    const to = readWhen('DTEND', end[2], String(end[3]), zone);
    if ('error' in to) {
      problems.push({ line: lines.property(n, 'DTEND'), message: to.error });
      return;
    }
    // An end at midnight is exclusive (the all-day form); any other end includes its day.
    span = (to.midnight ? to.day - 1 : to.day) - from.day;
    if (span < 0) {
      problems.push({ line: lines.property(n, 'DTEND'), message: 'DTEND is before DTSTART' });
      return;
    }
  }
  let firstDays = [from.day];
  const rule = event.getFirstPropertyValue('rrule') as ICAL.Recur | null;
  if (rule && !rule.count && !rule.until) {
    problems.push({
      line: lines.property(n, 'RRULE'),
      message: 'RRULE without COUNT or UNTIL: an endless rule cannot be imported; bound it or list each date',
    });
    return;
  }
  const recurring = new ICAL.Event(event);
  if (recurring.isRecurring()) {
    firstDays = [];
    const it = recurring.iterator();
    for (let next = it.next(); next; next = it.next()) {
      if (firstDays.length === MAX_OCCURRENCES) {
        problems.push({
          line: lines.property(n, 'RRULE'),
          message: `more than ${MAX_OCCURRENCES} occurrences: not a holiday calendar`,
        });
        return;
      }
      // Each occurrence is dated as DTSTART is (a UTC start in the city's zone, else as written).
      const shift = Math.round(
        (Date.UTC(next.year, next.month - 1, next.day) -
          Date.UTC(recurring.startDate.year, recurring.startDate.month - 1, recurring.startDate.day)) /
          DAY_MS
      );
      firstDays.push(from.day + shift);
    }
    // ical.js yields DTSTART itself only with an RRULE; with RDATEs alone it is still the first occurrence (§3.8.5.2)
    // unless an EXDATE takes it out.
    const excluded = event.getAllProperties('exdate').flatMap((p) => p.getValues().map((v) => String(v).slice(0, 10)));
    if (!rule && !excluded.includes(String(start[3]).slice(0, 10))) {
      firstDays.unshift(from.day);
    }
  }
  const names = { en: textOf(en), ar: ar ? textOf(ar) : null };
  for (const first of firstDays) {
    for (let d = first; d <= first + span; d++) {
      out.push({ date: iso(d), ...names, line });
    }
  }
}
