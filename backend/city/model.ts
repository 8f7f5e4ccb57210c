// The city configuration as one comparable value (State), whichever side it comes from: the file (fromFile)
// or the database (read-state.ts). The plan compares two States; export turns the database's State back into a
// file (toFile), so export then apply finds nothing to change. Pure.
import { DAYS, type CityFile, type Day } from './schema.ts';
import { formatEffectiveFrom, parseEffectiveFrom } from './effective-from.ts';
import { present } from '../domain/lookup.ts';

export type Names = Record<string, string>;
/** The calendars table's weekly_hours: ISO day (1 = Monday), "HH:MM" to "HH:MM". */
export type WeeklyRow = { dow: number; from: string; to: string };

export type Ordered = { names: Names; sort: number };
export type ChannelState = Ordered & { digital: boolean; retired: boolean };
export type CalendarState = {
  names: Names;
  time_zone: string;
  weekly_hours: WeeklyRow[];
  observes_holidays: boolean;
  retired: boolean;
};
export type DepartmentState = { names: Names; calendar: string; retired: boolean };
export type TopicState = {
  names: Names;
  department: string;
  default_priority: string;
  proactive_action: Names | null;
  retired: boolean;
};
export type HolidayState = { calendar: string | null; date: string; names: Names; provisional: boolean };
export type PolicyTerms = {
  kind: string | null;
  topic: string | null;
  priority: string | null;
  channel: string | null;
  first_response_minutes: number;
  resolution_minutes: number;
  calendar: string;
  warning_pct: number;
  pause_statuses: string[];
};
export type PolicyState = PolicyTerms & { version: number | null; effective_from: number; retired: boolean };

export type State = {
  city: { time_zone: string; languages: string[] };
  kinds: Map<string, Ordered>;
  priorities: Map<string, Ordered>;
  channels: Map<string, ChannelState>;
  calendars: Map<string, CalendarState>;
  departments: Map<string, DepartmentState>;
  topics: Map<string, TopicState>;
  /** keyed by holidayKey */
  holidays: Map<string, HolidayState>;
  policies: Map<string, PolicyState>;
};

export const holidayKey = (calendar: string | null, date: string) => `${calendar ?? '*'}|${date}`;

const dowOf = (day: Day) => DAYS.indexOf(day) + 1;

