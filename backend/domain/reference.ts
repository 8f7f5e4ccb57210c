// Reference data (channels, categories, topics, stages, advisors, zone codes), cached so validation can
// name unknown codes without a round trip per request. With a change listener, a change anywhere (an
// import, another instance, SQL) reloads it once on every instance (NOTIFY s360_reference, migration 0032)
// and so does the listener reconnecting; maxAgeMs bounds the age otherwise. An unknown code is refused
// as it is (400 naming it): it never reloads the cache, so a client repeating it costs no reload.
import type pg from 'pg';
import { sql } from '../db/sql.ts';

export type Named = { code: string; name_en: string; name_ar: string };
/** A channel, department or topic the city configuration retired (backend/city): kept for history, not taken by new requests. */
export type Retirable = { retired?: boolean };
/** A channel; `digital`: the city file marks it digital (the digital_share metric counts its requests; absent: false). */
export type Channel = Named & Retirable & { digital?: boolean };
export type Topic = Named & Retirable & { department_code: string; default_priority: Priority };
export type Stage = Named & { status_code: Status; progress_pct: number | null };
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
export type Status = 'received' | 'assigned' | 'in_progress' | 'on_hold' | 'resolved' | 'closed' | 'cancelled';

export type ReferenceData = {
  /** the city's IANA time zone (city_settings, the city file): day, week and month buckets are local to it */
  time_zone: string;
  /** the city's languages (city_settings, the city file): English and Arabic always, further ones optional */
  languages?: string[];
  channels: Channel[];
  categories: Named[];
  departments: Array<Named & Retirable & { calendar_code: string }>;
  topics: Topic[];
  statuses: Array<Named & { status_class: string }>;
  /** the four priorities' labels (migration 0036, the city file); absent: the built-in labels (query/labels.ts) */
  priorities?: Named[];
  stages: Stage[];
  advisors: Advisor[];
  zones: Zone[];
};
export type Advisor = { id: number; code: string; name: string; department_code: string };
export type Zone = {
  id: number;
  code: string;
  name_en: string;
  name_ar: string;
  kind: string;
  population: number | null;
};

export type ReferenceIndex = ReferenceData & {
  channel: Map<string, Channel>;
  category: Map<string, Named>;
  topic: Map<string, Topic>;
  stage: Map<string, Stage>;
  advisor: Map<string, Advisor>;
  zone: Map<string, Zone>;
  zoneById: Map<number, Zone>;
  advisorById: Map<number, Advisor>;
};

export function indexReference(data: ReferenceData): ReferenceIndex {
  const by = <T extends { code: string }>(xs: T[]) => new Map(xs.map((x) => [x.code, x]));
  return {
    ...data,
    channel: by(data.channels),
    category: by(data.categories),
    topic: by(data.topics),
    stage: by(data.stages),
    advisor: by(data.advisors),
    zone: by(data.zones),
    zoneById: new Map(data.zones.map((z) => [z.id, z])),
    advisorById: new Map(data.advisors.map((a) => [a.id, a])),
  };
}

/** What the cache needs of the change listener (backend/db/change-listener.ts). */
export type ReferenceChanges = {
  on: (channel: 's360_reference', fn: (payload: string) => void) => void;
  onConnected: (fn: () => void) => void;
};

export class ReferenceCache {
  private value: ReferenceIndex | null = null;
  private loadedAt = 0;
  private loading: Promise<ReferenceIndex> | null = null;
  /** bumped by invalidate: a load that raced a change is not trusted as fresh */
  private epoch = 0;
  /** loads from the database (for tests and metrics) */
  loads = 0;

  constructor(
    private pool: Pick<pg.Pool, 'query'>,
    private maxAgeMs: number,
    changes?: ReferenceChanges
  ) {
    changes?.on('s360_reference', () => this.invalidate());
    changes?.onConnected(() => this.invalidate());
  }

  async get(): Promise<ReferenceIndex> {
    if (this.value && Date.now() - this.loadedAt < this.maxAgeMs) {
      return this.value;
    }
    if (!this.loading) {
      const epoch = this.epoch;
      this.loads++;
      this.loading = this.pool
        .query<{ reference: ReferenceData }>(sql('reference/load'))
        .then(({ rows }) => {
          this.value = indexReference(rows[0].reference);
          this.loadedAt = epoch === this.epoch ? Date.now() : 0;
          return this.value;
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading;
  }

  /** Forget the cached copy: the next get() loads it again. */
  invalidate(): void {
    this.epoch++;
    this.loadedAt = 0;
  }
}
