// A Lakeport 311 export written the way municipal systems write them (issue 11's proof): times in local
// wall-clock text without an offset (US month/day/year, 12-hour), some in the night the clocks jump forward
// (a time that never happened) and in the hour that happens twice, a target date per case, the city hall's
// point for cases without a location, service types by name (some unknown to the catalogue), statuses in
// mixed case, the owning department by name (sometimes not the topic's), the ward by name, and no
// first-response column. Deterministic for a seed. The truth of each case is kept beside the text, worked
// out here independently of the importer: instants first, their local text from Intl.
import { join } from 'node:path';
import { prng } from './random.ts';

export const LAKEPORT_ZONE = 'America/Chicago';
/** The placeholder point the export writes for "no location" (LAT,LON). */
export const CITY_HALL = { lat: 41.8837, lon: -87.6319 };
/** The sweep's `now`: every case was created and closed before it. */
export const LAKEPORT_NOW = new Date('2026-12-01T18:00:00Z');

/**
 * `services360 import-requests` of Lakeport's export as the city runs it: its mapping, its zone for local times, the
 * city hall's placeholder point and no first-response data (`root`: the repository).
 */
export function lakeportImportArgs(file: string, root: string): string[] {
  return [
    file,
    '--mapping',
    join(root, 'tests/fixtures/lakeport-311.mapping.json'),
    '--time-zone',
    LAKEPORT_ZONE,
    '--unknown-location',
    `${CITY_HALL.lat},${CITY_HALL.lon}`,
    '--no-first-response',
    '--quiet',
  ];
}

const HEADER = [
  'SR_NUMBER',
  'SR_TYPE',
  'OWNER_DEPARTMENT',
  'ORIGIN',
  'STATUS',
  'CREATED_DATE',
  'CLOSED_DATE',
  'TARGET_DATE',
  'WARD',
  'LATITUDE',
  'LONGITUDE',
];

/** Service types by name: known (topic code and its department) and unknown to the catalogue (no topic). */
const KNOWN: ReadonlyArray<[string, string, string]> = [
  ['Pothole in Street', 'sts.pothole', 'transportation'],
  ['Street Light Out', 'sts.streetlight', 'transportation'],
  ['Missed Garbage Pickup', 'san.missed_pickup', 'streets'],
  ['Graffiti Removal', 'san.graffiti', 'streets'],
  ['Rodent Baiting', 'san.rodents', 'streets'],
  ['Water Main Break', 'wtr.main_break', 'water'],
  ['No Heat Complaint', 'bldg.no_heat', 'buildings'],
  ['Stray Animal', 'animal.stray', 'animal_care'],
];
const UNKNOWN: ReadonlyArray<[string, string]> = [
  ['Tree Trim Request', 'streets'],
  ['Abandoned Vehicle', 'transportation'],
  ['Alley Light Out', 'transportation'],
  ['Sewer Cave-In Inspection', 'water'],
];
/** Department codes → the names the export writes (lakeport.yaml's English names; the export shouts some). */
const DEPARTMENTS: Record<string, string> = {
  streets: 'Streets and Sanitation',
  water: 'Water Management',
  transportation: 'Transportation',
  buildings: 'Building Inspections',
  animal_care: 'Animal Care and Control',
  call_center: '311 Call Center',
};
const ORIGINS: ReadonlyArray<[string, string]> = [
  ['Phone Call', 'phone_311'],
  ['Internet', 'web_portal'],
  ['Mobile Device', 'mobile_app'],
  ['E-Mail', 'import'],
  ["Alderman's Office", 'import'],
];

/** Four wards, 2 × 2 over the city (lon −87.80…−87.60, lat 41.80…42.00), W1 north-west … W4 south-east. */
export const LAKEPORT_WARDS = [
  { code: 'W1', name_en: 'Ward 1', name_ar: 'الدائرة 1', west: -87.8, south: 41.9 },
  { code: 'W2', name_en: 'Ward 2', name_ar: 'الدائرة 2', west: -87.7, south: 41.9 },
  { code: 'W3', name_en: 'Ward 3', name_ar: 'الدائرة 3', west: -87.8, south: 41.8 },
  { code: 'W4', name_en: 'Ward 4', name_ar: 'الدائرة 4', west: -87.7, south: 41.8 },
] as const;
const WARD_SIZE = 0.1;

