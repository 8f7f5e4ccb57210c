// Gregorian dates of Hijri (Islamic) dates by ICU's Umm al-Qura calendar (Intl 'islamic-umalqura'): how the city
// file's lunar holidays are computed ahead, as provisional dates, until the announced dates replace them. Pure.
import { present } from '../domain/lookup.ts';
const FORMAT = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Hijri year, month and day of a Gregorian date "YYYY-MM-DD". */
export function hijriOf(date: string): { year: number; month: number; day: number } {
  const parts = FORMAT.formatToParts(new Date(`${date}T12:00:00Z`));
  const n = (t: Intl.DateTimeFormatPartTypes) =>
    Number.parseInt(
      present(
        parts.find((p) => p.type === t),
        `the Hijri ${t}`
      ).value,
      10
    );
  return { year: n('year'), month: n('month'), day: n('day') };
}

/** Every Gregorian date of `gregorianYear` that is Hijri month `month`, day `day` (none, one, or rarely two). */
export function gregorianDatesOf(gregorianYear: number, month: number, day: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(gregorianYear, 0, 1); new Date(t).getUTCFullYear() === gregorianYear; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const h = hijriOf(date);
    if (h.month === month && h.day === day) {
      out.push(date);
    }
  }
  return out;
}
