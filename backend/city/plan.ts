// What `config apply` would change: the database's State against the file's, as steps in the order they are
// applied (additions and changes first, the holidays, the SLA policies, then what leaves — the most dependent
// first). Nothing data refers to is deleted: a channel, topic, department or calendar that requests, advisors,
// SLA policy versions or hot spots refer to (or that a retired item still refers to) is retired; an unused one is
// deleted. A changed SLA policy is a new version from its effective_from, which must come after the version in
// force (requests keep the version they were opened under). Refusals are problems naming the file's path. Pure.
import type { Problem } from './check-file.ts';
import { formatEffectiveFrom } from './effective-from.ts';
import type { InUse } from './read-state.ts';
import type { Names, PolicyTerms, State, WeeklyRow } from './model.ts';

export type Section =
  | 'city'
  | 'request_kinds'
  | 'priorities'
  | 'channels'
  | 'calendars'
  | 'departments'
  | 'topics'
  | 'holidays'
  | 'sla_policies';
export type FieldChange = { field: string; from: string; to: string };
export type Step = {
  op: '+' | '~' | '-';
  section: Section;
  code: string;
  fields: FieldChange[];
  /** '-': delete or retire; sla_policies '~' / '+': a new version, or 'restamp': its start moves with the city's zone */
  action?: 'delete' | 'retire' | 'void' | 'version' | 'restamp';
  version?: number;
  note?: string;
  /** holidays: the State key (calendar|date); restamp: the version's current start (ms) */
  key?: string;
};
export type Plan = {
  steps: Step[];
  problems: Problem[];
  /** the city's zone changes on a database holding requests (allowed with rebuildTimeZone): what apply rebuilds */
  rezone?: { from: string; to: string; requests: number; calendars: string[] };
};
export type PlanOptions = {
  /** allow a change of the city's zone while requests are held, rebuilding what depends on it (rezone.ts) */
  rebuildTimeZone?: boolean;
};
/** The command-line flag of PlanOptions.rebuildTimeZone (named in the refusal). */
export const REBUILD_TIME_ZONE_FLAG = '--rebuild-time-zone';

const show = (v: unknown): string =>
  v === null || v === undefined
    ? '(none)'
    : typeof v === 'string'
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? `[${v.join(', ')}]`
        : String(v);
const DAY = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const showHours = (rows: WeeklyRow[]) => `"${rows.map((r) => `${DAY[r.dow]} ${r.from}-${r.to}`).join(', ')}"`;

function field(out: FieldChange[], name: string, from: unknown, to: unknown, render = show): void {
  if (JSON.stringify(from) !== JSON.stringify(to)) {
    out.push({ field: name, from: render(from), to: render(to) });
  }
}
function names(out: FieldChange[], prefix: string, from: Names | null, to: Names | null): void {
  const langs = new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})]);
  for (const l of langs) {
    field(out, `${prefix}.${l}`, from?.[l] ?? null, to?.[l] ?? null);
  }
}
const unretire = (out: FieldChange[], retired: boolean) => {
  if (retired) {
    out.push({ field: 'retired', from: 'yes', to: 'no' });
  }
};

/** Additions and changes of one keyed section. */
function compare<T>(
  section: Section,
  cur: Map<string, T & { retired?: boolean }>,
  want: Map<string, T>,
  diff: (out: FieldChange[], a: T, b: T) => void,
  summary: (b: T) => string
): Step[] {
  const steps: Step[] = [];
  for (const [code, b] of want) {
    const a = cur.get(code);
    if (!a) {
      steps.push({ op: '+', section, code, fields: [], note: summary(b) });
      continue;
    }
    const fields: FieldChange[] = [];
    diff(fields, a, b);
    unretire(fields, a.retired === true);
    if (fields.length) {
      steps.push({ op: '~', section, code, fields });
    }
  }
  return steps;
}

