// One demo request from its arrival time: where (zone by population, a point inside), what (topic by the
// kind of place, category by topic, priority), how (channel of the moment), who (a customer, or nobody),
// which SLA policy, and its whole journey. Written straight into COPY text lines (requests, events).
import { Weighted, type Prng } from './prng.ts';
import {
  ChannelMix,
  CategoryMix,
  TopicMix,
  priorityFor,
  sourceOf,
  RECURRING_TOPICS,
  type PlaceKind,
  type Priority,
} from './mix.ts';
import { planJourney, type JourneyAdvisor, type StageProgress } from './journeys.ts';
import { pointIn, pointNear, pointOutside, type DemoZone } from './places.ts';
import { RECURRING, type Cluster } from './recurring.ts';
import type { Day } from './rhythm.ts';
import { offsetAt } from '../sla/time-zone.ts';
import type { SlaPolicies, SlaPolicy } from './sla-policy.ts';
import { ClocksAtLoad, type PolicyClock } from '../sla/clocks-at-load.ts';
import { DESCRIPTIONS, GENERIC_DESCRIPTION, titleCase } from './names.ts';
import { copyText, copyTime, NULL } from './copy-text.ts';
import { lookup } from '../domain/lookup.ts';

export const REQUEST_ODDS = { unzoned: 0.003, anonymous: 0.12, address: 0.5 } as const;
/** Share of all requests filed at public sites (the rest go to communities by population). */
export const SITE_SHARE = 0.07;
/** Departments that work at a desk (no field stages). */
export const DESK_DEPARTMENTS: ReadonlySet<string> = new Set(['customer_service']);
/** Pace by department (1 = on the median of the SLA draw; higher is slower). */
export const DEPARTMENT_PACE: Readonly<Record<string, number>> = {
  buildings: 1.25,
  drainage: 0.8,
  food_safety: 0.9,
  customer_service: 0.85,
  waste: 1.0,
  public_health: 1.05,
  parks: 1.1,
  environment: 1.15,
};
/** Targets for a request no policy matches (minutes). */
const FALLBACK_TARGETS = { first: 1440, resolution: 7200 } as const;

/** When the k-th event of the seq-th request was recorded: a few seconds after it happened, never after the end. */
function recorded(at: number, seq: number, k: number, endAt: number): number {
  return Math.min(at + (((seq * 7919 + k * 104_729) % 28) + 2) * 1000, Math.max(at, endAt));
}

function maybeTime(ms: number | null): string {
  return ms === null ? NULL : copyTime(ms);
}

export type TopicInfo = { code: string; department_code: string; default_priority: Priority };

export type RequestContext = {
  seed: string;
  /** the city's zone (city_settings): the local hour a request arrives at */
  timeZone: string;
  endAt: number;
  zones: readonly DemoZone[];
  topics: readonly TopicInfo[];
  channels: readonly string[];
  categories: readonly string[];
  stages: StageProgress;
  workStages: readonly string[];
  policies: SlaPolicies<SlaPolicy & PolicyClock>;
  /** each request's SLA columns and alerts, evaluated as it is written */
  clocks: ClocksAtLoad;
  advisors: ReadonlyArray<JourneyAdvisor & { department: string }>;
  customers: { firstId: number; count: number; arabic: Uint8Array };
};

export type Written = { requests: number; events: number; open: number };

/**
 * The COPY lines a request is written into: `requests` (demo/copy_requests.sql, its SLA columns included) or, when
 * no policy applies, `unclocked` (demo/copy_requests_unclocked.sql: no clock, as the sweep leaves it); its journey
 * into `events`, its warnings and breaches into `alerts`.
 */
export type DemoLines = { requests: string[]; unclocked: string[]; events: string[]; alerts: string[] };

/** Weights of the zones requests are filed in: communities by population, sites sharing SITE_SHARE. */
export function zoneWeights(zones: readonly DemoZone[]): number[] {
  const communities = zones.filter((z) => z.kind === 'community');
  const sites = zones.filter((z) => z.kind === 'public_site');
  const people = communities.reduce((a, z) => a + Math.max(z.population, 50), 0);
  const siteShare = sites.length ? SITE_SHARE : 0;
  const siteWeight = (z: DemoZone) => (z.siteType === 'beach' ? 1.6 : z.siteType === 'market' ? 1.2 : 1);
  const siteTotal = sites.reduce((a, z) => a + siteWeight(z), 0) || 1;
  return zones.map((z) =>
    z.kind === 'community'
      ? ((1 - siteShare) * Math.max(z.population, 50)) / people
      : (siteShare * siteWeight(z)) / siteTotal
  );
}

export function placeKind(zone: DemoZone | null): PlaceKind {
  return zone?.siteType ?? 'community';
}

export class RequestFactory {
  private zoneTable: Weighted<DemoZone>;
  private channelMix: ChannelMix;
  private topicMix: TopicMix;
  private categoryMix: CategoryMix;
  private topic: Map<string, TopicInfo>;
  private advisorsOf = new Map<string, JourneyAdvisor[]>();
  private zoneLabel = new Map<number, { en: string; ar: string }>();

  constructor(private ctx: RequestContext) {
    this.zoneTable = new Weighted(ctx.zones, zoneWeights(ctx.zones));
    this.channelMix = new ChannelMix(ctx.channels);
    this.topicMix = new TopicMix(ctx.topics.map((t) => t.code));
    this.categoryMix = new CategoryMix(ctx.categories);
    this.topic = new Map(ctx.topics.map((t) => [t.code, t]));
    for (const a of ctx.advisors) {
      const list = this.advisorsOf.get(a.department) ?? [];
      list.push(a);
      this.advisorsOf.set(a.department, list);
    }
    for (const z of ctx.zones) {
      this.zoneLabel.set(z.id, { en: titleCase(z.name_en), ar: z.name_ar });
    }
  }

