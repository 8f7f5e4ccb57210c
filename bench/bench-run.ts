// What the on-demand benchmarks that load a history share: a fresh database of their own on the S360_ADMIN_URL
// server (dropped at the end unless kept), phases timed with their rate and the machine's load when they ended, and
// metered with the CPU they cost.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import type { PhaseCpu, PhaseCpuMeter } from './cpu.ts';

export const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
/** os.loadavg(): 1, 5, 15 min. */
export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export type BenchDatabase = { name: string; url: string; drop: () => Promise<void> };

export async function benchDatabase(prefix: string): Promise<BenchDatabase> {
  const adminUrl = process.env.S360_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    throw new Error('set S360_ADMIN_URL or DATABASE_URL');
  }
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  await admin(`CREATE DATABASE "${name}"`);
  return { name, url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export type Phase = {
  name: string;
  seconds: number;
  items: number;
  what: string;
  load: string;
  /** CPU seconds spent in the phase (with a meter) */
  cpu?: PhaseCpu;
};

/** The CPU part of a phase's line: who spent how many seconds, and how many of the machine's cores that keeps busy. */
export function cpuText(cpu: PhaseCpu, seconds: number): string {
  const spent = cpu.node + (cpu.postgres ?? 0);
  const server = cpu.postgres === null ? 'postgres not on this machine' : `postgres ${cpu.postgres.toFixed(1)} s`;
  // Below a second, the ratio says more about the 10 ms ticks than about the phase.
  const busy = seconds >= 1 ? ` (${(spent / seconds).toFixed(2)} of ${cpus().length} cores)` : '';
  return `cpu: node ${cpu.node.toFixed(1)} s, ${server}${busy}`;
}

/** The CPU of the phases together; the server's share only when every phase measured it. */
export function totalCpu(phases: readonly Phase[]): PhaseCpu {
  let node = 0;
  let postgres: number | null = 0;
  for (const p of phases) {
    node += p.cpu?.node ?? 0;
    postgres = postgres === null || p.cpu?.postgres == null ? null : postgres + p.cpu.postgres;
  }
  return { node, postgres };
}

/**
 * Times `fn` (which returns how many items it handled) and prints one line: seconds, items, items/s, load; with a
 * CPU meter, a second line with the CPU the phase cost (bench/cpu.ts).
 */
export function phaseTimer(log: (line: string) => void, meter?: PhaseCpuMeter) {
  const phases: Phase[] = [];
  async function phase(name: string, what: string, fn: () => Promise<number>): Promise<void> {
    const end = await meter?.begin();
    const started = performance.now();
    let items: number;
    let cpu: PhaseCpu | undefined;
    try {
      items = await fn();
    } finally {
      // Also when the phase fails: the meter's polling stops.
      cpu = await end?.();
    }
    const p: Phase = { name, seconds: (performance.now() - started) / 1000, items, what, load: load(), cpu };
    phases.push(p);
    log(
      `${name.padEnd(10)} ${p.seconds.toFixed(1).padStart(7)} s  ${n0(items).padStart(9)} ` +
        `${what.padEnd(9)} ${n0(items / Math.max(p.seconds, 0.001)).padStart(8)}/s   load ${p.load}`
    );
    if (p.cpu) {
      log(`           ${cpuText(p.cpu, p.seconds)}`);
    }
  }
  return { phases, phase };
}
