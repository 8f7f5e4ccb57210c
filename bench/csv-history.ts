// A deterministic CSV of historical requests in the services360 export format, for the import bench:
// points inside the city's bounding box, a realistic status mix with milestone times, customers on
// about half the rows, Arabic and English text, some fields quoted with commas and line breaks.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../backend/import/rejects.ts';
import { IMPORT_FIELDS, type ImportField } from '../backend/import/mapping.ts';

/** The columns of the generated history: the import's own fields (backend/import/mapping.ts), in its order, but
 *  those this history never fills. */
const NOT_WRITTEN: ReadonlySet<ImportField> = new Set<ImportField>([
  'cancelled_at',
  'customer_national_id',
  'customer_language',
  'department',
  'due_at',
  'first_response_clock',
]);
export const CSV_COLUMNS: string[] = IMPORT_FIELDS.filter((field) => !NOT_WRITTEN.has(field));

const CHANNELS = ['website', 'social_media', 'call_centre', 'whatsapp', 'virtual_assistant', 'walk_in'];
const CATEGORIES = ['inquiry', 'report', 'observation', 'complaint', 'service_request', 'suggestion'];
const TOPICS = [
  'waste.overflowing_bin',
  'food_safety.hygiene',
  'buildings.violation',
  'drainage.blocked_drain',
  'parks.irrigation_leak',
  'environment.noise',
  'customer_service.general',
];
const TEXTS = [
  'Bin overflowing since yesterday',
  'حاوية النفايات ممتلئة منذ الأمس',
  'Noise at night, again',
  'Water leaking from the irrigation pipe, near the gate',
  'مطعم غير نظيف',
];

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** One row (as cells) of the history; `i` makes the external id. */
export function historyRow(i: number, random: () => number, bbox: BBox, source = 'bench'): string[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const created = Date.parse('2025-01-01T00:00:00Z') + Math.floor(random() * 600 * 86_400_000);
  const iso = (t: number) => new Date(t).toISOString();
  const fr = created + Math.floor(random() * 8 * 3_600_000);
  const rs = fr + Math.floor(random() * 72 * 3_600_000);
  const cl = rs + Math.floor(random() * 24 * 3_600_000);
  const u = random();
  const status =
    u < 0.55
      ? 'closed'
      : u < 0.7
        ? 'resolved'
        : u < 0.8
          ? 'in_progress'
          : u < 0.85
            ? 'on_hold'
            : u < 0.92
              ? 'assigned'
              : 'received';
  const hasCustomer = random() < 0.5;
  const text = pick(TEXTS);
  return [
    source,
    `h-${i}`,
    pick(CHANNELS),
    pick(CATEGORIES),
    pick(TOPICS),
    '',
    random() < 0.1 ? `${text},\n${pick(TEXTS)}` : text,
    random() < 0.3 ? `Street ${1 + Math.floor(random() * 90)}, Dubai` : '',
    (bbox[0] + random() * (bbox[2] - bbox[0])).toFixed(6),
    (bbox[1] + random() * (bbox[3] - bbox[1])).toFixed(6),
    '',
    iso(created),
    status,
    status === 'received' ? '' : iso(fr),
    status === 'resolved' || status === 'closed' ? iso(rs) : '',
    status === 'closed' ? iso(cl) : '',
    hasCustomer ? `Customer ${i % 5000}` : '',
    hasCustomer ? `+971 50 ${String(1_000_000 + (i % 8_999_999)).slice(0, 7)}` : '',
    hasCustomer && random() < 0.5 ? `c${i % 5000}@example.com` : '',
    status === 'closed' && random() < 0.4 ? String(1 + Math.floor(random() * 5)) : '',
  ];
}

/** Writes `rows` rows to `file`; returns its size in bytes. */
export async function writeHistoryCsv(
  file: string,
  rows: number,
  seed: number,
  bbox: BBox,
  source = 'bench'
): Promise<number> {
  const out = createWriteStream(file);
  const random = rng(seed);
  let bytes = 0;
  const put = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) {
      await once(out, 'drain');
    }
  };
  await put(csvLine(CSV_COLUMNS));
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += csvLine(historyRow(i, random, bbox, source));
    if (buf.length > 1 << 16) {
      await put(buf);
      buf = '';
    }
  }
  if (buf) {
    await put(buf);
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return bytes;
}
