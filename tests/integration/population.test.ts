import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { importGrid } from '../support/fixtures.ts';
import { importPopulationFile } from '../../backend/zones/import-population.ts';
import { DEFAULT_POPULATION_COLUMNS } from '../../backend/zones/population-csv.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await freshDatabase();
  await importGrid(db.pool);
  dir = mkdtempSync(join(tmpdir(), 's360-pop-'));
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const file = (text: string) => {
  const f = join(dir, `p${n++}.csv`);
  writeFileSync(f, text);
  return f;
};
const load = (text: string, synthetic = false) =>
  importPopulationFile(db.pool, file(text), { columns: DEFAULT_POPULATION_COLUMNS, synthetic });
const zones = async () =>
  (await db.pool.query('SELECT code, population, population_year, population_synthetic FROM zones ORDER BY code')).rows;
const figures = async () =>
  (
    await db.pool.query(
      'SELECT z.code, p.year, p.population, p.synthetic FROM zone_population p JOIN zones z ON z.id = p.zone_id ORDER BY z.code, p.year'
    )
  ).rows;

describe('import-population', () => {
  test('writes every figure and gives each zone its latest year', async () => {
    const report = await load('zone_code,population,year\nG1,1000,2023\nG1,1100,2024\nG2,500,2024\n');
    assert.deepEqual(
      { ...report, problems: report.problems.length },
      { rows: 3, zones: 2, years: [2023, 2024], written: true, zonesUpdated: 2, problems: 0 }
    );
    assert.deepEqual(await figures(), [
      { code: 'G1', year: 2023, population: 1000, synthetic: false },
      { code: 'G1', year: 2024, population: 1100, synthetic: false },
      { code: 'G2', year: 2024, population: 500, synthetic: false },
    ]);
    assert.deepEqual(await zones(), [
      { code: 'G1', population: 1100, population_year: 2024, population_synthetic: false },
      { code: 'G2', population: 500, population_year: 2024, population_synthetic: false },
      { code: 'G3', population: null, population_year: null, population_synthetic: false },
      { code: 'G4', population: null, population_year: null, population_synthetic: false },
    ]);
  });

  test('a repeated (zone, year) is updated, and an older year never replaces the latest', async () => {
    const report = await load('zone_code,population,year\nG1,1200,2024\nG1,900,2019\n');
    assert.equal(report.written, true);
    assert.equal(report.zonesUpdated, 1);
    const g1 = (await figures()).filter((f) => f.code === 'G1');
    assert.deepEqual(
      g1.map((f) => [f.year, f.population]),
      [
        [2019, 900],
        [2023, 1000],
        [2024, 1200],
      ]
    );
    assert.deepEqual((await zones())[0], {
      code: 'G1',
      population: 1200,
      population_year: 2024,
      population_synthetic: false,
    });
  });

  test('unknown zone codes and bad rows are all reported by line, and nothing is written', async () => {
    const before = { f: await figures(), z: await zones() };
    const report = await load(
      'zone_code,population,year\nG3,700,2024\nNOPE,5,2024\nG4,many,2024\nG4,10,2024\nG4,11,2024\n,1,2024\n'
    );
    assert.equal(report.written, false);
    assert.deepEqual(report.problems, [
      { line: 3, reason: 'unknown zone code "NOPE"' },
      { line: 4, reason: 'population "many" is not a whole number ≥ 0' },
      { line: 6, reason: 'zone "G4", year 2024 repeats line 5' },
      { line: 7, reason: 'zone code is empty' },
    ]);
    assert.deepEqual({ f: await figures(), z: await zones() }, before, 'the good rows were not written either');
  });

  test('--synthetic marks the figures and the zones as synthetic', async () => {
    await load('zone_code,population,year\nG3,300,2025\n', true);
    const g3 = (await zones()).find((z) => z.code === 'G3');
    assert.deepEqual(g3, { code: 'G3', population: 300, population_year: 2025, population_synthetic: true });
    assert.equal((await figures()).find((f) => f.code === 'G3')?.synthetic, true);
  });
});

describe('the import-population command', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/services360.js', 'import-population', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: db.url },
      timeout: 60_000,
    });

  test('imports with named columns, a delimiter and --synthetic', async () => {
    const run = cli(
      file('Community;Residents;Census\nG4;4400;2024\nG4;4500;2025\n'),
      '--code-column',
      'Community',
      '--population-column',
      'Residents',
      '--year-column',
      'Census',
      '--delimiter',
      ';',
      '--synthetic'
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      /2 figures for 1 zones \(2024–2025\), marked synthetic; 1 zones' current population changed/
    );
    assert.deepEqual(
      (await zones()).find((z) => z.code === 'G4'),
      { code: 'G4', population: 4500, population_year: 2025, population_synthetic: true }
    );
  });

  test('exits 1 listing the problems, and 2 on bad usage', async () => {
    const before = await figures();
    const bad = cli(file('zone_code,population,year\nG1,1,2024\nXX,2,2024\n'));
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /line 3: unknown zone code "XX"/);
    assert.match(bad.stderr, /1 problem\(s\); nothing written/);
    const header = cli(file('code,pop,year\n'));
    assert.equal(header.status, 1);
    assert.match(header.stderr, /no column "zone_code", "population"/);
    assert.equal(cli().status, 2);
    assert.deepEqual(await figures(), before);
  });
});