  get zones(): Weighted<DemoZone> {
    return this.zoneTable;
  }

  /** The topic of a recurring problem at a zone. */
  recurringTopic(zone: DemoZone, prng: Prng): string {
    return this.topicMix.table(placeKind(zone), false, RECURRING_TOPICS).pick(prng);
  }

  /**
   * Writes one request (id `id`, the `seq`-th of this run) arriving at `at` on `day` — part of `cluster`
   * when given — as COPY lines into `out`.
   */
  write(
    id: number,
    seq: number,
    at: number,
    day: Day,
    cluster: Cluster | null,
    prng: Prng,
    out: DemoLines
  ): { events: number; open: boolean } {
    const ctx = this.ctx;
    let zone: DemoZone | null;
    let topicCode: string;
    let lon: number, lat: number;
    if (cluster) {
      zone = cluster.zone;
      topicCode = cluster.topic;
      [lon, lat] = pointNear(zone, cluster.centre, RECURRING.radiusM, prng);
    } else if (prng.chance(REQUEST_ODDS.unzoned)) {
      zone = null;
      topicCode = this.topicMix.pick(prng, 'community', day.storm);
      [lon, lat] = pointOutside(ctx.zones, prng);
    } else {
      zone = this.zoneTable.pick(prng);
      topicCode = this.topicMix.pick(prng, placeKind(zone), day.storm);
      [lon, lat] = pointIn(zone, prng);
    }
    const topic = lookup(this.topic, topicCode, 'topic');
    const category = this.categoryMix.pick(prng, topicCode);
    const priority = priorityFor(prng, topic.default_priority);
    const localHour = Math.floor(((at + offsetAt(ctx.timeZone, at)) % 86_400_000) / 3_600_000);
    const channel = this.channelMix.pick(prng, at, localHour, day.weekend);
    const source = sourceOf(channel);

    let customerId: number | null = null;
    let arabic: boolean;
    if (ctx.customers.count && !prng.chance(REQUEST_ODDS.anonymous)) {
      const u = prng.float();
      const index = Math.floor(ctx.customers.count * u * u);
      customerId = ctx.customers.firstId + index;
      arabic = ctx.customers.arabic[index] === 1;
    } else {
      arabic = prng.chance(0.55);
    }
    const lines = DESCRIPTIONS[topicCode] ?? GENERIC_DESCRIPTION;
    const description = prng.pick(arabic ? lines.ar : lines.en);
    let address: string | null = null;
    if (zone && prng.chance(REQUEST_ODDS.address)) {
      const label = lookup(this.zoneLabel, zone.id, 'zoneLabel');
      const street = prng.int(1, 60);
      address = arabic ? `شارع ${street}، ${label.ar}` : `Street ${street}, ${label.en}`;
    }

    const policy = ctx.policies.choose(category, topicCode, priority, at, channel);
    const advisors = this.advisorsOf.get(topic.department_code) ?? ctx.advisors;
    const journey = planJourney(
      {
        createdAt: at,
        endAt: ctx.endAt,
        source,
        firstResponseMinutes: policy?.first_response_minutes ?? FALLBACK_TARGETS.first,
        resolutionMinutes: policy?.resolution_minutes ?? FALLBACK_TARGETS.resolution,
        workStages: DESK_DEPARTMENTS.has(topic.department_code) ? [] : ctx.workStages,
        advisors,
        pace: DEPARTMENT_PACE[topic.department_code] ?? 1,
      },
      ctx.stages,
      prng
    );

    const ev = journey.events;
    for (let k = 0; k < ev.length; k++) {
      const e = ev[k];
      out.events.push(
        `${id}\t${e.kind}\t${e.from ?? NULL}\t${e.to}\t${e.stage}\t${e.progress}\t${e.advisorId ?? NULL}\t${copyText(e.actor)}\t` +
          `${e.note === null ? NULL : copyText(e.note)}\t${copyTime(e.at)}\t${copyTime(recorded(e.at, seq, k, ctx.endAt))}\n`
      );
    }
    const line =
      `${id}\t${source}\tdemo-${ctx.seed}-${seq}\t${channel}\t${category}\t${topicCode}\t${topic.department_code}\t${priority}\t` +
      `${zone ? zone.id : NULL}\tSRID=4326;POINT(${lon} ${lat})\t${address === null ? NULL : copyText(address)}\t${copyText(description)}\t` +
      `${customerId ?? NULL}\t${journey.status}\t${journey.stage}\t${journey.progress}\t${journey.advisorId ?? NULL}\t${copyTime(at)}\t` +
      `${copyTime(recorded(at, seq, 0, ctx.endAt))}\t${maybeTime(journey.firstResponseAt)}\t${maybeTime(journey.resolvedAt)}\t` +
      `${maybeTime(journey.closedAt)}\t${maybeTime(journey.cancelledAt)}\t${journey.satisfaction ?? NULL}\t${policy?.id ?? NULL}\t` +
      `${copyTime(recorded(journey.lastAt, seq, ev.length - 1, ctx.endAt))}`;
    if (policy && ctx.clocks.has(policy)) {
      const clock = ctx.clocks.columns(
        id,
        {
          status: journey.status,
          createdAt: at,
          firstResponseAt: journey.firstResponseAt,
          resolvedAt: journey.resolvedAt,
          closedAt: journey.closedAt,
          cancelledAt: journey.cancelledAt,
        },
        policy,
        ev,
        out.alerts
      );
      out.requests.push(`${line}\t${ClocksAtLoad.line(clock)}\n`);
    } else {
      out.unclocked.push(`${line}\n`);
    }
    return { events: ev.length, open: journey.status !== 'closed' && journey.status !== 'cancelled' };
  }
}
