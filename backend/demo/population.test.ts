import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ANNUAL_GROWTH, densityFromName, syntheticPopulation } from './population.ts';
import { Prng } from './prng.ts';

test('density classes from Dubai-style names and areas', () => {
  assert.equal(densityFromName('AL QOUZ IND.FOURTH', 4.7), 'industrial');
  assert.equal(densityFromName("DUBAI INT'L AIRPORT", 14), 'industrial');
  assert.equal(densityFromName('HATTA', 128), 'outskirts');
  assert.equal(densityFromName('AL RAS', 0.3), 'core');
  assert.equal(densityFromName('AL BARSHA FIRST', 3.9), 'urban');
  assert.equal(densityFromName('MIRDIF', 9.3), 'suburban');
});

test('the latest year adds up to the total; earlier years are smaller by the growth rate', () => {
  const zones = [
    { code: 'a', areaKm2: 1, density: 'core' as const },
    { code: 'b', areaKm2: 5, density: 'urban' as const },
    { code: 'c', areaKm2: 100, density: 'outskirts' as const },
  ];
  const figures = syntheticPopulation(zones, new Prng('p'), 100_000, 2024, 2026);
  assert.equal(figures.length, 9);
  const latest = figures.filter((f) => f.year === 2026);
  assert.ok(Math.abs(latest.reduce((s, f) => s + f.population, 0) - 100_000) <= 2);
  const a = figures.filter((f) => f.code === 'a');
  assert.ok(Math.abs(a[0].population / a[2].population - 1 / (1 + ANNUAL_GROWTH) ** 2) < 0.02);
  const c = latest.find((f) => f.code === 'c')!;
  assert.ok(
    c.population < latest.find((f) => f.code === 'a')!.population,
    'a vast desert zone has fewer people than a dense core'
  );
});