const TERMS: Array<keyof PolicyTerms> = [
  'kind',
  'topic',
  'priority',
  'channel',
  'first_response_minutes',
  'resolution_minutes',
  'calendar',
  'warning_pct',
  'pause_statuses',
];

export function planChanges(cur: State, want: State, inUse: InUse, opts: PlanOptions = {}): Plan {
  const steps: Step[] = [];
  const problems: Problem[] = [];
  const zone = want.city.time_zone;

  const city: FieldChange[] = [];
  field(city, 'time_zone', cur.city.time_zone, want.city.time_zone);
  const rezoning = cur.city.time_zone !== want.city.time_zone && inUse.requests > 0;
  const rezone = rezoning && opts.rebuildTimeZone === true;
  const zoneMoves = cur.city.time_zone !== want.city.time_zone && (inUse.requests === 0 || rezone);
  if (rezoning && !opts.rebuildTimeZone) {
    problems.push({
      path: 'city.time_zone',
      message:
        `cannot change from "${cur.city.time_zone}" to "${want.city.time_zone}": the database holds ` +
        `${inUse.requests} request(s) whose day and month figures, tile bins and SLA clocks were cut in "${cur.city.time_zone}"; ` +
        `apply with ${REBUILD_TIME_ZONE_FLAG} to change it and rebuild them`,
    });
  }
  field(city, 'languages', cur.city.languages, want.city.languages);
  if (city.length) {
    steps.push({
      op: '~',
      section: 'city',
      code: 'city',
      fields: city,
      ...(rezoning
        ? { note: `rebuilds the day and month figures, tile bins and SLA clocks of ${inUse.requests} request(s)` }
        : {}),
    });
  }

  const ordered = (out: FieldChange[], a: { names: Names; sort: number }, b: { names: Names; sort: number }) => {
    names(out, 'name', a.names, b.names);
    field(out, 'position', a.sort, b.sort);
  };
  const label = (b: { names: Names }) => `${b.names.en} / ${b.names.ar}`;
  steps.push(...compare('request_kinds', cur.kinds, want.kinds, ordered, label));
  steps.push(...compare('priorities', cur.priorities, want.priorities, ordered, label));
  steps.push(
    ...compare(
      'channels',
      cur.channels,
      want.channels,
      (out, a, b) => {
        ordered(out, a, b);
        field(out, 'digital', a.digital, b.digital);
      },
      (b) => `${label(b)}${b.digital ? ' (digital)' : ''}`
    )
  );
  steps.push(
    ...compare(
      'calendars',
      cur.calendars,
      want.calendars,
      (out, a, b) => {
        names(out, 'name', a.names, b.names);
        field(out, 'time_zone', a.time_zone, b.time_zone);
        field(out, 'hours', a.weekly_hours, b.weekly_hours, (v) => showHours(v as WeeklyRow[]));
        field(out, 'observes_holidays', a.observes_holidays, b.observes_holidays);
      },
      (b) => `${label(b)}, ${showHours(b.weekly_hours)}`
    )
  );
  steps.push(
    ...compare(
      'departments',
      cur.departments,
      want.departments,
      (out, a, b) => {
        names(out, 'name', a.names, b.names);
        field(out, 'calendar', a.calendar, b.calendar);
      },
      (b) => `${label(b)}, calendar ${b.calendar}`
    )
  );
  steps.push(
    ...compare(
      'topics',
      cur.topics,
      want.topics,
      (out, a, b) => {
        names(out, 'name', a.names, b.names);
        field(out, 'department', a.department, b.department);
        field(out, 'default_priority', a.default_priority, b.default_priority);
        names(out, 'proactive_action', a.proactive_action, b.proactive_action);
      },
      (b) => `${label(b)}, department ${b.department}, ${b.default_priority}`
    )
  );

  // Holidays: keyed by calendar and date; one no longer listed is deleted (nothing refers to a holiday).
  const holidayCode = (k: string) => {
    const [c, d] = k.split('|');
    return c === '*' ? `${d} (every calendar)` : `${d} (${c})`;
  };
  for (const [k, a] of [...cur.holidays].sort(([x], [y]) => x.localeCompare(y))) {
    if (!want.holidays.has(k)) {
      steps.push({
        op: '-',
        section: 'holidays',
        code: holidayCode(k),
        key: k,
        fields: [],
        action: 'delete',
        note: a.names.en,
      });
    }
  }
  steps.push(
    ...compare(
      'holidays',
      cur.holidays,
      want.holidays,
      (out, a, b) => {
        names(out, 'name', a.names, b.names);
        field(out, 'provisional', a.provisional, b.provisional);
      },
      (b) => `${label(b)}${b.provisional ? ' (provisional)' : ''}`
    ).map((s) => ({ ...s, key: s.code, code: holidayCode(s.code) }))
  );

  // SLA policies: a change of terms is a new version from effective_from.
  const index = [...want.policies.keys()];
  for (const [code, b] of want.policies) {
    const a = cur.policies.get(code);
    const from = formatEffectiveFrom(b.effective_from, zone);
    if (!a) {
      steps.push({
        op: '+',
        section: 'sla_policies',
        code,
        fields: [],
        action: 'version',
        version: 1,
        note: `version 1 from ${from}`,
      });
      continue;
    }
    const fields: FieldChange[] = [];
    for (const t of TERMS) {
      field(fields, t, a[t], b[t]);
    }
    const path = `sla_policies[${index.indexOf(code)}].effective_from`;
    if (!fields.length && !a.retired) {
      // A date or a time without an offset is local to the city: with a change of zone it names the same local time.
      const sameLocal = formatEffectiveFrom(a.effective_from, cur.city.time_zone) === from;
      if (a.effective_from !== b.effective_from && sameLocal && zoneMoves) {
        steps.push({
          op: '~',
          section: 'sla_policies',
          code,
          action: 'restamp',
          version: a.version ?? undefined,
          key: String(a.effective_from),
          fields: [
            {
              field: 'effective_from',
              from: new Date(a.effective_from).toISOString(),
              to: new Date(b.effective_from).toISOString(),
            },
          ],
          note: `version ${a.version} starts at the same local time (${from}) in ${zone}`,
        });
      } else if (a.effective_from !== b.effective_from && !(sameLocal && cur.city.time_zone !== zone)) {
        problems.push({
          path,
          message:
            `"${from}" differs from version ${a.version}'s ` +
            `(${formatEffectiveFrom(a.effective_from, zone)}) but no term changed; a new version needs a changed term`,
        });
      }
      continue;
    }
    if (b.effective_from <= a.effective_from) {
      problems.push({
        path,
        message:
          `must be after version ${a.version}'s effective_from ` +
          `(${formatEffectiveFrom(a.effective_from, zone)}): the policy changed, so it needs a new version from a later instant`,
      });
      continue;
    }
    unretire(fields, a.retired);
    steps.push({
      op: '~',
      section: 'sla_policies',
      code,
      fields,
      action: 'version',
      version: (a.version ?? 0) + 1,
      note: `version ${(a.version ?? 0) + 1} from ${from}`,
    });
  }
  for (const [code, a] of [...cur.policies].sort(([x], [y]) => x.localeCompare(y))) {
    if (want.policies.has(code) || a.retired) {
      continue;
    }
    // No request was opened under it (a fresh city's file replacing the seeded policies): it never applies, so
    // history loaded afterwards is judged by the file's policies, not by one that ended only today.
    steps.push(
      inUse.policy.get(code)
        ? {
            op: '-',
            section: 'sla_policies',
            code,
            fields: [],
            action: 'retire',
            note: `version ${a.version} ends now`,
          }
        : {
            op: '-',
            section: 'sla_policies',
            code,
            fields: [],
            action: 'void',
            note: 'no request was opened under it: it never applies',
          }
    );
  }

  // What leaves: retired when referred to, else deleted. Topics first (they hold departments), then departments
  // (they hold calendars), channels, calendars.
  const leaving = <T extends { retired: boolean }>(
    section: Section,
    cur: Map<string, T>,
    want: Map<string, unknown>,
    refs: (code: string) => string | null
  ): Step[] => {
    const out: Step[] = [];
    for (const [code, a] of [...cur].sort(([x], [y]) => x.localeCompare(y))) {
      if (want.has(code) || a.retired) {
        continue;
      }
      const ref = refs(code);
      out.push(
        ref
          ? { op: '-', section, code, fields: [], action: 'retire', note: ref }
          : { op: '-', section, code, fields: [], action: 'delete' }
      );
    }
    return out;
  };
  const count = (n: number | undefined, what: string) => (n ? `${what}` : null);
  const topicSteps = leaving('topics', cur.topics, want.topics, (c) =>
    count(inUse.topic.get(c), `used by ${inUse.topic.get(c)} request, SLA policy or hot spot row(s)`)
  );
  const keptTopics = [...cur.topics].filter(([c]) => !topicSteps.some((s) => s.code === c && s.action === 'delete'));
  const departmentSteps = leaving('departments', cur.departments, want.departments, (c) => {
    const held = keptTopics.filter(([, t]) => t.department === c).map(([code]) => code);
    if (inUse.department.get(c)) {
      return `used by ${inUse.department.get(c)} request or advisor row(s)`;
    }
    return held.length ? `held by retired topic(s) ${held.join(', ')}` : null;
  });
  const keptDepartments = [...cur.departments].filter(
    ([c]) => !departmentSteps.some((s) => s.code === c && s.action === 'delete')
  );
  const channelSteps = leaving('channels', cur.channels, want.channels, (c) =>
    count(inUse.channel.get(c), `used by ${inUse.channel.get(c)} request(s)`)
  );
  const calendarSteps = leaving('calendars', cur.calendars, want.calendars, (c) => {
    if (inUse.calendar.get(c)) {
      return `used by ${inUse.calendar.get(c)} SLA policy version(s)`;
    }
    const held = keptDepartments.filter(([, d]) => d.calendar === c).map(([code]) => code);
    return held.length ? `held by retired department(s) ${held.join(', ')}` : null;
  });
  steps.push(...topicSteps, ...departmentSteps, ...channelSteps, ...calendarSteps);
  if (!rezone) {
    return { steps, problems };
  }
  const calendars = steps
    .filter((s) => s.section === 'calendars' && s.op === '~' && s.fields.some((f) => f.field === 'time_zone'))
    .map((s) => s.code);
  return {
    steps,
    problems,
    rezone: { from: cur.city.time_zone, to: want.city.time_zone, requests: inUse.requests, calendars },
  };
}

/** The plan as text, like `terraform plan`: + add, ~ change (field: old → new), - delete or retire. */
export function formatPlan(plan: Plan): string {
  if (!plan.steps.length) {
    return 'No changes: the database matches the file.';
  }
  const lines: string[] = [];
  for (const s of plan.steps) {
    const what = `${s.section} ${s.code}`;
    if (s.op === '+') {
      lines.push(`+ ${what}${s.note ? `: ${s.note}` : ''}`);
    } else if (s.op === '-') {
      lines.push(`- ${what}: ${s.action}${s.note ? ` (${s.note})` : ''}`);
    } else {
      lines.push(`~ ${what}${s.note ? `: ${s.note}` : ''}`);
      for (const f of s.fields) {
        lines.push(`    ${f.field}: ${f.from} → ${f.to}`);
      }
    }
  }
  const n = (op: Step['op']) => plan.steps.filter((s) => s.op === op).length;
  lines.push('', `Plan: ${n('+')} to add, ${n('~')} to change, ${n('-')} to delete or retire.`);
  return lines.join('\n');
}
