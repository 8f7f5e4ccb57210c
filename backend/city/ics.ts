// A small iCalendar (RFC 5545) reader for holiday calendars — no parser is installed, and holidays need little:
// the VEVENTs' DTSTART and DTEND (VALUE=DATE, or date-times: UTC "…Z", floating, or with a TZID) and SUMMARY (a
// SUMMARY;LANGUAGE=ar gives the Arabic name). Lines are unfolded (a line break followed by a space or tab
// continues the line, §3.1) and text is unescaped (\\ \; \, \n, §3.3.11). An all-day event's DTEND is exclusive
// (§3.6.1), so a three-day holiday DTSTART 20270309 / DTEND 20270312 gives 9, 10 and 11 March; a date-time event
// covers each local date it touches. Recurring events (RRULE, RDATE) are refused rather than half-read. Every
// problem is reported with its line. Pure.
import { DAY_MS, dayOfDate, localDay } from '../sla/time-zone.ts';

export type IcsHoliday = { date: string; en: string; ar: string | null; line: number };
export type IcsProblem = { line: number; message: string };
export type IcsResult = { holidays: IcsHoliday[]; problems: IcsProblem[] };

type Prop = { name: string; params: Record<string, string>; value: string; line: number };

/** Unfolded content lines, each with the line number it starts on. */
export function unfold(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).forEach((raw, i) => {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && out.length) out[out.length - 1].text += raw.slice(1);
    else if (raw !== '') out.push({ text: raw, line: i + 1 });
  });
  return out;
}

/** name;param=value;param="quoted:value":value → its parts (names upper-cased); null when malformed. */
export function contentLine(text: string, line: number): Prop | null {
  let i = 0;
  const nameMatch = /^[A-Za-z0-9-]+/.exec(text);
  if (!nameMatch) return null;
  const name = nameMatch[0].toUpperCase();
  i = name.length;
  const params: Record<string, string> = {};
  while (text[i] === ';') {
    const m = /^;([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*(?:,(?:"[^"]*"|[^";:,]*))*)/.exec(text.slice(i));
    if (!m) return null;
    params[m[1].toUpperCase()] = m[2].replace(/^"|"$/g, '');
    i += m[0].length;
  }
  if (text[i] !== ':') return null;
  return { name, params, value: text.slice(i + 1), line };
}

/** TEXT value unescaped (§3.3.11). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

type When = { day: number; midnight: boolean } | { error: string };

/** A DATE or DATE-TIME value as a local day (UTC times in `zone`; floating and TZID times as written). */
function readWhen(p: Prop, zone: string): When {
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(p.value);
  if (date && (p.params.VALUE ?? 'DATE') === 'DATE') {
    const day = dayOfDate(`${date[1]}-${date[2]}-${date[3]}`);
    return Number.isNaN(day) ? { error: `${p.name} "${p.value}" is not a date` } : { day, midnight: true };
  }
  const dt = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(p.value);
  if (!dt || (p.params.VALUE && p.params.VALUE !== 'DATE-TIME')) return { error: `${p.name} "${p.value}" is neither a DATE (YYYYMMDD) nor a DATE-TIME (YYYYMMDDTHHMMSS[Z])` };
  const day = dayOfDate(`${dt[1]}-${dt[2]}-${dt[3]}`);
  if (Number.isNaN(day) || Number(dt[4]) > 23 || Number(dt[5]) > 59 || Number(dt[6]) > 60) return { error: `${p.name} "${p.value}" is not a real date and time` };
  const ms = day * DAY_MS + ((Number(dt[4]) * 60 + Number(dt[5])) * 60 + Number(dt[6])) * 1000;
  if (dt[7] === 'Z') {
    const local = localDay(zone, ms);
    return { day: local, midnight: false };
  }
  return { day, midnight: ms === day * DAY_MS };
}

const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The holidays of an .ics text: one per date an event covers. `zone`: where UTC times are dated. */
export function readIcsHolidays(text: string, zone: string): IcsResult {
  const holidays: IcsHoliday[] = [];
  const problems: IcsProblem[] = [];
  const lines = unfold(text);
  if (!lines.length || lines[0].text.toUpperCase() !== 'BEGIN:VCALENDAR') problems.push({ line: lines[0]?.line ?? 1, message: 'not an iCalendar file (it must begin with BEGIN:VCALENDAR)' });
  let event: Prop[] | null = null;
  let eventLine = 0;
  let events = 0;
  for (const l of lines) {
    const p = contentLine(l.text, l.line);
    if (!p) { problems.push({ line: l.line, message: `not a content line: "${l.text.slice(0, 60)}"` }); continue; }
    if (p.name === 'BEGIN' && p.value.toUpperCase() === 'VEVENT') { event = []; eventLine = l.line; continue; }
    if (p.name === 'END' && p.value.toUpperCase() === 'VEVENT') {
      if (event) { events++; readEvent(event, eventLine, zone, holidays, problems); }
      event = null;
      continue;
    }
    event?.push(p);
  }
  if (event) problems.push({ line: eventLine, message: 'VEVENT without END:VEVENT' });
  if (!events && !problems.length) problems.push({ line: 1, message: 'holds no VEVENT' });
  return { holidays, problems };
}

function readEvent(props: Prop[], line: number, zone: string, out: IcsHoliday[], problems: IcsProblem[]): void {
  const one = (name: string) => props.filter((p) => p.name === name);
  const recurring = props.find((p) => p.name === 'RRULE' || p.name === 'RDATE');
  if (recurring) { problems.push({ line: recurring.line, message: `${recurring.name}: recurring events are not supported; list each date` }); return; }
  const summaries = one('SUMMARY');
  const en = summaries.find((s) => !s.params.LANGUAGE || /^en\b/i.test(s.params.LANGUAGE));
  const ar = summaries.find((s) => /^ar\b/i.test(s.params.LANGUAGE ?? ''));
  const name = en ?? summaries[0];
  const start = one('DTSTART')[0];
  if (!start) { problems.push({ line, message: 'VEVENT without DTSTART' }); return; }
  if (!name || !unescapeText(name.value).trim()) { problems.push({ line, message: 'VEVENT without a SUMMARY (the holiday\'s name)' }); return; }
  const from = readWhen(start, zone);
  if ('error' in from) { problems.push({ line: start.line, message: from.error }); return; }
  const endProp = one('DTEND')[0];
  let last = from.day;
  if (endProp) {
    const to = readWhen(endProp, zone);
    if ('error' in to) { problems.push({ line: endProp.line, message: to.error }); return; }
    // An end at midnight is exclusive (the all-day form); any other end includes its day.
    last = to.midnight ? to.day - 1 : to.day;
    if (last < from.day) { problems.push({ line: endProp.line, message: 'DTEND is before DTSTART' }); return; }
  }
  for (let d = from.day; d <= last; d++) {
    out.push({ date: iso(d), en: unescapeText(name.value).trim(), ar: ar ? unescapeText(ar.value).trim() : null, line });
  }
}
