// The live trickle: new requests and journey steps posted to a running aggregator through its public API
// (as the channels would), so a wall screen moves during a demo. Bounded: stops when asked or after `limit`.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { DESCRIPTIONS, GENERIC_DESCRIPTION } from './names.ts';
import { sourceOf } from './mix.ts';

export type TrickleOptions = { url: string; token: string; ratePerSecond: number; limit: number; seed: number };
export type TrickleStats = { created: number; advanced: number; failed: number };

/** Weights of the Dubai demo's channels; a channel of another city's catalogue weighs 3 (open311 and import: none, they are not people's channels). */
const CHANNEL_WEIGHT: Readonly<Record<string, number>> = {
  whatsapp: 5,
  virtual_assistant: 4,
  website: 4,
  call_centre: 4,
  social_media: 2,
  walk_in: 1,
  open311: 0,
  import: 0,
};
const CATEGORIES = [
  ['report', 5],
  ['complaint', 4],
  ['inquiry', 3],
  ['service_request', 3],
  ['observation', 2],
  ['suggestion', 1],
] as const;
const NEXT: Record<string, string> = {
  received: 'assigned',
  assigned: 'in_progress',
  in_progress: 'resolved',
  on_hold: 'in_progress',
  resolved: 'closed',
};

function weighted<T>(rnd: () => number, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((a, [, w]) => a + w, 0);
  let x = rnd() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) {
      return v;
    }
  }
  return table[table.length - 1][0];
}

export async function runTrickle(
  pool: pg.Pool,
  o: TrickleOptions,
  shouldStop: () => boolean,
  log: (line: string) => void = () => {}
): Promise<TrickleStats> {
  let state = o.seed >>> 0 || 1;
  const rnd = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const points = (
    await pool.query<{ code: string; lon: number; lat: number }>(sql('trickle/sample_points'), [o.seed, 5000])
  ).rows;
  // The city's catalogue as configured (config apply), not Dubai's: its channels and topics that take new requests.
  const {
    rows: [ref],
  } = await pool.query<{ channels: string[]; topics: Array<{ code: string }> }>(sql('demo/reference'));
  const topics = ref.topics.map((t) => t.code);
  const CHANNELS = ref.channels.map((c) => [c, CHANNEL_WEIGHT[c] ?? 3] as const).filter(([, w]) => w > 0);
  const stats: TrickleStats = { created: 0, advanced: 0, failed: 0 };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${o.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status >= 400) {
      stats.failed++;
      log(`POST ${path} → ${res.status} ${(await res.text()).slice(0, 200)}`);
      return false;
    }
    return true;
  };
  for (let n = 0; n < o.limit && !shouldStop(); n++) {
    if (rnd() < 0.6 || !points.length) {
      const channel = weighted(rnd, CHANNELS);
      const topic = topics[Math.floor(rnd() * topics.length)];
      const arabic = rnd() < 0.5;
      const texts = (DESCRIPTIONS[topic] ?? GENERIC_DESCRIPTION)[arabic ? 'ar' : 'en'];
      const p = points[Math.floor(rnd() * points.length)];
      const ok = await post('/v1/requests', {
        source: `${sourceOf(channel)}-live`,
        external_id: `live-${Date.now()}-${n}`,
        channel,
        category: weighted(rnd, CATEGORIES),
        topic,
        description: texts[Math.floor(rnd() * texts.length)],
        ...(p ? { location: { lon: p.lon, lat: p.lat } } : {}),
      });
      if (ok) {
        stats.created++;
      }
    } else {
      const [r] = (
        await pool.query<{ reference: string; status: string; advisor: string | null }>(
          sql('trickle/open_requests'),
          [1]
        )
      ).rows;
      if (r) {
        const status = NEXT[r.status];
        const ok = await post(`/v1/requests/${r.reference}/events`, {
          status,
          ...(status === 'assigned' && r.advisor ? { advisor: r.advisor } : {}),
          ...(status === 'closed' ? { satisfaction: 1 + Math.floor(rnd() * 5) } : {}),
          actor: 'live-trickle',
        });
        if (ok) {
          stats.advanced++;
        }
      }
    }
    await new Promise((r) => setTimeout(r, 1000 / o.ratePerSecond));
  }
  return stats;
}
