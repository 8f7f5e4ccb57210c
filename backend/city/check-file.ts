// Reads a city configuration file (YAML text) and checks it whole: the shape (schema.ts, section by section, so
// one bad section does not hide the others' problems) and what needs the whole file — codes unique, references
// to departments, calendars and topics that exist, the six kinds and four priorities each once, names only in the
// city's languages, valid time zones, dates and opening hours. Every problem is reported, each naming its path
// (`topics[3].department: unknown department "xyz"`). Pure.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { dayOfDate, isTimeZone } from '../sla/time-zone.ts';
import { CityFileSchema, DAYS, PRIORITY_CODES, REQUEST_KINDS, type CityFile } from './schema.ts';
import { parseEffectiveFrom } from './effective-from.ts';

export type Problem = { path: string; message: string };

export class CityFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: Problem[]
  ) {
    super(
      `${source}: ${problems.length} problem${problems.length > 1 ? 's' : ''}\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`
    );
  }
}

/** `topics[3].department` from a path of keys and indexes. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) {
    out += typeof k === 'number' ? `[${k}]` : out ? `.${String(k)}` : String(k);
  }
  return out || '(file)';
}

const SECTIONS = Object.keys(CityFileSchema.shape) as Array<keyof CityFile>;

/** The file, checked; throws CityFileError listing every problem. */
export function readCityFile(text: string, source: string): CityFile {
  const problems: Problem[] = [];
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  for (const e of doc.errors) {
    problems.push({ path: `line ${e.linePos?.[0].line ?? '?'}`, message: e.message.split('\n')[0] });
  }
  if (problems.length) {
    throw new CityFileError(source, problems);
  }
  const raw: unknown = doc.toJS();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CityFileError(source, [
      { path: '(file)', message: 'must be a mapping of the sections ' + SECTIONS.join(', ') },
    ]);
  }
  const data = raw as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!SECTIONS.includes(key as keyof CityFile)) {
      problems.push({ path: key, message: `unknown section; the sections are ${SECTIONS.join(', ')}` });
    }
  }
  // Each section on its own: the sections that parse are checked further even when another did not.
  // A list is checked item by item: its good items (at their own indexes; a bad one leaves a hole) go on to the
  // checks of the whole, and the codes of every item count as known, so one bad item does not make others'
  // references "unknown".
  const parsed: Partial<CityFile> = {};
  const broken = new Set<string>();
  for (const key of SECTIONS) {
    const schema = CityFileSchema.shape[key] as z.ZodType;
    if (!(key in data)) {
      problems.push({ path: key, message: 'is missing' });
      broken.add(key);
      continue;
    }
    const value = data[key];
    const element = schema instanceof z.ZodArray ? (schema.element as z.ZodType) : null;
    if (element && Array.isArray(value)) {
      const items: unknown[] = new Array(value.length);
      value.forEach((item, i) => {
        const r = element.safeParse(item);
        if (r.success) {
          items[i] = r.data;
        } else {
          broken.add(key);
          for (const issue of r.error.issues) {
            problems.push({ path: pathText([key, i, ...issue.path]), message: issue.message });
          }
        }
      });
      (parsed as Record<string, unknown>)[key] = items;
      continue;
    }
    const r = schema.safeParse(value);
    if (r.success) {
      (parsed as Record<string, unknown>)[key] = r.data;
    } else {
      broken.add(key);
      for (const issue of r.error.issues) {
        problems.push({ path: pathText([key, ...issue.path]), message: issue.message });
      }
    }
  }
  const codesIn = (key: string) =>
    Array.isArray(data[key])
      ? new Set(
          (data[key] as unknown[])
            .map((x) => (x as { code?: unknown })?.code)
            .filter((c): c is string => typeof c === 'string')
        )
      : null;
  problems.push(
    ...checkWhole(
      parsed,
      {
        calendars: codesIn('calendars'),
        departments: codesIn('departments'),
        topics: codesIn('topics'),
        channels: codesIn('channels'),
      },
      broken
    )
  );
  if (problems.length) {
    throw new CityFileError(source, inFileOrder(problems));
  }
  return parsed as CityFile;
}

