// service_notice: who handles the request and the service level it is held to, in plain words,
// e.g. "Waste Management. Target: first response within 4 hours, resolution within 40 hours (Field working hours)."
import type { Lang } from './lang.ts';

export type NoticeInput = {
  department: string | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  calendar: string | null;
};

type Unit = 'minute' | 'hour' | 'day';
const EN: Record<Unit, [string, string]> = {
  minute: ['minute', 'minutes'],
  hour: ['hour', 'hours'],
  day: ['day', 'days'],
};
// Arabic counts (as they read after خلال): 1 singular, 2 dual, 3–10 plural, 11 and more singular.
const AR: Record<Unit, { one: string; two: string; few: string; many: string }> = {
  minute: { one: 'دقيقة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة' },
  hour: { one: 'ساعة', two: 'ساعتين', few: 'ساعات', many: 'ساعة' },
  day: { one: 'يوم', two: 'يومين', few: 'أيام', many: 'يوماً' },
};

/** 240 → "4 hours"; 10080 → "7 days"; 90 → "90 minutes"; Arabic with its number agreement. */
export function duration(minutes: number, lang: Lang): string {
  let n = minutes;
  let unit: Unit = 'minute';
  if (minutes >= 2880 && minutes % 1440 === 0) {
    n = minutes / 1440;
    unit = 'day';
  } else if (minutes >= 60 && minutes % 60 === 0) {
    n = minutes / 60;
    unit = 'hour';
  }
  if (lang === 'en') {
    return `${n} ${EN[unit][n === 1 ? 0 : 1]}`;
  }
  const w = AR[unit];
  if (n === 1) {
    return w.one;
  }
  if (n === 2) {
    return w.two;
  }
  return `${n} ${n <= 10 ? w.few : w.many}`;
}

export function serviceNotice(input: NoticeInput, lang: Lang): string | null {
  const parts: string[] = [];
  if (input.department) {
    parts.push(`${input.department}.`);
  }
  if (input.firstResponseMinutes !== null && input.resolutionMinutes !== null) {
    const first = duration(input.firstResponseMinutes, lang);
    const resolution = duration(input.resolutionMinutes, lang);
    const calendar = input.calendar ? ` (${input.calendar})` : '';
    parts.push(
      lang === 'en'
        ? `Target: first response within ${first}, resolution within ${resolution}${calendar}.`
        : `المستهدف: الرد الأول خلال ${first}، والحل خلال ${resolution}${calendar}.`
    );
  }
  return parts.length ? parts.join(' ') : null;
}
