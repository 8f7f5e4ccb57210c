// Starts a real aggregator on a random port against a fresh database, with tokens for each scope set.
import { startServer, type RunningServer } from '../../backend/server.ts';
import type { Config } from '../../backend/config.ts';
import { createToken, type Scope } from '../../backend/auth/tokens.ts';
import { freshDatabase, type TestDatabase } from './db.ts';

export type TestAggregator = {
  db: TestDatabase;
  server: RunningServer;
  url: string;
  tokens: Record<'ingest' | 'read' | 'pii' | 'all', string>;
  call: (
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
    headers?: Record<string, string>
  ) => Promise<{ status: number; body: any; headers: Headers; text: string }>;
  stop: () => Promise<void>;
};

/** Jobs are off unless asked for (tests drive them, or pass { jobs: 'on' }). */
export async function startTestAggregator(
  overrides: Partial<Config> = {},
  existing?: TestDatabase
): Promise<TestAggregator> {
  const db = existing ?? (await freshDatabase());
  const server = await startServer(
    { port: 0, host: '127.0.0.1', tokenCacheMs: 0, referenceCacheMs: 0, jobs: 'off', ...overrides },
    db.url
  );
  const make = async (name: string, scopes: Scope[]) => (await createToken(db.pool, name, scopes)).token;
  const tokens = {
    ingest: await make('test-ingest', ['ingest']),
    read: await make('test-read', ['read']),
    pii: await make('test-pii', ['read', 'pii']),
    all: await make('test-all', ['ingest', 'read', 'pii']),
  };
  const call: TestAggregator['call'] = async (method, path, body, token = tokens.all, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (token) {
      h.authorization = `Bearer ${token}`;
    }
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(server.url + path, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  };
  const keep = process.env.S360_KEEP_TEST_DB === '1';
  return {
    db,
    server,
    url: server.url,
    tokens,
    call,
    stop: async () => {
      await server.close();
      if (keep) {
        console.error(`kept test database ${db.name}`);
        await db.pool.end();
      } else {
        await db.drop();
      }
    },
  };
}