/** Problems in the order of the file: by section, then by item. */
function inFileOrder(problems: Problem[]): Problem[] {
  const key = (p: Problem) => {
    const m = /^([a-z_]+)(?:\[(\d+)\])?/.exec(p.path);
    const section = m ? SECTIONS.indexOf(m[1] as keyof CityFile) : -1;
    return [section === -1 ? -1 : section, m?.[2] === undefined ? -1 : Number(m[2])];
  };
  return problems
    .map((p, i) => ({ p, i, k: key(p) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.p);
}

function duplicates<T>(items: readonly T[], key: (t: T) => string, section: string, what: string): Problem[] {
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, i);
    } else {
      out.push({ path: `${section}[${i}]`, message: `${what} ${k} again (first at ${section}[${first}])` });
    }
  });
  return out;
}

function exactlyOnce(
  items: ReadonlyArray<{ code: string }> | undefined,
  codes: readonly string[],
  section: string
): Problem[] {
  if (!items) {
    return [];
  }
  const present = new Set(items.map((i) => i.code));
  const missing = codes.filter((c) => !present.has(c));
  return missing.length
    ? [
        {
          path: section,
          message: `missing ${missing.map((c) => `"${c}"`).join(', ')}: each of ${codes.join(', ')} must be given once`,
        },
      ]
    : [];
}

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

type Known = {
  calendars: Set<string> | null;
  departments: Set<string> | null;
  topics: Set<string> | null;
  channels: Set<string> | null;
};

/**
 * The checks that need more than one section, over the items that parsed (a list may have holes where an item
 * did not; a section that did not parse is skipped). `known`: the codes present, good items or not. `whole`: every
 * item parsed (only then is a missing kind or priority reported: a bad one is reported already).
 */