export function lakeportWardsGeoJson() {
  return {
    type: 'FeatureCollection',
    features: LAKEPORT_WARDS.map((w) => ({
      type: 'Feature',
      properties: { code: w.code, name_en: w.name_en, name_ar: w.name_ar },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w.west, w.south],
            [w.west + WARD_SIZE, w.south],
            [w.west + WARD_SIZE, w.south + WARD_SIZE],
            [w.west, w.south + WARD_SIZE],
            [w.west, w.south],
          ],
        ],
      },
    })),
  };
}

export type LakeportCase = {
  sr: string;
  /** the true instants (ISO, Z) */
  created_at: string;
  closed_at: string | null;
  status: 'received' | 'in_progress' | 'closed';
  /** the target date, local (YYYY-MM-DD) */
  target: string;
  topic: string | null;
  department: string;
  channel: string;
  /** false: the export wrote the city hall's point */
  located: boolean;
  zone: string | null;
  /** closed: closed on or before its target date (local dates); open: null */
  closedOnTime: boolean | null;
  /** how the created time is written: 'gap' never happened (read 1 h later), 'overlap' happened twice (the first) */
  createdKind: 'plain' | 'gap' | 'overlap';
};

/** A deliberately bad row and the columns each of its problems names. */
export type LakeportBadRow = { sr: string; columns: string[] };

export type LakeportExport = { csv: string; header: string[]; cases: LakeportCase[]; bad: LakeportBadRow[] };

