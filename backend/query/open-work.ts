// The wall's live views of open work, read from the requests themselves (not the rollups: they are about now):
// open requests by stage and the requests about to breach (an SLA target due within the hour), with the
// target's dimension filters. Their metric kinds (metric-kinds/open-by-stage.ts, due-soon.ts) frame them.
import { bindNamed } from '../db/named-params.ts';
import { filterParams, withRequestFilters, type RequestFilters } from '../geo/request-filters.ts';

type Db = { query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }> };

/** How far ahead "about to breach" looks. */
export const DUE_SOON_MS = 3_600_000;
const MAX_STAGES = 100;

export type OpenStage = { stage_code: string; open: number };
export type DueSoon = {
  reference: string;
  topic_code: string | null;
  zone_id: number | null;
  stage: string;
  target: 'first_response' | 'resolution';
  due_at: Date;
};

/** Open requests (received before `at`) by stage: every open stage and its count. */
export async function readOpenByStage(db: Db, filters: RequestFilters, at: number): Promise<OpenStage[]> {
  const q = bindNamed(withRequestFilters('query/open_by_stage'), {
    at: new Date(at),
    max_stages: MAX_STAGES,
    ...filterParams(filters),
  });
  const { rows } = await db.query<OpenStage>(q.text, q.values);
  return rows;
}

/** Open requests with an SLA target due in [now, now + 1 h), soonest first, at most `topN`. */
export async function readDueSoon(db: Db, filters: RequestFilters, now: number, topN: number): Promise<DueSoon[]> {
  const q = bindNamed(withRequestFilters('query/due_soon'), {
    now: new Date(now),
    due_before: new Date(now + DUE_SOON_MS),
    ...filterParams(filters),
    top_n: topN,
  });
  const { rows } = await db.query<DueSoon>(q.text, q.values);
  return rows;
}