export function checkWhole(f: Partial<CityFile>, known?: Known, broken: ReadonlySet<string> = new Set()): Problem[] {
  const out: Problem[] = [];
  const languages = new Set(f.city?.languages ?? []);
  if (f.city) {
    if (!isTimeZone(f.city.time_zone)) {
      out.push({ path: 'city.time_zone', message: `unknown time zone "${f.city.time_zone}"` });
    }
    for (const l of ['en', 'ar']) {
      if (!languages.has(l)) {
        out.push({ path: 'city.languages', message: `must include "${l}"` });
      }
    }
    if (languages.size !== f.city.languages.length) {
      out.push({ path: 'city.languages', message: 'lists a language twice' });
    }
  }
  const namesIn = (section: string, items: ReadonlyArray<{ name: Record<string, string> }> | undefined) => {
    if (!f.city) {
      return;
    }
    items?.forEach((item, i) => {
      for (const l of Object.keys(item.name)) {
        if (l !== 'en' && l !== 'ar' && !languages.has(l)) {
          out.push({
            path: `${section}[${i}].name.${l}`,
            message: `"${l}" is not one of the city's languages (${[...languages].join(', ')})`,
          });
        }
      }
    });
  };
  namesIn('request_kinds', f.request_kinds);
  namesIn('priorities', f.priorities);
  namesIn('channels', f.channels);
  namesIn('calendars', f.calendars);
  namesIn('departments', f.departments);
  namesIn('topics', f.topics);
  namesIn('holidays', f.holidays);

  if (!broken.has('request_kinds')) {
    out.push(...exactlyOnce(f.request_kinds, REQUEST_KINDS, 'request_kinds'));
  }
  if (!broken.has('priorities')) {
    out.push(...exactlyOnce(f.priorities, PRIORITY_CODES, 'priorities'));
  }
  const code = (x: { code: string }) => `"${x.code}"`;
  if (f.request_kinds) {
    out.push(...duplicates(f.request_kinds, code, 'request_kinds', 'request kind'));
  }
  if (f.priorities) {
    out.push(...duplicates(f.priorities, code, 'priorities', 'priority'));
  }
  if (f.channels) {
    out.push(...duplicates(f.channels, code, 'channels', 'channel'));
  }
  if (f.calendars) {
    out.push(...duplicates(f.calendars, code, 'calendars', 'calendar'));
  }
  if (f.departments) {
    out.push(...duplicates(f.departments, code, 'departments', 'department'));
  }
  if (f.topics) {
    out.push(...duplicates(f.topics, code, 'topics', 'topic'));
  }
  if (f.sla_policies) {
    out.push(...duplicates(f.sla_policies, code, 'sla_policies', 'policy'));
  }
  if (f.holidays) {
    out.push(
      ...duplicates(
        f.holidays,
        (h) => `${h.date}${h.calendar ? ` of calendar "${h.calendar}"` : ' of every calendar'}`,
        'holidays',
        'holiday'
      )
    );
  }

  const codes = (xs: ReadonlyArray<{ code: string }> | undefined) =>
    xs ? new Set(xs.filter(Boolean).map((x) => x.code)) : null;
  const calendars = known ? known.calendars : codes(f.calendars);
  const departments = known ? known.departments : codes(f.departments);
  const topics = known ? known.topics : codes(f.topics);
  const channels = known ? known.channels : codes(f.channels);

  f.calendars?.forEach((c, i) => {
    const p = `calendars[${i}]`;
    if (c.time_zone !== undefined && !isTimeZone(c.time_zone)) {
      out.push({ path: `${p}.time_zone`, message: `unknown time zone "${c.time_zone}"` });
    }
    let open = 0;
    for (const day of DAYS) {
      const spans = c.hours[day] ?? [];
      spans.forEach((s, j) => {
        const [from, to] = s.split('-');
        const a = minuteOf(from),
          b = to === '24:00' ? 1440 : minuteOf(to);
        if (b <= a) {
          out.push({ path: `${p}.hours.${day}[${j}]`, message: `ends (${to}) before it starts (${from})` });
        } else {
          open += b - a;
        }
      });
      const weekend = c.weekend.includes(day);
      if (weekend && spans.length) {
        out.push({ path: `${p}.weekend`, message: `${day} is a weekend day but has opening hours` });
      }
      if (!weekend && !spans.length) {
        out.push({ path: `${p}.weekend`, message: `${day} has no opening hours: list it as a weekend day` });
      }
    }
    if (open === 0) {
      out.push({ path: `${p}.hours`, message: 'the calendar is never open' });
    }
  });
  f.departments?.forEach((d, i) => {
    if (calendars && !calendars.has(d.calendar)) {
      out.push({ path: `departments[${i}].calendar`, message: `unknown calendar "${d.calendar}"` });
    }
  });
  f.topics?.forEach((t, i) => {
    if (departments && !departments.has(t.department)) {
      out.push({ path: `topics[${i}].department`, message: `unknown department "${t.department}"` });
    }
    if (f.city) {
      for (const l of Object.keys(t.proactive_action ?? {})) {
        if (!languages.has(l)) {
          out.push({
            path: `topics[${i}].proactive_action.${l}`,
            message: `"${l}" is not one of the city's languages (${[...languages].join(', ')})`,
          });
        }
      }
    }
  });
  f.holidays?.forEach((h, i) => {
    if (Number.isNaN(dayOfDate(h.date))) {
      out.push({ path: `holidays[${i}].date`, message: `"${h.date}" is not a date` });
    }
    if (h.calendar !== undefined && calendars && !calendars.has(h.calendar)) {
      out.push({ path: `holidays[${i}].calendar`, message: `unknown calendar "${h.calendar}"` });
    }
    if (h.calendar !== undefined && f.calendars?.find((c) => c?.code === h.calendar)?.observes_holidays === false) {
      out.push({ path: `holidays[${i}].calendar`, message: `calendar "${h.calendar}" does not observe holidays` });
    }
  });
  f.sla_policies?.forEach((s, i) => {
    const p = `sla_policies[${i}]`;
    if (calendars && !calendars.has(s.calendar)) {
      out.push({ path: `${p}.calendar`, message: `unknown calendar "${s.calendar}"` });
    }
    if (s.applies_to.channel !== undefined && channels && !channels.has(s.applies_to.channel)) {
      out.push({ path: `${p}.applies_to.channel`, message: `unknown channel "${s.applies_to.channel}"` });
    }
    if (s.applies_to.topic !== undefined && topics && !topics.has(s.applies_to.topic)) {
      out.push({ path: `${p}.applies_to.topic`, message: `unknown topic "${s.applies_to.topic}"` });
    }
    if (f.city && isTimeZone(f.city.time_zone) && parseEffectiveFrom(s.effective_from, f.city.time_zone) === null) {
      out.push({
        path: `${p}.effective_from`,
        message: `"${s.effective_from}" is neither a date "YYYY-MM-DD" nor an ISO 8601 instant with a zone`,
      });
    }
  });
  return out;
}
