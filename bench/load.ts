// A small HTTP load generator for the benches: keep-alive connections, a fixed number of requests in
// flight, bounded by a count and a time limit, only towards 127.0.0.1. Bodies are prepared beforehand
// so the client spends as little of the (shared) CPU as it can.
import http from 'node:http';

export type LoadRequest = { method: 'GET' | 'POST'; path: string; body?: Buffer; headers?: Record<string, string> };
export type LoadResult = {
  sent: number;
  /** responses by status code */
  statuses: Record<number, number>;
  errors: number;
  seconds: number;
  perSecond: number;
  /** latencies in milliseconds */
  p50: number;
  p95: number;
  p99: number;
};

export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function median(xs: readonly number[]): number {
  return quantile(
    [...xs].sort((a, b) => a - b),
    0.5
  );
}

/**
 * Sends `count` requests (request(i) makes the i-th) with `concurrency` in flight, stopping early at
 * `maxSeconds`. Every connection is kept alive.
 */
export async function runLoad(
  baseUrl: string,
  request: (i: number) => LoadRequest,
  opts: { count: number; concurrency: number; maxSeconds: number }
): Promise<LoadResult> {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1') {
    throw new Error('the bench only sends traffic to 127.0.0.1');
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency, maxFreeSockets: opts.concurrency });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(opts.maxSeconds * 1e9));

  const one = (r: LoadRequest) =>
    new Promise<void>((resolve) => {
      const t0 = process.hrtime.bigint();
      const headers: Record<string, string | number> = { ...r.headers };
      if (r.body) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = r.body.length;
      }
      const req = http.request(
        { host: url.hostname, port: url.port, method: r.method, path: r.path, agent, headers },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => {
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        }
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(r.body);
    });

  const worker = async () => {
    while (next < opts.count && process.hrtime.bigint() < deadline) {
      await one(request(next++));
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent: next,
    statuses,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
  };
}
