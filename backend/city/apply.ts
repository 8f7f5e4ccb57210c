// `config apply`: reads the database's configuration, plans (plan.ts) and carries the plan out, all in one
// transaction under an advisory lock (two applies never interleave): all or nothing. A dry run plans in a
// read-only transaction and changes nothing. Refusals (plan problems) change nothing either.
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';
import { CityFileError } from './check-file.ts';
import { fromFile, type Names, type State } from './model.ts';
import { planChanges, type Plan, type PlanOptions, type Step } from './plan.ts';
import { markZoneRebuild } from './rezone.ts';
import { recordFinishedClocks, refreshOpenClocks } from './open-clocks.ts';
import { readInUse, readState } from './read-state.ts';
import type { CityFile } from './schema.ts';
import { lookup, present } from '../domain/lookup.ts';

const extra = (names: Names) =>
  JSON.stringify(Object.fromEntries(Object.entries(names).filter(([l]) => l !== 'en' && l !== 'ar')));

export type ApplyResult = {
  plan: Plan;
  applied: boolean;
  /** open requests whose SLA clock was evaluated again (open-clocks.ts) */ clocks?: number;
};

/**
 * Plans the file against the database and, unless dryRun, applies it. `show` receives the plan before anything
 * is changed. Throws CityFileError when the plan refuses a change (nothing is changed then).
 */
export async function applyCityFile(
  pool: pg.Pool,
  file: CityFile,
  source: string,
  opts: {
    dryRun?: boolean;
    show?: (plan: Plan) => void;
    /** the SLA clocks' evaluation instant (default: now) */ now?: Date;
  } & PlanOptions = {}
): Promise<ApplyResult> {
  const want = fromFile(file);
  return inTransaction(
    pool,
    async (client) => {
      if (!opts.dryRun) {
        await client.query(sql('city/lock'));
      }
      const plan = planChanges(await readState(client), want, await readInUse(client), {
        rebuildTimeZone: opts.rebuildTimeZone,
      });
      if (plan.problems.length) {
        throw new CityFileError(source, plan.problems);
      }
      opts.show?.(plan);
      if (opts.dryRun || !plan.steps.length) {
        return { plan, applied: false };
      }
      // Finished requests not yet recorded keep the calendar they finished under (open-clocks.ts); a change of zone
      // re-judges every request instead.
      if (!plan.rezone) {
        await recordFinishedClocks(client, plan, opts.now ?? new Date());
      }
      for (const step of plan.steps) {
        await applyStep(client, step, want);
      }
      // A change of zone on a database holding requests: what depends on it is marked for rebuilding, in this
      // transaction (rezone.ts; rebuildAfterZoneChange then does the work, resumably).
      if (plan.rezone) {
        await markZoneRebuild(client, plan.rezone.calendars);
        return { plan, applied: true };
      }
      // Holidays added or removed, calendar hours changed: the open clocks they move, now (closed ones never).
      const clocks = await refreshOpenClocks(client, plan, opts.now ?? new Date());
      return { plan, applied: true, clocks: clocks.requests };
    },
    opts.dryRun ? 'snapshot-read-only' : 'default'
  );
}

async function applyStep(c: pg.ClientBase, s: Step, want: State): Promise<void> {
  if (s.op === '-') {
    if (s.section === 'holidays') {
      const [cal, day] = present(s.key, "a holiday step's key").split('|');
      await c.query(sql('city/delete_holiday'), [cal === '*' ? null : cal, day]);
      return;
    }
    if (s.section === 'sla_policies') {
      await c.query(sql(s.action === 'void' ? 'city/void_policy' : 'city/close_policy'), [
        s.code,
        ...(s.action === 'void' ? [] : [new Date()]),
      ]);
      return;
    }
    const kind = ({ channels: 'channel', topics: 'topic', departments: 'department', calendars: 'calendar' } as const)[
      s.section as 'channels'
    ];
    await c.query(sql(`city/${s.action === 'retire' ? 'retire' : 'delete'}_${kind}`), [s.code]);
    return;
  }
  switch (s.section) {
    case 'city':
      await c.query(sql('city/set_city'), [want.city.time_zone, want.city.languages]);
      return;
    case 'request_kinds':
    case 'priorities': {
      const x = lookup(s.section === 'request_kinds' ? want.kinds : want.priorities, s.code, s.section);
      await c.query(sql(`city/${s.section === 'request_kinds' ? 'upsert_kind' : 'upsert_priority'}`), [
        s.code,
        x.names.en,
        x.names.ar,
        extra(x.names),
        x.sort,
      ]);
      return;
    }
    case 'channels': {
      const x = lookup(want.channels, s.code, 'want.channels');
      await c.query(sql('city/upsert_channel'), [s.code, x.names.en, x.names.ar, extra(x.names), x.sort, x.digital]);
      return;
    }
    case 'calendars': {
      const x = lookup(want.calendars, s.code, 'want.calendars');
      await c.query(sql('city/upsert_calendar'), [
        s.code,
        x.names.en,
        x.names.ar,
        extra(x.names),
        x.time_zone,
        JSON.stringify(x.weekly_hours),
        x.observes_holidays,
      ]);
      return;
    }
    case 'departments': {
      const x = lookup(want.departments, s.code, 'want.departments');
      await c.query(sql('city/upsert_department'), [s.code, x.names.en, x.names.ar, extra(x.names), x.calendar]);
      return;
    }
    case 'topics': {
      const x = lookup(want.topics, s.code, 'want.topics');
      await c.query(sql('city/upsert_topic'), [
        s.code,
        x.names.en,
        x.names.ar,
        extra(x.names),
        x.department,
        x.default_priority,
        x.proactive_action ? JSON.stringify(x.proactive_action) : null,
      ]);
      return;
    }
    case 'holidays': {
      const x = lookup(want.holidays, present(s.key, "a holiday step's key"), 'want.holidays');
      await c.query(sql('city/upsert_holiday'), [
        x.calendar,
        x.date,
        x.names.en,
        x.names.ar,
        extra(x.names),
        x.provisional,
      ]);
      return;
    }
    case 'sla_policies': {
      const x = lookup(want.policies, s.code, 'want.policies');
      const from = new Date(x.effective_from);
      if (s.action === 'restamp') {
        await c.query(sql('city/restamp_policy'), [s.code, from, new Date(Number(s.key))]);
        return;
      }
      await c.query(sql('city/close_policy'), [s.code, from]);
      await c.query(sql('city/insert_policy'), [
        s.code,
        s.version,
        x.kind,
        x.topic,
        x.priority,
        x.first_response_minutes,
        x.resolution_minutes,
        x.calendar,
        x.warning_pct,
        x.pause_statuses,
        from,
        x.channel,
      ]);
      return;
    }
  }
}
