// What a request is: its channel (WhatsApp and the virtual assistant gaining on the call centre year by
// year; walk-ins only in office hours), its topic (by the kind of place: beaches → beach cleanliness, parks
// → park facilities, markets → food safety), its category (by topic) and its priority.
import { Prng, Weighted } from './prng.ts';
import type { SiteType } from './sites.ts';
import { present } from '../domain/lookup.ts';

export type ChannelCode = string;
const YEAR_MS = 365.25 * 86_400_000;
const CHANNEL_EPOCH = Date.UTC(2024, 0, 1);

/** Share of each channel `years` after 2024-01-01 (before normalising). */
export function channelShares(years: number): Record<ChannelCode, number> {
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  return {
    website: clamp(0.26 - 0.03 * years, 0.15, 0.3),
    social_media: 0.09,
    call_centre: clamp(0.32 - 0.06 * years, 0.12, 0.4),
    whatsapp: clamp(0.1 + 0.07 * years, 0.05, 0.35),
    virtual_assistant: clamp(0.04 + 0.05 * years, 0.02, 0.25),
    open311: 0.03,
    import: 0.006,
    walk_in: clamp(0.08 - 0.02 * years, 0.02, 0.1),
  };
}

/** The system each channel's requests come from (the request's `source`). */
export const CHANNEL_SOURCE: Readonly<Record<ChannelCode, string>> = {
  website: 'portal',
  social_media: 'social-hub',
  call_centre: 'crm',
  whatsapp: 'whatsapp-bot',
  virtual_assistant: 'va-bot',
  open311: 'open311',
  import: 'legacy-import',
  walk_in: 'counter',
};
export const sourceOf = (channel: ChannelCode) => CHANNEL_SOURCE[channel] ?? 'demo';

type HourBand = 'night' | 'office' | 'evening';
const bandOf = (localHour: number): HourBand =>
  localHour < 7 || localHour >= 22 ? 'night' : localHour < 16 ? 'office' : 'evening';
const BAND_FACTOR: Record<HourBand, Partial<Record<ChannelCode, number>>> = {
  night: { call_centre: 0.5, walk_in: 0, whatsapp: 1.5, virtual_assistant: 1.8, website: 1.2 },
  office: {},
  evening: { walk_in: 0, whatsapp: 1.2, virtual_assistant: 1.2, social_media: 1.3 },
};

/** Channel tables per (month, hour band, weekend), built on first use. */
export class ChannelMix {
  private cache = new Map<string, Weighted<ChannelCode>>();
  constructor(private channels: readonly ChannelCode[]) {}

  pick(prng: Prng, atMs: number, localHour: number, weekend: boolean): ChannelCode {
    const month = Math.floor((atMs - CHANNEL_EPOCH) / (YEAR_MS / 12));
    const band = bandOf(localHour);
    const key = `${month}|${band}|${weekend}`;
    let table = this.cache.get(key);
    if (!table) {
      const shares = channelShares((month + 0.5) / 12);
      // A channel of the city's own catalogue (not in the table) takes an equal part of what the known ones leave.
      const unknown = this.channels.filter((c) => shares[c] === undefined).length;
      const left = Math.max(0.1, 1 - this.channels.reduce((a, c) => a + (shares[c] ?? 0), 0));
      const weights = this.channels.map((c) => {
        let w = (shares[c] ?? left / unknown) * (BAND_FACTOR[band][c] ?? 1);
        if (c === 'walk_in' && weekend) {
          w = 0;
        }
        return w;
      });
      table = new Weighted(this.channels, weights);
      this.cache.set(key, table);
    }
    return table.pick(prng);
  }
}

export type PlaceKind = 'community' | SiteType;

