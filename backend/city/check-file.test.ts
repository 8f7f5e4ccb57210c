import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { CityFileError, readCityFile, type Problem } from './check-file.ts';

const DUBAI = readFileSync(join(fileURLToPath(import.meta.url), '../../../config/cities/dubai.yaml'), 'utf8');

/** The Dubai file with `edit` applied to its parsed form. */
function edited(edit: (f: any) => void): string {
  const f = parse(DUBAI);
  edit(f);
  return stringify(f);
}
function problemsOf(text: string): Problem[] {
  try {
    readCityFile(text, 'city.yaml');
  } catch (err) {
    assert.ok(err instanceof CityFileError, String(err));
    return err.problems;
  }
  assert.fail('the file was accepted');
}

test('the Dubai file is valid', () => {
  const f = readCityFile(DUBAI, 'dubai.yaml');
  assert.equal(f.city.time_zone, 'Asia/Dubai');
  assert.equal(f.request_kinds.length, 6);
});

test('every problem is reported at once, each naming its path', () => {
  const problems = problemsOf(
    edited((f) => {
      f.topics[3].department = 'xyz';
      f.city.time_zone = 'Mars/Olympus';
      f.channels.push({ ...f.channels[0] });
      f.sla_policies[0].calendar = 'nowhere';
      f.calendars[1].hours.sat = ['09:00-08:00'];
      f.holidays[0].date = '2027-02-30';
      f.departments[0].name = { en: 'Buildings' };
    })
  );
  assert.deepEqual(problems.map((p) => `${p.path}: ${p.message}`).sort(), [
    'calendars[1].hours.sat[0]: ends (08:00) before it starts (09:00)',
    'calendars[1].weekend: sat is a weekend day but has opening hours',
    'channels[8]: channel "website" again (first at channels[0])',
    'city.time_zone: unknown time zone "Mars/Olympus"',
    'departments[0].name.ar: Invalid input: expected string, received undefined',
    'holidays[0].date: "2027-02-30" is not a date',
    'sla_policies[0].calendar: unknown calendar "nowhere"',
    'topics[3].department: unknown department "xyz"',
  ]);
});

test('a message names the file and every problem on its own line', () => {
  try {
    readCityFile(
      edited((f) => {
        f.topics[0].department = 'xyz';
        f.topics[1].default_priority = 'asap';
      }),
      'city.yaml'
    );
    assert.fail();
  } catch (err) {
    assert.match(
      (err as Error).message,
      /^city\.yaml: 2 problems\n {2}topics\[0\]\.department: unknown department "xyz"\n {2}topics\[1\]\.default_priority: /
    );
  }
});

test("names only in the city's languages; en and ar required in it", () => {
  const problems = problemsOf(
    edited((f) => {
      f.city.languages = ['en'];
      f.channels[0].name.fr = 'Site web';
      f.topics[0].proactive_action = { de: 'Leeren' };
    })
  );
  assert.deepEqual(problems.map((p) => `${p.path}: ${p.message}`).sort(), [
    'channels[0].name.fr: "fr" is not one of the city\'s languages (en)',
    'city.languages: must include "ar"',
    'topics[0].proactive_action.de: "de" is not one of the city\'s languages (en)',
  ]);
  assert.ok(problems.some((p) => p.path === 'city.languages' && p.message === 'must include "ar"'));
  assert.ok(problems.some((p) => p.path === 'channels[0].name.fr'));
  assert.ok(problems.some((p) => p.path === 'topics[0].proactive_action.de'));
});

test('the six request kinds and four priorities must each be there; unknown ones are refused', () => {
  const problems = problemsOf(
    edited((f) => {
      f.request_kinds.pop();
      f.priorities[0].code = 'asap';
    })
  );
  assert.equal(problems.length, 2, JSON.stringify(problems));
  assert.ok(
    problems.some((p) => p.path === 'request_kinds' && /missing "suggestion"/.test(p.message)),
    JSON.stringify(problems)
  );
  assert.ok(
    problems.some((p) => p.path === 'priorities[0].code'),
    JSON.stringify(problems)
  );
});

test('a missing section, an unknown section and an unknown key are named', () => {
  const problems = problemsOf(
    edited((f) => {
      delete f.holidays;
      f.extras = 1;
      f.topics[0].colour = 'red';
    })
  );
  assert.ok(problems.some((p) => p.path === 'holidays' && p.message === 'is missing'));
  assert.ok(problems.some((p) => p.path === 'extras'));
  assert.ok(
    problems.some((p) => p.path === 'topics[0]' && /colour/.test(p.message)),
    JSON.stringify(problems)
  );
});

test('YAML that does not parse is a problem with its line', () => {
  const problems = problemsOf('city:\n  time_zone: [unclosed\n');
  assert.match(problems[0].path, /^line \d+$/);
});

test('effective_from: a date or an instant with a zone', () => {
  const problems = problemsOf(
    edited((f) => {
      f.sla_policies[0].effective_from = '2027-01-01 10:00';
    })
  );
  assert.deepEqual(
    problems.map((p) => p.path),
    ['sla_policies[0].effective_from']
  );
});

test("a channel's digital flag: true or false, nothing else; absent is false", () => {
  const problems = problemsOf(
    edited((f) => {
      f.channels[0].digital = 'yes';
    })
  );
  assert.deepEqual(
    problems.map((p) => p.path),
    ['channels[0].digital']
  );
  const f = readCityFile(
    edited((g) => {
      delete g.channels[0].digital;
      g.channels[1].digital = false;
    }),
    'city.yaml'
  );
  assert.deepEqual(
    f.channels.slice(0, 2).map((c) => c.digital),
    [undefined, false]
  );
});
