// The values of a dimension as a variable list ({value: code, text: display name}), narrowed by the other
// dimensions' filters and sorted: reference sort order where the data has one (channels, categories,
// statuses, stages, priorities, status classes), else by name in the chosen language. Pure.
import { PRIORITIES, type ReferenceIndex } from '../domain/reference.ts';
import { STATUS_CLASSES } from '../geo/request-filters.ts';
import { nameOf } from '../query/labels.ts';
import type { Language } from '../query/metrics.ts';
import type { VariableDimension } from './dimensions.ts';
import type { VariableFilters } from './filters.ts';

export type VariableValue = { value: string; text: string };
export type ZoneRow = { code: string; name_en: string; name_ar: string };

const collators = new Map<Language, Intl.Collator>();
/** Compares display names the way a reader of the language expects (numbers in names compare as numbers). */
export function collator(lang: Language): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
    collators.set(lang, c);
  }
  return c;
}

const byText = (lang: Language) => (a: VariableValue, b: VariableValue) =>
  collator(lang).compare(a.text, b.text) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** Keeps the items whose key is in `allowed` (no set: all of them). */
const keep = <T>(items: readonly T[], allowed: ReadonlySet<string> | undefined, key: (x: T) => string): T[] =>
  allowed ? items.filter((x) => allowed.has(key(x))) : [...items];

/** Zones (already narrowed by the database) sorted by name in the language. */
export function zoneValues(rows: readonly ZoneRow[], lang: Language): VariableValue[] {
  return rows.map((z) => ({ value: z.code, text: lang === 'ar' ? z.name_ar : z.name_en })).sort(byText(lang));
}

/** Every dimension but zone, whose list comes from the database (see zones.ts). */
export function referenceValues(
  dim: Exclude<VariableDimension, 'zone'>,
  ref: ReferenceIndex,
  filters: VariableFilters,
  lang: Language
): VariableValue[] {
  const f = filters.codes;
  const pick = (x: { name_en: string; name_ar: string }) => (lang === 'ar' ? x.name_ar : x.name_en);
  // The status codes the status, status_class and stage filters allow together (undefined: any).
  const statusesAllowed = (codes: VariableFilters['codes']): Set<string> | undefined => {
    let allowed: Set<string> | undefined;
    const narrow = (next: string[]) => {
      allowed = new Set(next.filter((c) => !allowed || allowed.has(c)));
    };
    if (codes.status) {
      narrow([...codes.status]);
    }
    const { status_class: classes, stage: stages } = codes;
    if (classes) {
      narrow(ref.statuses.filter((s) => classes.has(s.status_class)).map((s) => s.code));
    }
    if (stages) {
      narrow(ref.stages.filter((s) => stages.has(s.code)).map((s) => s.status_code));
    }
    return allowed;
  };

  switch (dim) {
    case 'channel':
      return keep(ref.channels, f.channel, (c) => c.code).map((c) => ({ value: c.code, text: pick(c) }));
    case 'category':
      return keep(ref.categories, f.category, (c) => c.code).map((c) => ({ value: c.code, text: pick(c) }));
    case 'topic': {
      const topics = keep(
        keep(ref.topics, f.topic, (t) => t.code),
        f.department,
        (t) => t.department_code
      );
      return topics.map((t) => ({ value: t.code, text: pick(t) })).sort(byText(lang));
    }
    case 'department': {
      let departments = keep(ref.departments, f.department, (d) => d.code);
      const topics = f.topic;
      if (topics) {
        const owners = new Set(ref.topics.filter((t) => topics.has(t.code)).map((t) => t.department_code));
        departments = departments.filter((d) => owners.has(d.code));
      }
      const advisors = f.advisor;
      if (advisors) {
        const homes = new Set(ref.advisors.filter((a) => advisors.has(a.code)).map((a) => a.department_code));
        departments = departments.filter((d) => homes.has(d.code));
      }
      return departments.map((d) => ({ value: d.code, text: pick(d) })).sort(byText(lang));
    }
    case 'advisor': {
      const advisors = keep(
        keep(ref.advisors, f.advisor, (a) => a.code),
        f.department,
        (a) => a.department_code
      );
      return advisors.map((a) => ({ value: a.code, text: a.name })).sort(byText(lang));
    }
    case 'status_class': {
      const statuses = statusesAllowed(f);
      const classes = statuses
        ? new Set(ref.statuses.filter((s) => statuses.has(s.code)).map((s) => s.status_class))
        : undefined;
      return STATUS_CLASSES.filter(
        (c) => (!f.status_class || f.status_class.has(c)) && (!classes || classes.has(c))
      ).map((c) => ({ value: c, text: nameOf('status_class', c, ref, lang) }));
    }
    case 'priority':
      return keep(PRIORITIES, f.priority, (p) => p).map((p) => ({ value: p, text: nameOf('priority', p, ref, lang) }));
    case 'status':
      return keep(ref.statuses, statusesAllowed(f), (s) => s.code).map((s) => ({ value: s.code, text: pick(s) }));
    case 'stage': {
      // The stage filter restricts the stages themselves; status and status_class pick their statuses' stages.
      const stages = keep(
        keep(ref.stages, f.stage, (s) => s.code),
        statusesAllowed({ ...f, stage: undefined }),
        (s) => s.status_code
      );
      return stages.map((s) => ({ value: s.code, text: pick(s) }));
    }
  }
}