/** Relative frequency of each topic by kind of place. Topics not listed weigh 1 in communities. */
export const TOPIC_WEIGHTS: Readonly<Record<PlaceKind, Readonly<Record<string, number>>>> = {
  community: {
    'waste.overflowing_bin': 14,
    'waste.illegal_dumping': 7,
    'waste.bulk_collection': 6,
    'public_health.pest_control': 9,
    'public_health.stray_animals': 4,
    'food_safety.violation': 3,
    'food_safety.hygiene': 4,
    'buildings.violation': 6,
    'buildings.permit': 4,
    'drainage.blocked_drain': 3,
    'drainage.sewage_overflow': 1.5,
    'parks.damaged_facility': 2,
    'parks.irrigation_leak': 2,
    'environment.beach_cleanliness': 0.3,
    'environment.noise': 6,
    'environment.air_quality': 2.5,
    'customer_service.general': 12,
    'customer_service.fees': 7,
  },
  park: {
    'parks.damaged_facility': 35,
    'parks.irrigation_leak': 25,
    'waste.overflowing_bin': 15,
    'public_health.stray_animals': 6,
    'environment.noise': 5,
    'public_health.pest_control': 4,
    'customer_service.general': 3,
  },
  beach: {
    'environment.beach_cleanliness': 55,
    'waste.overflowing_bin': 15,
    'waste.illegal_dumping': 6,
    'environment.noise': 5,
    'public_health.stray_animals': 3,
    'customer_service.general': 3,
    'environment.air_quality': 2,
  },
  market: {
    'food_safety.hygiene': 30,
    'food_safety.violation': 22,
    'waste.overflowing_bin': 15,
    'public_health.pest_control': 14,
    'drainage.sewage_overflow': 3,
    'environment.noise': 4,
    'customer_service.fees': 3,
  },
};
/** On a rain storm day, drains dominate. */
const STORM_BOOST: Readonly<Record<string, number>> = { 'drainage.blocked_drain': 12, 'drainage.sewage_overflow': 3 };
/** Topics that make a recurring problem at one spot. */
export const RECURRING_TOPICS: ReadonlySet<string> = new Set([
  'waste.overflowing_bin',
  'waste.illegal_dumping',
  'public_health.stray_animals',
  'public_health.pest_control',
  'drainage.blocked_drain',
  'drainage.sewage_overflow',
  'parks.damaged_facility',
  'parks.irrigation_leak',
  'environment.beach_cleanliness',
  'environment.noise',
  'food_safety.hygiene',
]);

export class TopicMix {
  private tables = new Map<string, Weighted<string>>();
  constructor(private topics: readonly string[]) {}

  table(kind: PlaceKind, storm: boolean, only?: ReadonlySet<string>): Weighted<string> {
    const key = `${kind}|${storm}|${only ? 'r' : ''}`;
    let t = this.tables.get(key);
    if (!t) {
      const base = TOPIC_WEIGHTS[kind];
      const known = this.topics.filter((c) => !only || only.has(c));
      // A catalogue none of whose topics is known to recur (another city's): any topic may.
      const pool = known.length ? known : [...this.topics];
      const weights = pool.map(
        (c) => (base[c] ?? (kind === 'community' ? 1 : 0)) * (storm ? (STORM_BOOST[c] ?? 1) : 1)
      );
      t = new Weighted(pool, weights.some((w) => w > 0) ? weights : pool.map(() => 1));
      this.tables.set(key, t);
    }
    return t;
  }

  pick(prng: Prng, kind: PlaceKind, storm: boolean): string {
    return this.table(kind, storm).pick(prng);
  }
}

/** Category weights by topic (prefix rules; the first match wins). */
const CATEGORY_RULES: ReadonlyArray<[RegExp, Readonly<Record<string, number>>]> = [
  [/^customer_service\./, { inquiry: 70, complaint: 15, suggestion: 10, service_request: 5 }],
  [/^buildings\.permit$/, { service_request: 55, inquiry: 40, complaint: 5 }],
  [/^waste\.bulk_collection$/, { service_request: 80, inquiry: 15, complaint: 5 }],
  [/^public_health\.pest_control$/, { service_request: 40, report: 30, complaint: 25, inquiry: 5 }],
  [/^parks\./, { report: 45, complaint: 25, observation: 15, suggestion: 15 }],
  [/^environment\./, { report: 40, complaint: 35, observation: 20, suggestion: 5 }],
  [/.*/, { report: 45, complaint: 30, observation: 15, inquiry: 4, suggestion: 3, service_request: 3 }],
];

export class CategoryMix {
  private tables = new Map<string, Weighted<string>>();
  constructor(private categories: readonly string[]) {}

  pick(prng: Prng, topic: string): string {
    let t = this.tables.get(topic);
    if (!t) {
      const rule = present(
        CATEGORY_RULES.find(([re]) => re.test(topic)),
        `the category rule of ${topic}`
      )[1];
      const weights = this.categories.map((c) => rule[c] ?? 0);
      t = new Weighted(this.categories, weights.some((w) => w > 0) ? weights : this.categories.map(() => 1));
      this.tables.set(topic, t);
    }
    return t.pick(prng);
  }
}

const PRIORITY_ORDER = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITY_ORDER)[number];

/** The topic's default priority, now and then raised or lowered a step. */
export function priorityFor(prng: Prng, defaultPriority: Priority): Priority {
  const i = PRIORITY_ORDER.indexOf(defaultPriority);
  const r = prng.float();
  if (r < 0.04) {
    return PRIORITY_ORDER[Math.min(3, i + 1)];
  }
  if (r < 0.07) {
    return PRIORITY_ORDER[Math.max(0, i - 1)];
  }
  return defaultPriority;
}