/** Weekly rows in one order (day, then start), so equal hours compare equal. */
export function sortWeekly(rows: readonly WeeklyRow[]): WeeklyRow[] {
  return [...rows]
    .map((r) => ({ dow: r.dow, from: r.from, to: r.to }))
    .sort((a, b) => a.dow - b.dow || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** Keys in one order (en, ar, then the rest alphabetically), so equal names compare and print alike. */
export function sortNames(names: Names): Names {
  const keys = Object.keys(names).sort((a, b) => rankLang(a) - rankLang(b) || a.localeCompare(b));
  return Object.fromEntries(keys.map((k) => [k, names[k]]));
}
const rankLang = (l: string) => (l === 'en' ? 0 : l === 'ar' ? 1 : 2);

/** The file as a State (a checked file: check-file.ts). */
export function fromFile(f: CityFile): State {
  const zone = f.city.time_zone;
  const ordered = (xs: ReadonlyArray<{ code: string; name: Names }>) =>
    new Map(xs.map((x, i) => [x.code, { names: sortNames(x.name), sort: i + 1 }]));
  return {
    city: { time_zone: zone, languages: [...f.city.languages] },
    kinds: ordered(f.request_kinds),
    priorities: ordered(f.priorities),
    channels: new Map(
      f.channels.map((c, i) => [
        c.code,
        { names: sortNames(c.name), sort: i + 1, digital: c.digital ?? false, retired: false },
      ])
    ),
    calendars: new Map(
      f.calendars.map((c) => [
        c.code,
        {
          names: sortNames(c.name),
          time_zone: c.time_zone ?? zone,
          observes_holidays: c.observes_holidays,
          retired: false,
          weekly_hours: sortWeekly(
            DAYS.flatMap((d) => (c.hours[d] ?? []).map((s) => ({ dow: dowOf(d), from: s.slice(0, 5), to: s.slice(6) })))
          ),
        },
      ])
    ),
    departments: new Map(
      f.departments.map((d) => [d.code, { names: sortNames(d.name), calendar: d.calendar, retired: false }])
    ),
    topics: new Map(
      f.topics.map((t) => [
        t.code,
        {
          names: sortNames(t.name),
          department: t.department,
          default_priority: t.default_priority,
          proactive_action:
            t.proactive_action && Object.keys(t.proactive_action).length ? sortNames(t.proactive_action) : null,
          retired: false,
        },
      ])
    ),
    holidays: new Map(
      f.holidays.map((h) => [
        holidayKey(h.calendar ?? null, h.date),
        { calendar: h.calendar ?? null, date: h.date, names: sortNames(h.name), provisional: h.provisional ?? false },
      ])
    ),
    policies: new Map(
      f.sla_policies.map((p) => [
        p.code,
        {
          kind: p.applies_to.kind ?? null,
          topic: p.applies_to.topic ?? null,
          priority: p.applies_to.priority ?? null,
          channel: p.applies_to.channel ?? null,
          first_response_minutes: p.first_response_minutes,
          resolution_minutes: p.resolution_minutes,
          calendar: p.calendar,
          warning_pct: p.warning_pct,
          pause_statuses: [...p.pause_statuses],
          version: null,
          effective_from: present(parseEffectiveFrom(p.effective_from, zone), `${p.code}'s effective_from`),
          retired: false,
        },
      ])
    ),
  };
}

const byCode = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
const bySort = <T extends { sort: number }>(m: Map<string, T>) =>
  [...m.entries()].sort(([a, x], [b, y]) => x.sort - y.sort || a.localeCompare(b));

/** A State as a file (what is retired is left out: it is not part of the configuration any more). */
export function toFile(s: State): CityFile {
  const zone = s.city.time_zone;
  return {
    city: { time_zone: zone, languages: [...s.city.languages] },
    request_kinds: bySort(s.kinds).map(([code, k]) => ({ code, name: k.names })) as CityFile['request_kinds'],
    priorities: bySort(s.priorities).map(([code, k]) => ({ code, name: k.names })) as CityFile['priorities'],
    channels: bySort(s.channels)
      .filter(([, c]) => !c.retired)
      .map(([code, c]) => ({
        code,
        name: c.names as CityFile['channels'][number]['name'],
        ...(c.digital ? { digital: true } : {}),
      })),
    calendars: byCode(s.calendars)
      .filter(([, c]) => !c.retired)
      .map(([code, c]) => {
        const hours: Partial<Record<Day, string[]>> = {};
        for (const r of c.weekly_hours) {
          (hours[DAYS[r.dow - 1]] ??= []).push(`${r.from}-${r.to}`);
        }
        return {
          code,
          name: c.names as CityFile['calendars'][number]['name'],
          ...(c.time_zone !== zone ? { time_zone: c.time_zone } : {}),
          hours,
          weekend: DAYS.filter((d) => !hours[d]),
          observes_holidays: c.observes_holidays,
        };
      }),
    departments: byCode(s.departments)
      .filter(([, d]) => !d.retired)
      .map(([code, d]) => ({ code, name: d.names as CityFile['departments'][number]['name'], calendar: d.calendar })),
    topics: byCode(s.topics)
      .filter(([, t]) => !t.retired)
      .map(([code, t]) => ({
        code,
        name: t.names as CityFile['topics'][number]['name'],
        department: t.department,
        default_priority: t.default_priority as CityFile['topics'][number]['default_priority'],
        ...(t.proactive_action ? { proactive_action: t.proactive_action } : {}),
      })),
    holidays: [...s.holidays.values()]
      .sort((a, b) => a.date.localeCompare(b.date) || (a.calendar ?? '').localeCompare(b.calendar ?? ''))
      .map((h) => ({
        date: h.date,
        name: h.names as CityFile['holidays'][number]['name'],
        ...(h.calendar !== null ? { calendar: h.calendar } : {}),
        ...(h.provisional ? { provisional: true } : {}),
      })),
    sla_policies: byCode(s.policies)
      .filter(([, p]) => !p.retired)
      .map(([code, p]) => ({
        code,
        applies_to: {
          ...(p.kind !== null ? { kind: p.kind } : {}),
          ...(p.topic !== null ? { topic: p.topic } : {}),
          ...(p.priority !== null ? { priority: p.priority } : {}),
          ...(p.channel !== null ? { channel: p.channel } : {}),
        } as CityFile['sla_policies'][number]['applies_to'],
        first_response_minutes: p.first_response_minutes,
        resolution_minutes: p.resolution_minutes,
        calendar: p.calendar,
        warning_pct: p.warning_pct,
        pause_statuses: p.pause_statuses as CityFile['sla_policies'][number]['pause_statuses'],
        effective_from: formatEffectiveFrom(p.effective_from, zone),
      })),
  };
}