const local = new Intl.DateTimeFormat('en-US', {
  timeZone: LAKEPORT_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An instant's local wall clock in Lakeport. */
function wall(ms: number) {
  const p: Record<string, string> = {};
  for (const part of local.formatToParts(ms)) {
    p[part.type] = part.value;
  }
  return { y: p.year, mo: p.month, d: p.day, h: Number(p.hour), mi: p.minute, s: p.second };
}
const localDate = (ms: number) => {
  const w = wall(ms);
  return `${w.y}-${w.mo}-${w.d}`;
};
/** 03/08/2026 02:30:00 AM */
function usText(w: { y: string; mo: string; d: string; h: number; mi: string; s: string }): string {
  const h12 = w.h % 12 === 0 ? 12 : w.h % 12;
  return `${w.mo}/${w.d}/${w.y} ${String(h12).padStart(2, '0')}:${w.mi}:${w.s} ${w.h < 12 ? 'AM' : 'PM'}`;
}
const usDate = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${m}/${d}/${y}`;
};
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const MIN = 60_000,
  HOUR = 3_600_000,
  DAY = 86_400_000;
/** The second 01:00–02:00 of 1 November 2026 (CST): a time written there would read as the first. Never drawn. */
const SECOND_PASS = [Date.parse('2026-11-01T07:00:00Z'), Date.parse('2026-11-01T08:00:00Z')];
const FROM = Date.parse('2026-01-05T06:00:00Z'),
  TO = Date.parse('2026-11-20T06:00:00Z');
const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function lakeportExport(seed: number, count = 150): LakeportExport {
  const rnd = prng(seed);
  const cases: LakeportCase[] = [];
  const lines: string[][] = [];
  const drawTime = (from: number, to: number) => {
    for (;;) {
      const t = Math.floor((from + rnd.next() * (to - from)) / 1000) * 1000;
      if (!(t >= SECOND_PASS[0] && t < SECOND_PASS[1])) {
        return t;
      }
    }
  };
  for (let i = 0; i < count; i++) {
    const sr = `LP-26-${String(100001 + i)}`;
    // The first three created in the spring gap (02:xx on 8 March never happened: read as 03:xx CDT), the
    // next three in the autumn hour that happens twice (01:xx CDT, its first pass); the rest anywhere.
    const createdKind: LakeportCase['createdKind'] = i < 3 ? 'gap' : i < 6 ? 'overlap' : 'plain';
    const minute = rnd.int(0, 59);
    let created: number;
    let createdText: string;
    if (createdKind === 'gap') {
      created = Date.parse('2026-03-08T08:00:00Z') + minute * MIN; // 03:mm CDT
      createdText = `03/08/2026 02:${String(minute).padStart(2, '0')}:00 AM`;
    } else {
      created = createdKind === 'overlap' ? Date.parse('2026-11-01T06:00:00Z') + minute * MIN : drawTime(FROM, TO);
      createdText = usText(wall(created));
    }
    const known = rnd.chance(0.8);
    let typeName: string, topic: string | null, typeDepartment: string;
    if (known) {
      [typeName, topic, typeDepartment] = rnd.pick(KNOWN);
    } else {
      [typeName, typeDepartment] = rnd.pick(UNKNOWN);
      topic = null;
    }
    // Now and then another department owns the case than the type's.
    const department = rnd.chance(0.15) ? rnd.pick(Object.keys(DEPARTMENTS)) : typeDepartment;
    const departmentText = rnd.chance(0.2) ? DEPARTMENTS[department].toUpperCase() : DEPARTMENTS[department];
    const [origin, channel] = rnd.pick(ORIGINS);
    const r = rnd.next();
    const status: LakeportCase['status'] = r < 0.7 ? 'closed' : r < 0.85 ? 'in_progress' : 'received';
    const statusText =
      status === 'closed'
        ? rnd.pick(['Closed', 'CLOSED', 'closed', 'Completed'])
        : status === 'in_progress'
          ? rnd.pick(['In Progress', 'IN PROGRESS', 'in progress'])
          : rnd.pick(['Open', 'OPEN', 'open']);
    const target = addDays(localDate(created), rnd.int(1, 10));
    let closed: number | null = null;
    if (status === 'closed') {
      closed = drawTime(created + 15 * MIN, Math.min(created + 14 * DAY, LAKEPORT_NOW.getTime() - HOUR));
    }
    const placeholder = rnd.chance(0.15);
    let lon: number, lat: number;
    let ward: (typeof LAKEPORT_WARDS)[number] | null;
    if (placeholder) {
      // The city hall's point, now and then a metre or two off (a geocoder's rounding); the ward the case
      // was filed for, or none.
      const jitter = rnd.chance(0.5) ? 0.00001 : 0;
      lon = CITY_HALL.lon + jitter;
      lat = CITY_HALL.lat - jitter;
      ward = rnd.chance(0.5) ? rnd.pick(LAKEPORT_WARDS) : null;
    } else {
      // A point inside a ward, kept off its edges (a point on an edge is in neither ward).
      ward = rnd.pick(LAKEPORT_WARDS);
      lon = Math.round((ward.west + 0.001 + rnd.next() * 0.098) * 1e6) / 1e6;
      lat = Math.round((ward.south + 0.001 + rnd.next() * 0.098) * 1e6) / 1e6;
    }
    const wardText = ward ? (rnd.chance(0.3) ? ward.name_en.toUpperCase() : ward.name_en) : '';
    cases.push({
      sr,
      created_at: new Date(created).toISOString(),
      closed_at: closed === null ? null : new Date(closed).toISOString(),
      status,
      target,
      topic,
      department,
      channel,
      located: !placeholder,
      zone: ward?.code ?? null,
      closedOnTime: closed === null ? null : localDate(closed) <= target,
      createdKind,
    });
    lines.push([
      sr,
      typeName,
      departmentText,
      origin,
      statusText,
      createdText,
      closed === null ? '' : usText(wall(closed)),
      usDate(target),
      wardText,
      String(lat),
      String(lon),
    ]);
  }
  // Three rows with several problems each; every one must be named.
  const bad: LakeportBadRow[] = [
    { sr: 'LP-26-BAD-1', columns: ['LATITUDE', 'OWNER_DEPARTMENT', 'CLOSED_DATE'] },
    { sr: 'LP-26-BAD-2', columns: ['CREATED_DATE', 'TARGET_DATE', 'STATUS'] },
    { sr: 'LP-26-BAD-3', columns: ['WARD', 'CLOSED_DATE'] },
  ];
  lines.push([
    'LP-26-BAD-1',
    'Pothole in Street',
    'Parks District',
    'Phone Call',
    'Closed',
    '05/04/2026 09:00:00 AM',
    '',
    '05/08/2026',
    'Ward 1',
    '41.9x',
    '-87.75',
  ]);
  lines.push([
    'LP-26-BAD-2',
    'Graffiti Removal',
    'Streets and Sanitation',
    'Internet',
    'Duplicate',
    '31/12/2026 10:00',
    '',
    'TBD',
    'Ward 2',
    '41.95',
    '-87.65',
  ]);
  lines.push([
    'LP-26-BAD-3',
    'Stray Animal',
    'Animal Care and Control',
    'Mobile Device',
    'Closed',
    '06/10/2026 03:00:00 PM',
    '06/09/2026 03:00:00 PM',
    '06/12/2026',
    'Ward 9',
    String(CITY_HALL.lat),
    String(CITY_HALL.lon),
  ]);
  // Municipal exports are not sorted by number: shuffle the rows (the cases keep their order).
  for (let i = lines.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  const csv = [HEADER, ...lines].map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
  return { csv, header: HEADER, cases, bad };
}
