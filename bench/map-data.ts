// Synthetic city for the map benchmark: 320 zones (a jittered 16 × 20 grid over Dubai, each edge broken into
// short wiggly segments so a zone has ~60 vertices like a real community) and N requests clustered around
// busy centres, with a category each. Deterministic for a seed. Runs in the browser page (bench/map-page.ts).

export const ZONES_X = 16,
  ZONES_Y = 20;
const WEST = 54.95,
  EAST = 55.65,
  SOUTH = 24.75,
  NORTH = 25.35;
const CATEGORIES = ['inquiry', 'report', 'observation', 'complaint', 'service_request', 'suggestion'];

export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticZones(seed = 1) {
  const rnd = prng(seed);
  const dx = (EAST - WEST) / ZONES_X,
    dy = (NORTH - SOUTH) / ZONES_Y;
  const corner: Array<Array<[number, number]>> = [];
  for (let i = 0; i <= ZONES_X; i++) {
    corner.push([]);
    for (let j = 0; j <= ZONES_Y; j++) {
      const edge = i === 0 || j === 0 || i === ZONES_X || j === ZONES_Y;
      corner[i].push([
        WEST + i * dx + (edge ? 0 : (rnd() - 0.5) * dx * 0.5),
        SOUTH + j * dy + (edge ? 0 : (rnd() - 0.5) * dy * 0.5),
      ]);
    }
  }
  // Shared edges get the same wiggles from both sides (a seeded wiggle per edge key).
  const edgeCache = new Map<string, Array<[number, number]>>();
  const edge = (a: [number, number], b: [number, number], key: string): Array<[number, number]> => {
    let pts = edgeCache.get(key);
    if (!pts) {
      const r = prng(hash(key) ^ seed);
      pts = [];
      for (let k = 1; k < 15; k++) {
        const t = k / 15,
          wiggle = (r() - 0.5) * 0.08;
        pts.push([
          a[0] + (b[0] - a[0]) * t - (b[1] - a[1]) * wiggle,
          a[1] + (b[1] - a[1]) * t + (b[0] - a[0]) * wiggle,
        ]);
      }
      edgeCache.set(key, pts);
    }
    return pts;
  };
  const side = (i1: number, j1: number, i2: number, j2: number): Array<[number, number]> => {
    const forward = i1 < i2 || (i1 === i2 && j1 < j2);
    const key = forward ? `${i1},${j1}-${i2},${j2}` : `${i2},${j2}-${i1},${j1}`;
    const pts = forward
      ? edge(corner[i1][j1], corner[i2][j2], key)
      : [...edge(corner[i2][j2], corner[i1][j1], key)].reverse();
    return [corner[i1][j1], ...pts];
  };
  const features = [];
  let n = 0;
  for (let i = 0; i < ZONES_X; i++) {
    for (let j = 0; j < ZONES_Y; j++) {
      const ring = [
        ...side(i, j, i + 1, j),
        ...side(i + 1, j, i + 1, j + 1),
        ...side(i + 1, j + 1, i, j + 1),
        ...side(i, j + 1, i, j),
      ];
      ring.push(ring[0]);
      const code = String(100 + n++);
      features.push({
        type: 'Feature',
        id: code,
        properties: {
          code,
          name_en: `ZONE ${code}`,
          name_ar: `منطقة ${code}`,
          population: Math.round(2000 + rnd() * 60000),
          area_km2: 10,
        },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

export function syntheticRequests(n: number, seed = 2) {
  const rnd = prng(seed);
  const centres = Array.from(
    { length: 25 },
    () =>
      [
        WEST + 0.1 + rnd() * (EAST - WEST - 0.2),
        SOUTH + 0.1 + rnd() * (NORTH - SOUTH - 0.2),
        0.005 + rnd() * 0.04,
      ] as const
  );
  const lon = new Float64Array(n),
    lat = new Float64Array(n);
  const category: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.2) {
      lon[i] = WEST + rnd() * (EAST - WEST);
      lat[i] = SOUTH + rnd() * (NORTH - SOUTH);
    } else {
      const [cx, cy, s] = centres[Math.floor(rnd() * centres.length)];
      const r = s * Math.sqrt(-2 * Math.log(rnd() || 1e-9)),
        a = rnd() * 2 * Math.PI;
      lon[i] = cx + r * Math.cos(a);
      lat[i] = cy + r * Math.sin(a);
    }
    category[i] = CATEGORIES[Math.floor(rnd() * CATEGORIES.length)];
  }
  return { lon, lat, category };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}
