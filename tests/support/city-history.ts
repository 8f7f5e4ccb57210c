// A small, seeded history for a city configured from a file (tests/integration/city-rezone.test.ts): requests of
// the city's own catalogue at fixed instants across a daylight-saving change, journeys walked through the real
// ingest path, then the SLA sweep and the rollup job at a fixed `now`. The same seed writes the same rows into any
// database with the same zones, whatever its zone: a "fresh load" to compare a rebuilt one with.
import type pg from 'pg';
import { prng } from './random.ts';
import { recordEvent } from '../../backend/ingest/record-event.ts';
import { writeRequests } from '../../backend/ingest/write-requests.ts';
import type { ReferenceIndex } from '../../backend/domain/reference.ts';

const HOUR = 3_600_000;
const STEPS = ['assigned', 'in_progress', 'resolved', 'closed'] as const;

/** Writes `n` requests created between `from` and `to` (ms) and walks their journeys, never past `until`. */
export async function writeCityHistory(
  pool: pg.Pool,
  ref: ReferenceIndex,
  seed: number,
  n: number,
  from: number,
  to: number,
  until: number
): Promise<void> {
  const rnd = prng(seed);
  const channels = ref.channels.filter((c) => !c.retired).map((c) => c.code);
  const topics = ref.topics.filter((t) => !t.retired);
  const items = Array.from({ length: n }, (_, i) => {
    const topic = rnd.pick(topics);
    return {
      source: 'history',
      external_id: `h-${i}`,
      channel: rnd.pick(channels),
      category: rnd.pick(ref.categories).code,
      topic: topic.code,
      department: topic.department_code,
      priority: rnd.pick(['low', 'normal', 'high', 'urgent'] as const),
      description: null,
      address: null,
      zone_code: null,
      customer: null,
      lon: 55.1 + rnd.next() * 0.2,
      lat: 25.1 + rnd.next() * 0.2,
      created_at: new Date(from + Math.floor((rnd.next() * (to - from)) / 60_000) * 60_000).toISOString(),
    };
  });
  const written = await writeRequests(pool, items);
  for (const [i, w] of written.entries()) {
    let at = Date.parse(items[i].created_at);
    for (const status of STEPS.slice(0, rnd.int(0, STEPS.length))) {
      at += rnd.int(1, 40) * HOUR;
      if (at >= until) {
        break;
      }
      await recordEvent(pool, ref, String(w.id), { status, occurred_at: new Date(at).toISOString() } as never);
    }
  }
}
