// What the on-demand benchmarks that load a history share: a fresh database of their own on the S360_ADMIN_URL
// server (dropped at the end unless kept), phases timed with their rate and the machine's load when they ended.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';

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

export type Phase = { name: string; seconds: number; items: number; what: string; load: string };

/** Times `fn` (which returns how many items it handled) and prints one line: seconds, items, items/s, load. */
export function phaseTimer(log: (line: string) => void) {
  const phases: Phase[] = [];
  async function phase(name: string, what: string, fn: () => Promise<number>): Promise<void> {
    const started = performance.now();
    const items = await fn();
    const p = { name, seconds: (performance.now() - started) / 1000, items, what, load: load() };
    phases.push(p);
    log(
      `${name.padEnd(10)} ${p.seconds.toFixed(1).padStart(7)} s  ${n0(items).padStart(9)} ` +
        `${what.padEnd(9)} ${n0(items / Math.max(p.seconds, 0.001)).padStart(8)}/s   load ${p.load}`
    );
  }
  return { phases, phase };
}
