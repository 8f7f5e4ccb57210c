// An aggregator in a process of its own (`bin/services360.js serve`, as an operator runs it), for tests that
// measure the aggregator alone: its resident memory is read from Linux's /proc (VmRSS now, VmHWM its peak), so
// nothing of the test process (its runner, its other test files, its parsing of answers) counts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './pg-cluster.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');

export type AggregatorProcess = {
  url: string;
  pid: number;
  /** Resident memory now, in MB. */
  rssMb: () => number;
  /** The highest resident memory since the process started, in MB (the kernel's own high-water mark). */
  peakRssMb: () => number;
  /** What the process printed (stdout and stderr), for a failure's message. */
  output: () => string;
  stop: () => Promise<void>;
};

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  if (!match) {
    throw new Error(`/proc/${pid}/status has no ${field}`);
  }
  return Number(match[1]) / 1024;
}

/** Starts `services360 serve` on a free port against `databaseUrl` (jobs off unless `env` says otherwise) and
 *  resolves once /healthz answers; rejects with the process's output if it exits first. */
export async function startAggregatorProcess(
  databaseUrl: string,
  env: Record<string, string> = {}
): Promise<AggregatorProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const child = spawn(process.execPath, [join(ROOT, 'bin/services360.js'), 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', S360_JOBS: 'off', ...env },
  });
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(`exited (code ${code}, signal ${signal})`))
  );
  // Should the test process die first, the aggregator goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const output = () => log.join('');
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  // Ready when /healthz answers: polled until then, or until the process exits (no time bound: a loaded machine
  // only makes it slower, and jest's test timeout still ends a start that never comes).
  let ready = false;
  const readiness = (async () => {
    while (!ready) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) {
          return 'ready';
        }
      } catch {
        /* not listening yet */
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return 'stopped';
  })();
  const outcome = await Promise.race([readiness, exited]);
  ready = true;
  if (outcome !== 'ready') {
    throw new Error(`the aggregator ${outcome} before it answered /healthz:\n${output().slice(-4000)}`);
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    rssMb: () => statusMb(pid, 'VmRSS'),
    peakRssMb: () => statusMb(pid, 'VmHWM'),
    output,
    stop,
  };
}
