// The aggregator as shipped, for the benchmarks that time its API and the tests that measure it alone
// (tests/integration/query-limits.test.ts): `services360 serve` in a process of its own (jobs as asked), spoken to
// over one keep-alive connection — as a Grafana server or a browser would — so the load generator's own work never
// shares the server's thread nor is counted in its times. Its resident memory is read from Linux's /proc (VmRSS now,
// VmHWM its peak), so nothing of the caller's process counts.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '../..');

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
export type AggregatorProcess = {
  child: ChildProcess;
  /** http://127.0.0.1:PORT, for callers that bring their own client (fetch). */
  url: string;
  /** Resident memory now, in MB. */
  rssMb: () => number;
  /** The highest resident memory since the process started, in MB (the kernel's own high-water mark). */
  peakRssMb: () => number;
  request: (method: 'GET' | 'POST', path: string, headers?: Record<string, string>, body?: string) => Promise<Reply>;
  stop: () => Promise<void>;
};

function statusMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  if (!match) {
    throw new Error(`/proc/${pid}/status has no ${field}`);
  }
  return Number(match[1]) / 1024;
}

/** `sockets`: keep-alive connections to it (1: one request at a time, as one Grafana panel after another). */
export function startAggregatorProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  sockets = 1
): Promise<AggregatorProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/services360.js'), 'serve'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const onExit = (code: number | null) =>
      reject(new Error(`the aggregator exited (${code}) before listening: ${out}`));
    child.once('exit', onExit);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on http:\/\/(127\.0\.0\.1):(\d+)/.exec(out);
      if (!m) {
        return;
      }
      child.off('exit', onExit);
      const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
      const request: AggregatorProcess['request'] = (method, path, headers = {}, body) =>
        new Promise((done, fail) => {
          const req = http.request(
            {
              host: m[1],
              port: Number(m[2]),
              method,
              path,
              agent,
              headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () =>
                done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
              );
            }
          );
          req.on('error', fail);
          req.end(body);
        });
      const stop = async () => {
        agent.destroy();
        if (child.exitCode !== null) {
          return;
        }
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      };
      resolve({
        child,
        url: `http://${m[1]}:${m[2]}`,
        rssMb: () => statusMb(child.pid, 'VmRSS'),
        peakRssMb: () => statusMb(child.pid, 'VmHWM'),
        request,
        stop,
      });
    });
  });
}
