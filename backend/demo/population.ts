// Synthetic population per community: a density drawn within the range of its density class, times its
// area, scaled so the city adds up to a plausible total; earlier years shrink by a steady growth rate.
// Public sites get none. Figures are written marked synthetic.
import type { DensityClass } from './city.ts';
import type { Prng } from './prng.ts';

/** Residents per km², low and high, by density class. */
export const DENSITY_RANGE: Readonly<Record<DensityClass, readonly [number, number]>> = {
  core: [15_000, 35_000],
  urban: [5_000, 14_000],
  suburban: [1_500, 5_000],
  outskirts: [20, 300],
  industrial: [300, 3_000],
};
export const ANNUAL_GROWTH = 0.05;

/** A density class from an official name and area, for files that carry no class (the Dubai file). */
export function densityFromName(nameEn: string, areaKm2: number): DensityClass {
  const name = nameEn.toUpperCase();
  if (/\bIND\b|IND\.|INDUSTRIAL|\bPORT\b|AIRPORT|INT'L|INVESTMENT PARK|MATAAR/.test(name)) {
    return 'industrial';
  }
  if (areaKm2 > 40 || /ISLAND|NAKHLAT DEIRA/.test(name)) {
    return 'outskirts';
  }
  if (areaKm2 < 1.5) {
    return 'core';
  }
  if (areaKm2 < 8) {
    return 'urban';
  }
  return 'suburban';
}

export type PopulationInput = { code: string; areaKm2: number; density: DensityClass };
export type PopulationFigureByCode = { code: string; year: number; population: number };

/** Figures for every community and every year from firstYear to lastYear; the last year sums to `total`. */
export function syntheticPopulation(
  communities: PopulationInput[],
  prng: Prng,
  total: number,
  firstYear: number,
  lastYear: number
): PopulationFigureByCode[] {
  const raw = communities.map((c) => {
    const [lo, hi] = DENSITY_RANGE[c.density];
    // log-uniform within the class range
    const density = lo * Math.pow(hi / lo, prng.float());
    return density * c.areaKm2;
  });
  const sum = raw.reduce((a, b) => a + b, 0) || 1;
  const out: PopulationFigureByCode[] = [];
  communities.forEach((c, i) => {
    const latest = Math.round((raw[i] / sum) * total);
    for (let year = firstYear; year <= lastYear; year++) {
      const back = lastYear - year;
      const noise = back === 0 ? 1 : 1 + prng.range(-0.01, 0.01);
      out.push({
        code: c.code,
        year,
        population: Math.max(0, Math.round((latest / Math.pow(1 + ANNUAL_GROWTH, back)) * noise)),
      });
    }
  });
  return out;
}
