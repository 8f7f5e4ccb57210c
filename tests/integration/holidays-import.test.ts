// services360 holidays import against real PostGIS: a small .ics written here goes into one calendar or into
// every calendar, idempotently; a date already there keeps its row (and its Arabic name when the file has none);
// a bad file or an unknown calendar changes nothing.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { CityFileError } from '../../backend/city/check-file.ts';
import { importHolidays } from '../../backend/city/import-holidays.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 's360-ics-'));
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

function icsFile(name: string, ...lines: string[]): string {
  const path = join(dir, name);
  // Folded at 40 octets as a producer may fold (CRLF then a space).
  const folded = lines.flatMap((l) => (l.length > 40 ? [l.slice(0, 40), ` ${l.slice(40)}`] : [l]));
  writeFileSync(
    path,
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Services 360 test//EN', ...folded, 'END:VCALENDAR', ''].join('\r\n')
  );
  return path;
}
const holidays = async () =>
  (
    await db.pool.query(
      `SELECT coalesce(calendar_code, '*') AS calendar, to_char(day, 'YYYY-MM-DD') AS day, name_en, ` +
        `name_ar, provisional FROM holidays WHERE day >= '2028-01-01' ORDER BY day, calendar_code`
    )
  ).rows;

test('an .ics into the field calendar: one row per date, all-day DTEND exclusive; importing it again changes nothing', async () => {
  const path = icsFile(
    'field.ics',
    'BEGIN:VEVENT',
    'UID:1@test',
    'DTSTART;VALUE=DATE:20280226',
    'DTEND;VALUE=DATE:20280229',
    'SUMMARY:Eid al-Fitr (announced\\, three days)',
    'SUMMARY;LANGUAGE=ar:عيد الفطر',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:2@test',
    'DTSTART;VALUE=DATE:20281202',
    'SUMMARY:National Day',
    'END:VEVENT'
  );
  const first = await importHolidays(db.pool, path, { calendar: 'field', provisional: false, dryRun: false });
  assert.equal(first.applied, true);
  assert.equal(first.arabicFromEnglish, 1);
  assert.deepEqual(await holidays(), [
    {
      calendar: 'field',
      day: '2028-02-26',
      name_en: 'Eid al-Fitr (announced, three days)',
      name_ar: 'عيد الفطر',
      provisional: false,
    },
    {
      calendar: 'field',
      day: '2028-02-27',
      name_en: 'Eid al-Fitr (announced, three days)',
      name_ar: 'عيد الفطر',
      provisional: false,
    },
    {
      calendar: 'field',
      day: '2028-02-28',
      name_en: 'Eid al-Fitr (announced, three days)',
      name_ar: 'عيد الفطر',
      provisional: false,
    },
    { calendar: 'field', day: '2028-12-02', name_en: 'National Day', name_ar: 'National Day', provisional: false },
  ]);
  const again = await importHolidays(db.pool, path, { calendar: 'field', provisional: false, dryRun: false });
  assert.deepEqual(again, { plan: { steps: [], problems: [] }, applied: false, arabicFromEnglish: 0 });
});

test('--all-calendars writes holidays without a calendar; a known date keeps its Arabic name when the file has none', async () => {
  await db.pool.query(
    `INSERT INTO holidays (calendar_code, day, name_en, name_ar, provisional) VALUES (NULL, '2028-01-01', ` +
      `'New Year', 'رأس السنة الميلادية', true)`
  );
  const path = icsFile(
    'all.ics',
    'BEGIN:VEVENT',
    'UID:3@test',
    'DTSTART;VALUE=DATE:20280101',
    "SUMMARY:New Year's Day",
    'END:VEVENT'
  );
  const r = await importHolidays(db.pool, path, { calendar: null, provisional: false, dryRun: false });
  assert.deepEqual(
    r.plan.steps.map((s) => [s.op, s.code, s.fields.map((f) => `${f.field}: ${f.from} → ${f.to}`)]),
    [['~', '2028-01-01 (every calendar)', ['name.en: "New Year" → "New Year\'s Day"', 'provisional: true → false']]]
  );
  assert.deepEqual((await holidays())[0], {
    calendar: '*',
    day: '2028-01-01',
    name_en: "New Year's Day",
    name_ar: 'رأس السنة الميلادية',
    provisional: false,
  });
});

test('a bad file and a calendar that does not observe holidays change nothing and say why', async () => {
  const before = await holidays();
  const bad = icsFile(
    'bad.ics',
    'BEGIN:VEVENT',
    'UID:4@test',
    'DTSTART;VALUE=DATE:20280301',
    'SUMMARY:Fine',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:5@test',
    'DTSTART;VALUE=DATE:20280231',
    'SUMMARY:No such day',
    'END:VEVENT'
  );
  await assert.rejects(
    importHolidays(db.pool, bad, { calendar: 'field', provisional: false, dryRun: false }),
    (err: unknown) => {
      assert.ok(err instanceof CityFileError);
      assert.deepEqual(err.problems, [{ path: 'line 11', message: 'DTSTART "20280231" is not a date' }]);
      return true;
    }
  );
  const good = icsFile(
    'good.ics',
    'BEGIN:VEVENT',
    'UID:6@test',
    'DTSTART;VALUE=DATE:20280301',
    'SUMMARY:Fine',
    'END:VEVENT'
  );
  await assert.rejects(
    importHolidays(db.pool, good, { calendar: '24x7', provisional: false, dryRun: false }),
    (err: unknown) => err instanceof CityFileError && err.problems[0].message === '"24x7" does not observe holidays'
  );
  await assert.rejects(
    importHolidays(db.pool, good, { calendar: 'nowhere', provisional: false, dryRun: false }),
    (err: unknown) => err instanceof CityFileError && err.problems[0].message === '"nowhere" is not a calendar'
  );
  assert.deepEqual(await holidays(), before);
});
